/** A producer (or a client sending commands): what it sends, how fast, and whether it is paused. */
import type { AppState } from '../../app/store';
import { useShallow } from '../useAppStore';
import { fitText, type Box } from '../layout';
import { useEntityProps } from '../useEntityProps';
import { useLineState, usePipelineNameState } from '../usePacedState';

/** What a producer node shows, from the store. */
function selectProducer(state: AppState, id: string) {
  const p = state.sim.snapshot.producers.find((candidate) => candidate.id === id);
  const client = state.sim.snapshot.calls?.clients.find((c) => c.producer === id);
  return {
    // Short enough to fit the node: the arrows show whom it calls, the chart how it went.
    what: client ? 'sync calls' : (p?.event ?? p?.command ?? ''),
    to: client ? null : (p?.to ?? null),
    rate: p?.ratePerSec ?? 0,
    paused: p?.paused ?? false,
    sent: p?.sent ?? 0,
    failed: client ? client.failed + client.timedOut : null,
  };
}

/** The node's lines, its title and its accessible name. */
function producerTexts(id: string, producer: ReturnType<typeof selectProducer>) {
  const line1 = producer.what;
  const target = producer.to ? `→ ${producer.to}` : null;
  // Rate and count on lines of their own: together they did not fit a narrow node ("5/s · 351 se…").
  const rate = producer.paused ? 'paused' : `${producer.rate}/s`;
  const sent = `${producer.sent} sent`;
  // A calling client shows its failed orders (refused, errors and timeouts) where they happen.
  const failed = producer.failed === null ? null : `✕ ${producer.failed} failed`;
  const line2 = `${rate} · ${sent}${failed ? ` · ${failed}` : ''}`;
  return {
    line1,
    target,
    rate,
    sent,
    failed,
    title: `${id}: ${line1}${target ? ` ${target}` : ''}, ${line2}`,
    // The accessible name reads the visible lines in order (WCAG 2.5.3, label in name); a calling
    // client draws its failed orders where others draw what they sent (sent is in its chart).
    label: `${id} ${line1} ${target ? `${target} ` : ''}${rate} ${failed ?? sent}, producer`,
  };
}

export function ProducerNode({ id, box }: { id: string; box: Box }) {
  // Drawn about ten times a second while playing, named about twice (usePacedState.ts); both
  // exact when stopped. One useShallow each: it remembers its last answer.
  const producer = useLineState(useShallow((state: AppState) => selectProducer(state, id)));
  const { line1, target, rate, sent, failed } = producerTexts(id, producer);
  const named = producerTexts(id, usePipelineNameState(useShallow((state: AppState) => selectProducer(state, id))));
  const props = useEntityProps(`producer:${id}`, named.label);
  return (
    <g {...props} transform={`translate(${box.x},${box.y})`} data-testid={`producer-${id}`}>
      <rect width={box.width} height={box.height} rx={8} className="node node-producer" />
      <title>{named.title}</title>
      <text x={10} y={20} className="node-title">
        {`${fitText(id, box.width - 20, 9.5)} `}
      </text>
      <text x={10} y={37} className="node-line">
        {`${fitText(line1, box.width - 20)} `}
      </text>
      {target && (
        <text x={10} y={53} className="node-line">
          {`${fitText(target, box.width - 20)} `}
        </text>
      )}
      <text x={10} y={target ? 69 : 53} className="node-line">
        {`${fitText(rate, box.width - 20)} `}
      </text>
      <text x={10} y={target ? 85 : 69} className={producer.failed ? 'node-line calls-failed-text' : 'node-line'} data-testid={failed ? `producer-failed-${id}` : undefined}>
        {fitText(failed ?? sent, box.width - 20)}
      </text>
    </g>
  );
}
