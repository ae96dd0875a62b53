/**
 * Synchronous calls in the pipeline: for each caller → callee link a request arrow (solid, to
 * the callee) and a response arrow (dashed, back to the caller), unlike the log's edges, which
 * only ever point downstream. Each link is labelled with what is on it now: requests in flight
 * or held by the callee, and failed answers on their way back.
 */
import type { AppState } from '../../app/store';
import type { CallLinkView } from '../../engine';
import { useAppStore, useShallow } from '../useAppStore';
import { curvePath, type Box, type PipelineLayout, type Point } from '../layout';
import type { PipelineStructure } from './pipelineStructure';

type Curve = [Point, Point, Point, Point];

/** Caller → callee pairs of every calling client, in call order. */
function linksOf(state: AppState): string[] {
  const out: string[] = [];
  for (const client of state.sim.snapshot.calls?.clients ?? []) {
    client.targets.forEach((target, i) => {
      const from = client.mode === 'chain' && i > 0 ? client.targets[i - 1]! : client.producer;
      out.push(`${from}>${target}`);
    });
  }
  return out;
}

function curveFor(from: Box, to: Box, fromService: boolean): Curve {
  const target: Point = [to.x, to.y + 13];
  if (!fromService) {
    const source: Point = [from.x + from.width, from.y + 20];
    return [source, [source[0] + 60, source[1]], [target[0] - 80, target[1]], target];
  }
  // Service to service, both in the services column: out of the caller's left side and back in
  // at the callee's header, bulging into the (empty) topic column.
  const source: Point = [from.x, from.y + from.height - 10];
  return [source, [source[0] - 70, source[1]], [target[0] - 70, target[1]], target];
}

function shifted(curve: Curve, dy: number): Curve {
  return curve.map(([x, y]) => [x, y + dy] as Point) as Curve;
}

export function CallEdges({ layout, structure }: { layout: PipelineLayout; structure: PipelineStructure }) {
  const links = useAppStore(useShallow(linksOf));
  const traffic = useAppStore((state: AppState) => state.sim.snapshot.calls?.links);
  if (links.length === 0) return null;
  const boxOf = (id: string): { box: Box; service: boolean } | null => {
    const producer = layout.producers[id];
    if (producer) return { box: producer, service: false };
    const service = layout.services[structure.serviceGroups[id] ?? ''];
    return service ? { box: service, service: true } : null;
  };
  return (
    <g className="call-edges" aria-hidden="true">
      {links.map((key) => {
        const [fromId, toId] = key.split('>') as [string, string];
        const from = boxOf(fromId);
        const to = boxOf(toId);
        if (!from || !to) return null;
        const curve = curveFor(from.box, to.box, from.service);
        const now: CallLinkView | undefined = traffic?.find((l) => l.from === fromId && l.to === toId);
        const waiting = (now?.requests ?? 0) + (now?.held ?? 0);
        const failures = now?.failures ?? 0;
        const mid = curve[1][0] + (curve[2][0] - curve[1][0]) / 2;
        const midY = (curve[0][1] + curve[3][1]) / 2;
        return (
          <g key={key} data-testid={`call-link-${fromId}-${toId}`} data-waiting={waiting} data-failures={failures}>
            <path d={curvePath(curve)} className="call-edge call-request" markerEnd="url(#call-arrow)" />
            <path d={curvePath(shifted(curve, 6))} className={failures > 0 ? 'call-edge call-response call-failing' : 'call-edge call-response'} markerStart="url(#call-arrow-back)" />
            <text x={mid} y={midY - 6} className="call-label" textAnchor="middle">
              {`${waiting} waiting`}
              {failures > 0 && <tspan className="call-failure">{` · ✕ ${failures}`}</tspan>}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Arrow heads of call edges (the request's and the response's). */
export function CallMarkers() {
  return (
    <>
      <marker id="call-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
        <path d="M 0 0 L 10 5 L 0 10 z" className="call-arrow-head" />
      </marker>
      <marker id="call-arrow-back" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" markerHeight="7" orient="auto">
        <path d="M 10 0 L 0 5 L 10 10 z" className="call-arrow-head" />
      </marker>
    </>
  );
}
