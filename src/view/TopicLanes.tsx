/**
 * Every partition of every topic as a lane, with each subscribed group's committed offset.
 */
import type { GroupView, TopicView } from '../engine';
import { useAppStore, useShallow } from '../app/useAppStore';
import type { AppState } from '../app/store';
import { laneBlockHeight } from './layout';
import { PartitionLane, type GroupMarker } from './PartitionLane';
import { colourModeFor } from './recordColour';
import { useElementWidth } from './useElementWidth';

const selectTopics = (state: AppState) => state.sim.snapshot.topics;
const selectGroups = (state: AppState) => state.sim.snapshot.groups;

export function TopicLanes() {
  const topics = useAppStore(selectTopics);
  const groups = useAppStore(useShallow(selectGroups));
  const [ref, width] = useElementWidth<HTMLDivElement>(1100);
  return (
    <div ref={ref} className="topic-lanes">
      {topics.map((topic) => (
        <TopicBlock key={topic.name} topic={topic} groups={groups} width={width} />
      ))}
    </div>
  );
}

function TopicBlock({ topic, groups, width }: { topic: TopicView; groups: GroupView[]; width: number }) {
  const subscribed = groups
    .map((group, index) => ({ group, index }))
    .filter(({ group }) => group.subscribe.includes(topic.name));
  const blockHeight = laneBlockHeight(subscribed.length);
  const colourMode = colourModeFor(topic.distinctRecentKeys);
  return (
    <section className="topic" aria-label={`Topic ${topic.name}`}>
      <h2>
        Topic <code>{topic.name}</code>{' '}
        <span className="topic-meta">
          {topic.partitions.length} partitions · cells coloured by {colourMode === 'key' ? 'key' : 'event type'} · cleanup.policy={topic.cleanupPolicy}
        </span>
      </h2>
      <svg width={width} height={blockHeight * topic.partitions.length} role="img" aria-label={`Partitions of ${topic.name}`}>
        <defs>
          <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9aa3ad" strokeWidth="2" />
          </pattern>
        </defs>
        {topic.partitions.map((partition, i) => {
          const markers: GroupMarker[] = subscribed.map(({ group, index }) => ({
            groupId: group.groupId,
            committed: group.committed[`${topic.name}-${partition.partition}`],
            colourIndex: index,
          }));
          return (
            <PartitionLane key={partition.partition} partition={partition} width={width} top={i * blockHeight} colourMode={colourMode} groups={markers} />
          );
        })}
      </svg>
    </section>
  );
}
