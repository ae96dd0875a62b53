/**
 * The lessons' titles and what each teaches, in the plan's order: all the gallery and a lesson
 * link need before a lesson opens. The lessons themselves (scenarios, steps, notes) load on
 * demand (loadLesson.ts), so a page that never opens one does not download them; each lesson
 * takes its id, title, concept, trap and minutes from here, so they are written once.
 */
export interface LessonMeta {
  id: string;
  title: string;
  concept: string;
  trap: string;
  minutes: number;
}

export const LESSON_INDEX: readonly LessonMeta[] = [
  {
    id: 'why-events',
    title: 'Why events: a call chain beside a log, one outage',
    concept: 'In a chain of synchronous calls one service down fails every request; services joined by a log fail independently, and the one that was down catches up.',
    trap: 'A service outage hurts both designs alike: something fails either way, so the choice does not matter.',
    minutes: 8,
  },
  {
    id: 'events-vs-commands',
    title: 'Events vs commands: a request to one owner, a fact for everyone',
    concept: 'A command asks one service to do something and may be refused; an event records what happened and goes to every subscriber.',
    trap: 'Events and commands are the same kind of message: whatever is sent ends up in the log for everyone.',
    minutes: 7,
  },
  {
    id: 'pub-sub-fan-out',
    title: 'Pub/sub fan-out: one consumer down, the others carry on',
    concept: 'Each consumer group reads the log on its own: a failure in one group does not hold back another.',
    trap: 'One slow or dead consumer stops (or slows) everyone else, as a call chain would.',
    minutes: 6,
  },
  {
    id: 'log-not-queue',
    title: 'A log is not a queue: records stay, and can be read again',
    concept: 'Consuming only moves a group\'s offset; the records stay in the log, so a group can rewind and replay them without touching other groups.',
    trap: 'Reading a message removes it, as in a queue: once billing has read an order, the order is gone.',
    minutes: 7,
  },
  {
    id: 'keys-and-order',
    title: 'Partitions, keys and order: order holds per partition',
    concept: 'A topic keeps order inside each partition, not across them; choosing the partition by key puts all records of one key in one partition, read in order.',
    trap: 'Kafka keeps one global order: records are always read in the order they were written.',
    minutes: 9,
  },
  {
    id: 'groups-and-parallelism',
    title: 'Consumer groups and parallelism: one partition, one worker',
    concept: 'Inside a group each partition is read by one instance, so the partition count caps how many instances can share the work.',
    trap: 'More instances always help: add enough of them and any backlog disappears.',
    minutes: 8,
  },
  {
    id: 'offsets-and-resume',
    title: 'Offsets and commits: where a consumer resumes after an outage',
    concept: 'A group commits the offset of the next record to read; a restarted consumer resumes there, so nothing is skipped.',
    trap: 'A restarted consumer starts from the newest record, or from the very first one; the committed offset is the last record processed.',
    minutes: 8,
  },
  {
    id: 'delivery-guarantees',
    title: 'Delivery guarantees: duplicates, loss and idempotent handlers',
    concept: 'Commit after processing and a crash repeats records (at-least-once); commit before and it loses them (at-most-once); an idempotent handler makes repeats harmless.',
    trap: 'Kafka delivers every record exactly once, and a committed offset means the record was processed.',
    minutes: 15,
  },
  {
    id: 'eventual-consistency',
    title: 'Eventual consistency: every view catches up, not at once',
    concept: 'Once an event is in the log, each read model applies it when its consumer gets there: views disagree for a window, then agree.',
    trap: 'As soon as the write succeeds, every view of the data is up to date.',
    minutes: 10,
  },
  {
    id: 'late-subscriber',
    title: 'A late subscriber: earliest or latest',
    concept: 'A new consumer group reads the existing log with no change to the producer; auto.offset.reset picks its start only when it has no committed offset, or one that is no longer in the log.',
    trap: 'Adding a consumer needs the producer to change or re-send; a consumer set to "earliest" replays everything every time it starts.',
    minutes: 10,
  },
  {
    id: 'event-sourcing-cqrs',
    title: 'Event sourcing: rebuild a broken read model from the log',
    concept: 'The log of events is the source of truth; a read model is derived from it and can be thrown away and rebuilt by replaying the log.',
    trap: 'A read model that is lost or wrong is gone for good, unless someone kept a backup.',
    minutes: 8,
  },
  {
    id: 'retention-loss',
    title: 'Retention: an outage longer than retention loses data',
    concept: 'Retention deletes records by age, whole segments at a time, whether or not every group has read them; a consumer that falls behind the log start skips what was deleted.',
    trap: 'Kafka keeps unread records until every consumer has read them, and deletes each record exactly when its retention time is up.',
    minutes: 12,
  },
  {
    id: 'rebalancing',
    title: 'Rebalances: eager stops everything, cooperative moves only what must move',
    concept: 'When a member joins, an eager group revokes every partition before reassigning; a cooperative group revokes only the partitions that change owner, over two rebalances.',
    trap: 'Rebalances are free, and every rebalance works the same way.',
    minutes: 8,
  },
];

/** The index entry of a lesson that exists (a lesson file of the catalogue names its own id). */
export function lessonMeta(id: string): LessonMeta {
  const meta = LESSON_INDEX.find((entry) => entry.id === id);
  if (!meta) throw new Error(`lesson ${id} is not in the index`);
  return meta;
}
