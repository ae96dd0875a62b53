/**
 * Every partition of every topic as a lane of offset cells, with each subscribed group's
 * committed offset, owner and the owner's position. Records stay after every group read them:
 * the log is not a queue; only retention (hatched) removes them.
 */
import { assignedMember, partitionOwner } from '../ownership';
import type { TopicView } from '../../engine';
import type { SimQueries } from '../../app/simQueries';
import { type AppState, selectNowMs, selectQueries } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { useLaneLabelState } from '../usePacedState';
import { COMPACT_LANE_ROWS, LANE_ROWS, laneBlockHeight, type LaneRows } from '../layout';
import { colourModeFor, type ColourMode } from '../recordColour';
import { useElementWidth } from '../useElementWidth';
import { memo, useMemo, useState } from 'react';
import { serviceColours, type ServiceColour } from '../palette';
import type { PartitionView } from '../../engine';
import { useOnScreen } from '../useOnScreen';
import { laneAnchors } from './laneAnchors';
import { PartitionLane, type LaneReader } from './PartitionLane';
import { LAG_WHY } from './partitionLag';
import { sameElements } from '../keepWhileSame';
import { useShortScreen } from '../useMediaQuery';
import { focusGroup } from './focusGroup';

/**
 * Everything a lane shows, as a flat list of values compared one by one: a lane whose list did
 * not change since the last frame is not rendered again (most lanes, most frames, even at 100
 * records/s). The partition itself is one value: the snapshot keeps the same object while its
 * log did not move.
 */
function laneShows(partition: PartitionView, labelPartition: PartitionView, readers: LaneReader[], selection: string | null, anchors: readonly number[]): unknown[] {
  const pk = `${partition.topic}-${partition.partition}`;
  // The group rows' label texts follow the paced views: they count in the list too.
  const shows: unknown[] = [partition, labelPartition, ...anchors];
  for (const { group, label } of readers) {
    const owner = partitionOwner(group, pk);
    shows.push(label, group.committed[pk], owner?.name, owner?.positions[pk], owner ? null : assignedMember(group, pk)?.instance, owner ? null : group.state);
  }
  if (selection !== null && (selection === `partition:${pk}` || selection.startsWith(`record:${pk}@`))) shows.push(selection);
  return shows;
}

type LaneProps = Parameters<typeof PartitionLane>[0] & { shows: readonly unknown[]; frozen: boolean };

/**
 * React compares against the props of the lane's last render, so a lane that was frozen while
 * off screen catches up as soon as it is on screen again (or the clock stops).
 */
/** Whether a lane would draw the same (its `shows` list and its geometry). */
function sameLane(a: Omit<LaneProps, 'frozen' | 'top'>, b: Omit<LaneProps, 'frozen' | 'top'>): boolean {
  return (
    sameElements(a.shows, b.shows) &&
    a.width === b.width &&
    a.colourMode === b.colourMode &&
    a.hatchId === b.hatchId &&
    a.rows === b.rows &&
    a.colours === b.colours &&
    a.readers.length === b.readers.length
  );
}

const MemoPartitionLane = memo(
  ({ shows: _shows, frozen: _frozen, ...props }: LaneProps) => <PartitionLane {...props} />,
  (a, b) => b.frozen || (a.top === b.top && sameLane(a, b)),
);

/**
 * One partition's block. Off screen while the clock runs it is frozen (not rendered again) and
 * the browser skips its layout and paint (content-visibility); paused, every lane is current, so
 * what assistive technology and tests read is always the present state.
 */
type LaneBlockProps = Omit<LaneProps, 'frozen' | 'top'> & { height: number; playing: boolean };

function LaneBlock({ height, playing, ...props }: LaneBlockProps) {
  const [ref, onScreen] = useOnScreen<HTMLDivElement>();
  return (
    <div ref={ref} className="lane-block" style={{ height }}>
      <svg width={props.width} height={height}>
        <MemoPartitionLane {...props} top={0} frozen={playing && !onScreen} />
      </svg>
    </div>
  );
}

/** A lane that draws the same is not rendered again, block and all (most lanes, most frames). */
const MemoLaneBlock = memo(LaneBlock, (a: LaneBlockProps, b: LaneBlockProps) => a.playing === b.playing && a.height === b.height && sameLane(a, b));

const selectSnapshot = (state: AppState) => state.sim.snapshot;
const selectTopics = (state: AppState) => state.sim.snapshot.topics;
const selectGroups = (state: AppState) => state.sim.snapshot.groups;
const selectSelection = (state: AppState) => state.ui.selection;
const selectReplicated = (state: AppState) => state.sim.snapshot.replication !== undefined;
/** Playing or long work under way: the run moves on, and off-screen lanes may wait. */
const selectMoving = (state: AppState) => state.playback.playing || state.lab.work !== null;

/**
 * Lanes drawn unless the user asks for more: a scenario at the limits has 1,024 partitions read
 * by 16 groups each, and drawing every lane (tens of thousands of elements) would make each
 * frame take seconds. A lane costs one row plus one per group reading it; topics show up to 16
 * lanes each, and past 192 rows in all the rest start folded; a button shows all of a topic.
 */
export const MAX_LANES_PER_TOPIC = 16;
export const MAX_LANE_ROWS = 192;

/** Lanes each topic shows: all of an expanded topic; otherwise within the budgets above. */
export function lanesShown(partitionCounts: readonly number[], expanded: readonly boolean[], readerCounts: readonly number[] = []): number[] {
  let rowsLeft = MAX_LANE_ROWS;
  return partitionCounts.map((count, i) => {
    if (expanded[i]) return count;
    const rowsPerLane = 1 + (readerCounts[i] ?? 0);
    const shown = Math.max(0, Math.min(count, MAX_LANES_PER_TOPIC, Math.floor(rowsLeft / rowsPerLane)));
    rowsLeft -= shown * rowsPerLane;
    return shown;
  });
}

export function TopicLanes() {
  const topics = useAppStore(selectTopics);
  const groups = useAppStore(selectGroups);
  // The figures the group rows' labels spell out: about ten times a second while playing, exact
  // when stopped (usePacedState.ts), the lanes of even and odd partitions in different frames;
  // the markers follow every frame.
  const labelled = [useLaneLabelState(selectSnapshot, 0), useLaneLabelState(selectSnapshot, 1)] as const;
  const selection = useAppStore(selectSelection);
  const playing = useAppStore(selectMoving);
  const nowMs = useAppStore(selectNowMs);
  const queries = useAppStore(selectQueries);
  const short = useShortScreen();
  const replicated = useAppStore(selectReplicated);
  const [ref, width] = useElementWidth<HTMLDivElement>(880);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [everyGroup, setEveryGroup] = useState(false);
  const focus = short && !everyGroup ? focusGroup(groups, topics, selection) : null;
  // One colour table for every group row (the services shown decide the colours).
  const serviceIds = groups.map((group) => group.serviceId).join('\u0000');
  const colours = useMemo(() => serviceColours(serviceIds === '' ? [] : serviceIds.split('\u0000')), [serviceIds]);
  // A topic the focused group does not read keeps every reader's row.
  const readersOf = (topic: TopicView, labels: AppState['sim']['snapshot']) =>
    groups
      .map((group) => ({ group, label: labels.groups.find((g) => g.groupId === group.groupId) ?? group }))
      .filter(({ group }) => group.subscribe.includes(topic.name))
      .filter(({ group }, _, all) => focus === null || !all.some((r) => r.group.groupId === focus) || group.groupId === focus);
  const readers = topics.map((topic) => [readersOf(topic, labelled[0]), readersOf(topic, labelled[1])] as const);
  const shown = lanesShown(
    topics.map((t) => t.partitions.length),
    topics.map((t) => expanded.has(t.name)),
    readers.map((r) => r[0].length),
  );
  return (
    <section ref={ref} className="topic-lanes" aria-label="Partition lanes">
      <div className="lanes-head">
        <LanesKey short={short} replicated={replicated} />
        {short && (focus !== null || everyGroup) && (
          <p className="lanes-focus" data-testid="lanes-focus">
            {focus !== null ? (
              <>
                Rows of <strong>{focus}</strong> only{' '}
                <button type="button" onClick={() => setEveryGroup(true)}>
                  Every group
                </button>
              </>
            ) : (
              <button type="button" onClick={() => setEveryGroup(false)}>
                Affected group only
              </button>
            )}
          </p>
        )}
      </div>
      {topics.map((topic, i) => (
        <TopicBlock
          key={topic.name}
          topic={topic}
          readers={readers[i]!}
          labelTopics={[labelled[0].topics.find((t) => t.name === topic.name) ?? topic, labelled[1].topics.find((t) => t.name === topic.name) ?? topic]}
          rows={short ? COMPACT_LANE_ROWS : LANE_ROWS}
          width={width}
          selection={selection}
          playing={playing}
          nowMs={nowMs}
          queries={queries}
          shown={shown[i]!}
          colours={colours}
          onShowAll={() => setExpanded((before) => new Set(before).add(topic.name))}
        />
      ))}
    </section>
  );
}

/** The lanes' key: static text, drawn again only when the screen's height class or replication changes. */
const LanesKey = memo(function LanesKey({ short, replicated }: { short: boolean; replicated: boolean }) {
  // Open on a tall screen; on a short one its first line says enough and the lanes need the room.
  return (
    <details className="legend" open={!short} key={short ? 'short' : 'tall'}>
      <summary>Key: ▲ committed · ◆ position · ┃ log end — lag = end − ▲, to process = end − ◆</summary>
      <p>
        ▲ committed offset (next to read) · ◆ the owner&apos;s position (next offset it fetches) · ┃
        log end offset · ┆ segment boundary · hatched: deleted by retention · dotted: compacted
        away · ⟩ n ⟨ n older offsets not drawn · cells stay after being read
      </p>
      {replicated && (
        <p>
          ┇ dashed line: high watermark · faded striped cells after it: on the leader, not yet committed (no
          consumer reads them) · ✕ cross-hatched: acknowledged to the producer, then lost
        </p>
      )}
      <p>
        lag = log end − ▲ (Kafka&apos;s lag) · to process = log end − ◆, or − ▲ while nobody owns it. {LAG_WHY}
      </p>
    </details>
  );
});

interface TopicBlockProps {
  topic: TopicView;
  /** The groups whose rows its lanes show, with their labels' figures for even and odd partitions. */
  readers: readonly [LaneReader[], LaneReader[]];
  /** The topic as the group rows' labels of even and odd partitions spell it out (paced while playing). */
  labelTopics: readonly [TopicView, TopicView];
  rows: LaneRows;
  width: number;
  selection: string | null;
  playing: boolean;
  nowMs: number;
  queries: SimQueries;
  /** Lanes drawn (the first ones); the rest behind a button. */
  shown: number;
  colours: Readonly<Record<string, ServiceColour>>;
  onShowAll: () => void;
}

/** A topic's heading and the patterns its lanes refer to: they change with the topic's settings, not with its records. */
const TopicHead = memo(function TopicHead({ name, partitions, colourMode, cleanupPolicy }: { name: string; partitions: number; colourMode: ColourMode; cleanupPolicy: TopicView['cleanupPolicy'] }) {
  return (
    <>
        <h2>
          Topic <code>{name}</code>{' '}
          <span className="section-meta">
            {partitions} partition{partitions === 1 ? '' : 's'} · cells
            coloured by {colourMode === 'key' ? 'key' : 'event type'} · cleanup.policy=
            {cleanupPolicy}
          </span>
        </h2>
        {/* The patterns live in one defs block; every lane's svg refers to them by id. */}
        <svg width={0} height={0} className="lane-defs" aria-hidden="true">
          <defs>
            <pattern
              id={`hatch-${name}`}
              width="6"
              height="6"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <line x1="0" y1="0" x2="0" y2="6" stroke="#8b95a1" strokeWidth="2" />
            </pattern>
            {/* Replication (issue 17): upright stripes over faded records not yet committed; a dark cross-hatch where acknowledged records were lost. */}
            <pattern id={`uncommitted-${name}`} width="5" height="5" patternUnits="userSpaceOnUse">
              <line x1="1" y1="0" x2="1" y2="5" stroke="#1b1f24" strokeWidth="1.5" />
            </pattern>
            <pattern id={`lost-${name}`} width="7" height="7" patternUnits="userSpaceOnUse">
              <rect width="7" height="7" fill="#ffffff" />
              <path d="M 0 0 L 7 7 M 7 0 L 0 7" stroke="#1b1f24" strokeWidth="1.6" />
            </pattern>
          </defs>
        </svg>
    </>
  );
});

function TopicBlock({ topic, readers: readersByParity, labelTopics, rows, width, selection, playing, nowMs, queries, shown, colours, onShowAll }: TopicBlockProps) {
  const blockHeight = laneBlockHeight(readersByParity[0].length, rows);
  const colourMode = colourModeFor(topic.distinctRecentKeys);
  return (
    <div className="topic">
      <TopicHead name={topic.name} partitions={topic.partitions.length} colourMode={colourMode} cleanupPolicy={topic.cleanupPolicy} />
      <div role="group" aria-label={`Partitions of ${topic.name}`}>
        {topic.partitions.slice(0, shown).map((partition) => {
          const readers = readersByParity[partition.partition % 2]!;
          const anchors = laneAnchors(partition, readers, nowMs);
          const labelPartition = labelTopics[partition.partition % 2]!.partitions[partition.partition] ?? partition;
          return (
            <MemoLaneBlock
              key={partition.partition}
              shows={laneShows(partition, labelPartition, readers, selection, anchors)}
              labelPartition={labelPartition}
              anchors={anchors}
              partition={partition}
              width={width}
              height={blockHeight}
              playing={playing}
              colourMode={colourMode}
              readers={readers}
              selection={selection}
              hatchId={`hatch-${topic.name}`}
              queries={queries}
              rows={rows}
              colours={colours}
            />
          );
        })}
        {shown < topic.partitions.length && (
          <p className="hint lanes-more">
            {shown === 0 ? 'Lanes folded' : `${shown} of ${topic.partitions.length} lanes shown`} to keep the page quick.{' '}
            <button type="button" onClick={onShowAll}>
              Show all {topic.partitions.length} partitions of {topic.name}
            </button>
          </p>
        )}
      </div>
    </div>
  );
}
