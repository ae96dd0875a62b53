/**
 * A calling client's orders over the last minute of virtual time: the slowest succeeded order
 * of each second (a latency sparkline, in ms, with the client's timeout marked) and the orders
 * that failed or timed out each second (bars), with the totals and p50 / p99 / max in words.
 */
import { linearScale } from '../layout/linearScale';
import type { AppState } from '../../app/store';
import type { CallClientView } from '../../engine';
import { useAppStore } from '../useAppStore';

const SPAN_S = 60;
const WIDTH = 360;
const LINE_HEIGHT = 70;
const BAR_HEIGHT = 34;
const LEFT = 44;
const RIGHT = 10;
const TOP = 8;
const GAP = 26;

const selectClients = (state: AppState) => state.sim.snapshot.calls?.clients;
const selectNow = (state: AppState) => state.sim.snapshot.nowMs;

export function CallsPanel() {
  const clients = useAppStore(selectClients);
  const nowMs = useAppStore(selectNow);
  if (!clients || clients.length === 0) return null;
  return (
    <div className="calls-panel">
      {clients.map((client) => (
        <ClientChart key={client.producer} client={client} nowMs={nowMs} />
      ))}
    </div>
  );
}

/** A round ceiling for the latency axis: 1, 2 or 5 × a power of ten. */
function niceTop(value: number): number {
  const power = 10 ** Math.floor(Math.log10(Math.max(1, value)));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

const ms = (value: number | null) => (value === null ? '–' : `${value} ms`);

function ClientChart({ client, nowMs }: { client: CallClientView; nowMs: number }) {
  const endS = Math.floor(nowMs / 1000);
  const startS = endS - SPAN_S;
  const x = linearScale([startS, endS], [LEFT, WIDTH - RIGHT]);
  const seconds = client.windows.filter((w) => w.atMs / 1000 >= startS && w.atMs / 1000 < endS);
  // Scaled to what was seen (the timeout drawn once latencies come near it), so 46 ms orders
  // are not a flat line under a 1,000 ms ceiling.
  const seenMs = Math.max(0, ...seconds.map((w) => w.maxLatencyMs ?? 0));
  const topMs = niceTop(seenMs * 1.25 >= client.timeoutMs * 0.6 ? Math.max(client.timeoutMs, seenMs) : Math.max(50, seenMs * 1.25));
  const showTimeout = client.timeoutMs <= topMs;
  const y = linearScale([0, topMs], [TOP + LINE_HEIGHT, TOP]);
  const barTop = TOP + LINE_HEIGHT + GAP;
  const maxFailed = Math.max(5, ...seconds.map((w) => w.failed + w.timedOut));
  const bar = linearScale([0, maxFailed], [0, BAR_HEIGHT]);
  // One polyline per run of consecutive seconds with succeeded orders: a gap is a gap.
  const runs: string[][] = [];
  let lastS = Number.NEGATIVE_INFINITY;
  for (const w of seconds) {
    if (w.maxLatencyMs === null) continue;
    const s = w.atMs / 1000;
    if (s !== lastS + 1 || runs.length === 0) runs.push([]);
    runs[runs.length - 1]!.push(`${x(s + 0.5).toFixed(1)},${y(w.maxLatencyMs).toFixed(1)}`);
    lastS = s;
  }
  const height = barTop + BAR_HEIGHT + 16;
  const summary =
    `${client.producer}: ${client.succeeded} succeeded, ${client.failed} failed, ${client.timedOut} timed out, ${client.inFlight} in flight; ` +
    `latency p50 ${ms(client.latencyMs.p50)}, p99 ${ms(client.latencyMs.p99)}, max ${ms(client.latencyMs.max)}`;
  return (
    <figure className="calls-chart" data-testid={`calls-chart-${client.producer}`}>
      <figcaption>
        <strong>{client.producer}</strong> orders ({client.mode} of {client.targets.length} calls, timeout {client.timeoutMs} ms) ·{' '}
        <span>{client.succeeded} ok</span> · <span className={client.failed > 0 ? 'calls-failed' : undefined} data-testid={`calls-failed-${client.producer}`}>{client.failed} failed</span> ·{' '}
        <span className={client.timedOut > 0 ? 'calls-failed' : undefined}>{client.timedOut} timed out</span> · p50 {ms(client.latencyMs.p50)} · p99 {ms(client.latencyMs.p99)} · max {ms(client.latencyMs.max)}
      </figcaption>
      <svg width={WIDTH} height={height} role="img" aria-label={`${summary}. Chart of the last ${SPAN_S} s.`}>
        {/* Latency axis (ms) with the timeout marked. */}
        <line x1={LEFT} x2={LEFT} y1={TOP} y2={TOP + LINE_HEIGHT} className="calls-axis" />
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={TOP + LINE_HEIGHT} y2={TOP + LINE_HEIGHT} className="calls-axis" />
        {[0, topMs].map((v) => (
          <text key={v} x={LEFT - 4} y={y(v) + 4} className="calls-tick" textAnchor="end">
            {v}
          </text>
        ))}
        <text x={4} y={TOP + LINE_HEIGHT / 2} className="calls-tick">ms</text>
        <text x={LEFT + 4} y={TOP + 8} className="calls-tick">slowest succeeded order each second</text>
        {showTimeout && <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(client.timeoutMs)} y2={y(client.timeoutMs)} className="calls-timeout" />}
        {showTimeout && (
          <text x={WIDTH - RIGHT} y={y(client.timeoutMs) + 10} className="calls-tick" textAnchor="end">
            timeout
          </text>
        )}
        {runs.map((run, i) => (run.length === 1 ? <circle key={i} cx={run[0]!.split(',')[0]} cy={run[0]!.split(',')[1]} r={1.8} className="calls-latency-dot" /> : <polyline key={i} points={run.join(' ')} className="calls-latency" />))}
        {/* Failed and timed-out orders per second. */}
        {seconds.map((w) =>
          w.failed + w.timedOut > 0 ? (
            <rect key={w.atMs} x={x(w.atMs / 1000) + 0.5} width={Math.max(1, x(1) - x(0) - 1)} y={barTop + BAR_HEIGHT - bar(w.failed + w.timedOut)} height={bar(w.failed + w.timedOut)} className="calls-fail-bar" />
          ) : null,
        )}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={barTop + BAR_HEIGHT} y2={barTop + BAR_HEIGHT} className="calls-axis" />
        <text x={LEFT - 4} y={barTop + 8} className="calls-tick" textAnchor="end">{maxFailed}</text>
        <text x={LEFT - 4} y={barTop + BAR_HEIGHT + 3} className="calls-tick" textAnchor="end">0</text>
        <text x={4} y={barTop + BAR_HEIGHT / 2 + 4} className="calls-tick">✕/s</text>
        <text x={LEFT + 4} y={barTop - 2} className="calls-tick">failed or timed-out orders each second</text>
        <text x={LEFT} y={height - 2} className="calls-tick">{`−${SPAN_S} s`}</text>
        <text x={WIDTH - RIGHT} y={height - 2} className="calls-tick" textAnchor="end">now</text>
      </svg>
    </figure>
  );
}
