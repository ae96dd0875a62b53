/**
 * A service (its consumer group): name and group state, then one row per instance with its
 * status (glyph and word, never colour alone) and slow factor. The header selects the service,
 * a row selects that instance.
 */
import type { InstanceView } from '../../engine';
import type { AppState } from '../../app/store';
import { useShallow } from '../useAppStore';
import { shortenMiddle, STATUS_GLYPHS, statusText } from '../labels';
import { PIPE, type ServiceBox } from '../layout';
import { statusColour } from '../themes';
import { useEntityProps } from '../useEntityProps';
import { useLineState, usePipelineNameState } from '../usePacedState';
import { useServiceColour } from '../useServiceColour';

/** What a service node's header shows, from the store. */
function selectHead(state: AppState, groupId: string) {
  const g = state.sim.snapshot.groups.find((candidate) => candidate.groupId === groupId);
  const calls = state.sim.snapshot.calls?.services.find((s) => s.service === g?.serviceId);
  const busy = calls?.instances.reduce((n, i) => n + i.busy, 0) ?? 0;
  const queued = calls?.instances.reduce((n, i) => n + i.queued, 0) ?? 0;
  const threads = (calls?.threads ?? 0) * (calls?.instances.length ?? 0);
  return { serviceId: g?.serviceId ?? groupId, state: g?.state ?? '', generation: g?.generation ?? 0, commands: g !== undefined && g.subscribe.length === 0, called: calls !== undefined, busy, queued, threads };
}

/** The header's texts: the group's state (or workers), and how much room the name has. */
function headTexts(head: ReturnType<typeof selectHead>, box: ServiceBox) {
  // A service that reads no topic takes commands (or calls) sent to it: its group has nothing to
  // balance. A called service shows its busy workers and queued requests instead.
  const fullText = head.called
    ? // Short while nothing queues, so the service's name keeps its room (its accessible name
      // must contain what is drawn).
      `${head.busy}/${head.threads} busy${head.queued > 0 ? ` · ${head.queued} queued` : ''}`
    : head.commands
      ? 'takes commands'
      : `${shortState(head.state)} · gen ${head.generation}`;
  // At half width (two runs side by side) the name has a line of its own and the state the next.
  const twoLines = (box.header ?? PIPE.header) > PIPE.header;
  // In a narrow box the group's state shortens before its name does: a stable group shows its
  // generation alone, any other state its name alone.
  const nameRoom = (text: string) => (twoLines ? (box.width - 24) / 9.6 : (box.width - 34 - text.length * 7.4) / 9.5);
  const narrow = !twoLines && nameRoom(fullText) < head.serviceId.length && !head.called && !head.commands;
  const headText = !narrow ? fullText : head.state === 'Stable' ? `gen ${head.generation}` : shortState(head.state);
  return { headText, twoLines, nameRoom };
}

export function ServiceNode({ groupId, box }: { groupId: string; box: ServiceBox }) {
  // Drawn about ten times a second while playing, named about twice (usePacedState.ts); both
  // exact when stopped. One useShallow each: it remembers its last answer.
  const head = useLineState(useShallow((state: AppState) => selectHead(state, groupId)));
  const { headText, twoLines, nameRoom } = headTexts(head, box);
  const named = usePipelineNameState(useShallow((state: AppState) => selectHead(state, groupId)));
  const props = useEntityProps(`group:${groupId}`, `${named.serviceId} ${headTexts(named, box).headText}, service`);
  // The service's colour, by its id: the same bar as its group card and its lane markers.
  const colour = useServiceColour(head.serviceId).mark;
  return (
    <g transform={`translate(${box.x},${box.y})`} data-testid={`service-${groupId}`}>
      <rect width={box.width} height={box.height} rx={8} className={props['aria-pressed'] ? 'node node-service node-selected' : 'node node-service'} />
      <rect width={6} height={box.height} rx={3} fill={colour} />
      <g {...props}>
        <rect width={box.width} height={box.header ?? PIPE.header} rx={8} className="header-hit" />
        {/* Narrow screens: the name gives way (an ellipsis in its middle, keeping the end that
            tells "fraud-check-latest" from "fraud-check-latest-2") to the group's state. */}
        <text x={14} y={18} className="node-title" data-testid={`service-name-${groupId}`}>
          {`${shortenMiddle(head.serviceId, nameRoom(headText))} `}
        </text>
        <text x={twoLines ? 14 : box.width - 10} y={twoLines ? 36 : 18} className="node-line" textAnchor={twoLines ? 'start' : 'end'}>
          {headText}
        </text>
      </g>
      {Object.entries(box.instanceY).map(([name, y]) => (
        <InstanceRow key={name} groupId={groupId} name={name} y={y - box.y} width={box.width} statusGivesWay={twoLines} />
      ))}
      {box.hiddenInstances > 0 && (
        <text x={14} y={box.height - PIPE.padding - PIPE.instanceRow / 2 + 5} className="node-line node-more">
          {`+${box.hiddenInstances} more instances`}
        </text>
      )}
    </g>
  );
}

function shortState(state: string): string {
  if (state === 'PreparingRebalance') return '⟳ rebalancing';
  if (state === 'CompletingRebalance') return '⟳ syncing';
  return state;
}

const EMPTY: Pick<InstanceView, 'status' | 'hangMode' | 'slowFactor'> = { status: 'stopped', hangMode: null, slowFactor: 1 };

/** `statusGivesWay` (half width): where the name and the status word do not both fit, the word goes (the glyph, the tooltip and the accessible name keep it). */
function InstanceRow({ groupId, name, y, width, statusGivesWay }: { groupId: string; name: string; y: number; width: number; statusGivesWay: boolean }) {
  // Status changes are events, not counts: drawn and named together, about ten times a second at most while playing.
  const instance = useLineState(
    useShallow((state: AppState) => {
      const found = state.sim.snapshot.groups.find((g) => g.groupId === groupId)?.instances.find((i) => i.name === name) ?? EMPTY;
      return { status: found.status, hangMode: found.hangMode, slowFactor: found.slowFactor };
    }),
  );
  const fullStatus = statusText(instance);
  const fullSlow = instance.slowFactor !== 1 ? ` ×${instance.slowFactor} slow` : '';
  const wordsGo = statusGivesWay && (width - 62 - (fullStatus.length + fullSlow.length) * 7.4) / 8.6 < name.length;
  const status = wordsGo ? '' : fullStatus;
  const slow = wordsGo ? (instance.slowFactor !== 1 ? `×${instance.slowFactor}` : '') : fullSlow;
  const props = useEntityProps(`instance:${name}`, `${name} ${fullStatus}${fullSlow}, instance`);
  return (
    <g {...props} data-testid={`pipeline-instance-${name}`} data-status={instance.status}>
      {wordsGo && <title>{`${name} ${fullStatus}${fullSlow}`}</title>}
      <rect x={10} y={y - PIPE.instanceRow / 2 + 2} width={width - 16} height={PIPE.instanceRow - 4} rx={4} className={`instance-row status-${instance.status}`} />
      {/* Centred in a fixed slot: ❚❚ is wider than ● and ran into the name. */}
      <text x={26} y={y + 5} className={`status-glyph status-glyph-${instance.status}`} textAnchor="middle" style={{ fill: statusColour(instance.status) }} aria-hidden="true">
        {STATUS_GLYPHS[instance.status]}
      </text>
      <text x={40} y={y + 5} className="node-line instance-label">
        {`${shortenMiddle(name, (width - 62 - (status.length + slow.length) * 7.4) / 8.6)} `}
      </text>
      <text x={width - 12} y={y + 5} className="node-line instance-status-text" textAnchor="end">
        {status}
        {slow}
      </text>
    </g>
  );
}
