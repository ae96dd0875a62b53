/**
 * One consumer group: state, generation, assignor and eager/cooperative protocol, each member
 * with its status and assignment, and what the last rebalance changed: kept partitions plain,
 * moved ones marked with where they came from (sliding in, from the virtual clock), revoked
 * ones struck through. While a rebalance runs, a banner says what the protocol does now.
 */
import { memo, useMemo, useState, type ReactElement } from 'react';
import type { GroupView } from '../../engine';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { formatSimTime } from '../formatTime';
import { STATUS_GLYPHS, statusText } from '../labels';
import { travelHalfMs } from '../layout';
import { statusColour } from '../themes';
import { useEntityProps } from '../useEntityProps';
import { useServiceColour } from '../useServiceColour';
import { useReducedMotion } from '../useReducedMotion';
import { rebalanceDiff, type MemberDiff } from './rebalanceDiff';
import { keepWhileSame } from '../keepWhileSame';

const selectSpeed = (state: AppState) => state.playback.speed;

/**
 * Members a card lists, and partition chips a member shows, before "+N more": a group at the
 * limits (32 members sharing 1,024 partitions) would otherwise put tens of thousands of chips on
 * the page. The describe table and the inspector list everything.
 */
const MAX_MEMBER_ROWS = 12;
const MAX_CHIPS = 12;

/**
 * Whether a card would draw the same: the group's state and protocol, its members and
 * rebalances (shared by the snapshot while unchanged), and each instance's status and
 * assignment. Offsets and stats change every frame; the card shows neither.
 */
function sameCard(a: GroupView | undefined, b: GroupView | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.state === b.state &&
    a.generation === b.generation &&
    a.protocol === b.protocol &&
    a.rebalanceProtocol === b.rebalanceProtocol &&
    a.idempotent === b.idempotent &&
    a.subscribe === b.subscribe &&
    a.rebalances === b.rebalances &&
    a.members === b.members &&
    a.instances.length === b.instances.length &&
    a.instances.every((i, k) => {
      const other = b.instances[k]!;
      return i.name === other.name && i.status === other.status && i.hangMode === other.hangMode && i.slowFactor === other.slowFactor && i.assignment === other.assignment;
    })
  );
}

/** A selector for one card: the latest snapshot's group, or the previous object when the card would draw the same. */
function createCardSelector(groupId: string): (state: AppState) => GroupView | undefined {
  return keepWhileSame((state) => state.sim.snapshot.groups.find((g) => g.groupId === groupId), sameCard);
}

/**
 * The clock, but only while the last rebalance's chips are still sliding in (-1 after, and -1
 * for a card whose last rebalance moved no chip): a card following the clock draws again on
 * every publish, member rows and all. Exported for its test.
 */
export function selectAnimationNow(state: AppState, groupId: string, slides: boolean): number {
  if (!slides) return -1;
  const group = state.sim.snapshot.groups.find((g) => g.groupId === groupId);
  const last = group?.rebalances[group.rebalances.length - 1];
  const now = state.sim.snapshot.nowMs;
  return last && now - last.atMs < 3 * travelHalfMs(state.playback.speed) ? now : -1;
}

/** A group's card, in its service's colour (by id, as its pipeline node: palette.ts, `serviceColours`). */
export function GroupCard({ groupId }: { groupId: string }) {
  const [selectCardGroup] = useState(() => createCardSelector(groupId));
  const group = useAppStore(selectCardGroup);
  const colour = useServiceColour(group?.serviceId ?? groupId);
  const speed = useAppStore(selectSpeed);
  // The snapshot shares `members` until a rebalance changes them: the diff (a map of every
  // partition at the limits) is made once per rebalance, not on every card render.
  const members = group?.members;
  const diff = useMemo(() => (members ? rebalanceDiff(members) : {}), [members]);
  const slides = useMemo(() => Object.values(diff).some(slidesIn), [diff]);
  const animationNow = useAppStore((state: AppState) => selectAnimationNow(state, groupId, slides));
  const reducedMotion = useReducedMotion();
  const headProps = useEntityProps(`group:${groupId}`);
  const called = useAppStore((state: AppState) => state.sim.snapshot.calls?.services.some((s) => s.service === group?.serviceId) ?? false);
  if (!group) return null;
  const last = group.rebalances[group.rebalances.length - 1];
  const progress =
    !last || reducedMotion || animationNow < 0
      ? 1
      : Math.min(1, (animationNow - last.atMs) / (3 * travelHalfMs(speed)));
  const rebalancing = group.state === 'PreparingRebalance' || group.state === 'CompletingRebalance';
  return (
    <li
      className="group-card"
      style={{ borderLeftColor: colour.mark }}
      data-testid={`group-${groupId}`}
    >
      <div className="group-head">
        <button
          type="button"
          {...headProps}
          className="link group-name"
          style={{ color: colour.text }}
        >
          {group.serviceId}
        </button>
        <span className="group-state" data-testid={`group-state-${groupId}`}>
          {group.state} · gen {group.generation}
        </span>
      </div>
      {group.subscribe.length === 0 && (
        <div className="group-meta">
          {called ? 'serves synchronous calls' : 'takes commands sent to it directly'}: it reads no topic, so it has no partitions
        </div>
      )}
      <div className="group-meta">
        {group.protocol
          ? `assignor ${group.protocol}`
          : group.state === 'Empty'
            ? 'no members, no assignor'
            : 'assignor not chosen yet'}{' '}
        · {group.rebalanceProtocol} rebalancing{group.idempotent ? ' · idempotent' : ''}
      </div>
      {rebalancing ? (
        <div className="rebalance-banner" role="status">
          ⟳ Rebalancing ({group.rebalanceProtocol}):{' '}
          {group.rebalanceProtocol === 'eager'
            ? 'every member revokes all its partitions and rejoins; nobody consumes until it completes.'
            : 'members keep their partitions; only partitions that move are revoked, then handed over in a second round.'}
        </div>
      ) : last ? (
        <div className="group-meta">
          Last rebalance at {formatSimTime(last.atMs)} → gen {last.generation}
          {group.rebalanceProtocol === 'eager' && last.generation > 1 && group.state !== 'Empty'
            ? ' · eager: all revoked, then reassigned'
            : ''}
        </div>
      ) : null}
      <ul className="members">
        {group.instances.slice(0, MAX_MEMBER_ROWS).map((instance) => (
          <Row
            key={instance.name}
            group={group}
            name={instance.name}
            diff={diff[instance.name]}
            progress={slidesIn(diff[instance.name]) ? progress : 1}
          />
        ))}
        {group.instances.length > MAX_MEMBER_ROWS && (
          <li className="hint members-more">
            +{group.instances.length - MAX_MEMBER_ROWS} more instances (all in the describe table)
          </li>
        )}
      </ul>
    </li>
  );
}

/** Whether any of a member's chips slides in after the last rebalance (moved to it, or new). Exported for its test. */
export function slidesIn(diff: MemberDiff | undefined): boolean {
  return diff?.chips.some((chip) => chip.kind !== 'kept') ?? false;
}

/**
 * A member's row draws again only when its group's card does and its props changed: the group
 * (kept while the card draws the same), its diff (once per rebalance) and, for a row with
 * chips sliding in, the slide's progress. A card at the limits lists 12 rows.
 */
const Row = memo(MemberRow);

function MemberRow({
  group,
  name,
  diff,
  progress,
}: {
  group: GroupView;
  name: string;
  diff: ReturnType<typeof rebalanceDiff>[string] | undefined;
  progress: number;
}) {
  const instance = group.instances.find((i) => i.name === name)!;
  const props = useEntityProps(`instance:${name}`);
  const byPartition = useMemo(() => new Map(diff?.chips.map((c) => [c.partition, c])), [diff]);
  // The coordinator's view and the instance's own can differ: a crashed member keeps its
  // partitions until session.timeout.ms; an evicted one still believes it owns its old ones.
  const member = group.members.find((m) => m.instance === name);
  const down = instance.status === 'crashed' || instance.status === 'stopped';
  const held = down && member !== undefined ? member.assignment : [];
  const stale = member === undefined && !down && instance.assignment.length > 0;
  const membership =
    held.length > 0
      ? ' · still a member until session.timeout.ms'
      : stale
        ? ' · evicted, not a member'
        : down && member === undefined
          ? ' · not in the group'
          : '';
  return (
    <li data-testid={`instance-${name}`} data-status={instance.status}>
      <button type="button" {...props} className={`link member-name ${props.className}`}>
        <span style={{ color: statusColour(instance.status) }} aria-hidden="true">
          {STATUS_GLYPHS[instance.status]}
        </span>{' '}
        {name}
      </button>
      <span className="member-status">
        {statusText(instance)}
        {instance.slowFactor !== 1 ? ` · ×${instance.slowFactor} slow` : ''}
        {membership}
      </span>
      <span className="chips">
        {instance.assignment.length === 0 && held.length === 0 && (
          <span className="chip chip-none">no partitions</span>
        )}
        {chipsShown([
          [
            held,
            (pk) => (
              <span
                key={`h-${pk}`}
                className="chip chip-held"
                title="Assigned by the coordinator, but nobody consumes it until the member is declared dead"
              >
                {pk} (held)
              </span>
            ),
          ],
          [
            stale ? instance.assignment : [],
            (pk) => (
              <span
                key={`s-${pk}`}
                className="chip chip-stale"
                title="The instance still believes it owns this; the coordinator has given it away"
              >
                {pk} (stale)
              </span>
            ),
          ],
          [stale ? [] : instance.assignment, (pk) => assignedChip(pk, byPartition.get(pk), progress)],
          [
            diff?.revoked ?? [],
            (pk) => (
              <span key={`r-${pk}`} className="chip chip-revoked">
                <s>{pk}</s> revoked
              </span>
            ),
          ],
        ])}
      </span>
    </li>
  );
}

/** Partitions and how to draw each one's chip, in the order the chips are listed. */
type ChipSource = readonly [partitions: readonly string[], chip: (partition: string) => ReactElement];

/**
 * The first MAX_CHIPS chips, and one saying how many more there are. Only the chips shown are
 * made: a member at the limits holds 64 partitions, and every card renders on each publish.
 */
function chipsShown(sources: readonly ChipSource[]): ReactElement[] {
  const chips: ReactElement[] = [];
  let total = 0;
  for (const [partitions, chip] of sources) {
    for (let i = 0; i < partitions.length && chips.length < MAX_CHIPS; i++) chips.push(chip(partitions[i]!));
    total += partitions.length;
  }
  if (total > MAX_CHIPS) {
    chips.push(
      <span key="more" className="chip chip-more">
        +{total - MAX_CHIPS} more
      </span>,
    );
  }
  return chips;
}

function assignedChip(pk: string, chip: ReturnType<typeof rebalanceDiff>[string]['chips'][number] | undefined, progress: number): ReactElement {
  const moved = chip?.kind === 'moved' || chip?.kind === 'new';
  return (
    <span
      key={pk}
      className={`chip chip-${chip?.kind ?? 'kept'}`}
      style={
        moved && progress < 1
          ? {
              transform: `translateX(${(progress - 1) * 30}px)`,
              opacity: 0.3 + 0.7 * progress,
            }
          : undefined
      }
    >
      {pk}
      {chip?.kind === 'moved' ? ` ← ${chip.from}` : chip?.kind === 'new' ? ' (new)' : ''}
    </span>
  );
}
