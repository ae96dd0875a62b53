import { describe, expect, it } from 'vitest';
import type { Scenario } from '../engine';
import { mergeSameMoment } from './layout';
import { markedCommands, markerName } from './timelineMarks';

describe('timeline marks', () => {
  const scenario = { actions: [{ atMs: 20_000, type: 'crash', target: 'email-0' }] } as unknown as Scenario;
  const interventions = [{ atMs: 5_000, type: 'slow', target: 'billing-0', factor: 4 }] as never;

  it("lists a run's actions and interventions by time", () => {
    expect(markedCommands(scenario, interventions).map((c) => [c.atMs, c.kind])).toEqual([
      [5_000, 'intervention'],
      [20_000, 'action'],
    ]);
  });

  it('names each marker with its run in a comparison, without it in a single run', () => {
    const [slow, crash] = mergeSameMoment(markedCommands(scenario, interventions));
    expect(markerName(crash!, 'B')).toMatch(/^Run B, 0:20(\.000)? scenario action: crash email-0$/);
    expect(markerName(slow!, 'A')).toMatch(/^Run A, 0:05(\.000)? intervention: slow billing-0/);
    expect(markerName(crash!)).not.toContain('Run');
  });
});
