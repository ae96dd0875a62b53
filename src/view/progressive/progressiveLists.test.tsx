import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createLab } from '../../app/lab';
import type { Scenario } from '../../engine';
import { LabContext } from '../labContext';
import { GroupPanel } from '../groups/GroupPanel';
import { InsightsPanel } from '../insight/InsightsPanel';
import { PipelineView } from '../pipeline/PipelineView';

function render(lab: ReturnType<typeof createLab>, element: React.ReactElement): string {
  // Without React's markers between adjacent texts.
  return renderToString(<LabContext.Provider value={lab}>{element}</LabContext.Provider>).replaceAll('<!-- -->', '');
}

/** Every count at its limit (scenarios/budgetEdge.ts has the same counts at full rate). */
function atTheLimits(): Scenario {
  const topics = Array.from({ length: 16 }, (_, i) => ({ name: `topic-${i}`, partitions: 64 }));
  return {
    format: 'logscope-scenario',
    version: 1,
    title: 'Every count at its limit',
    seed: 1,
    topics,
    producers: topics.map((topic, i) => ({ id: `producer-${i}`, topic: topic.name, ratePerSec: 10, event: 'OrderPlaced', keys: { kind: 'sequence' as const, prefix: 'order-' } })),
    services: Array.from({ length: 16 }, (_, i) => ({ id: `service-${i}`, subscribe: topics.map((t) => t.name), instances: 32, processingMs: 0 })),
  };
}

describe('large runs are drawn in steps', () => {
  const limits = createLab({ scenario: atTheLimits(), presetId: null });
  const checkout = createLab();

  it('draws every preset group, lane and node in the first render', () => {
    expect(render(checkout, <GroupPanel />).match(/class="group-card"/g)).toHaveLength(4);
    expect(render(checkout, <InsightsPanel />)).toContain('aria-label="Partition lanes"');
    const pipeline = render(checkout, <PipelineView />);
    expect(pipeline.match(/class="node node-service"/g)).toHaveLength(4);
    expect(pipeline).not.toContain('pipeline-pending');
    expect(pipeline).not.toContain('pipeline-drawing');
  });

  it('draws none of the groups, lanes, topics and services of a run at the limits in the render that opens it', () => {
    const cards = render(limits, <GroupPanel />);
    expect(cards).not.toContain('group-card');
    expect(cards).toContain('Drawing the groups: 0 of 16…');
    const insights = render(limits, <InsightsPanel />);
    expect(insights).not.toContain('aria-label="Partition lanes"');
    expect(insights).toContain('Drawing the partition lanes…');
    const pipeline = render(limits, <PipelineView />);
    expect(pipeline).not.toMatch(/data-testid="(service|topic)-/);
    // Every node waits as an outline, and the status says what is being drawn.
    expect(pipeline.match(/node-pending/g)).toHaveLength(48);
    expect(pipeline).toContain('Drawing the pipeline: 16 topics and 16 services…');
  });
});
