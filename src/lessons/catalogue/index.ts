/**
 * The lessons, in the order of the plan: each teaches one concept by predicting, acting,
 * watching and checking, and ends in free exploration.
 */
import type { Lesson } from '../lessonTypes';
import { whyEvents } from './whyEvents';
import { eventsVsCommands } from './eventsVsCommands';
import { pubSubFanOut } from './pubSubFanOut';
import { logNotQueue } from './logNotQueue';
import { keysAndOrder } from './keysAndOrder';
import { groupsAndParallelism } from './groupsAndParallelism';
import { offsetsAndResume } from './offsetsAndResume';
import { deliveryGuarantees } from './deliveryGuarantees';
import { eventualConsistency } from './eventualConsistency';
import { lateSubscriber } from './lateSubscriber';
import { eventSourcingCqrs } from './eventSourcingCqrs';
import { retentionLoss } from './retentionLoss';
import { rebalancing } from './rebalancing';

export const LESSONS: readonly Lesson[] = [
  whyEvents,
  eventsVsCommands,
  pubSubFanOut,
  logNotQueue,
  keysAndOrder,
  groupsAndParallelism,
  offsetsAndResume,
  deliveryGuarantees,
  eventualConsistency,
  lateSubscriber,
  eventSourcingCqrs,
  retentionLoss,
  rebalancing,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((lesson) => lesson.id === id);
}

/** The lesson after `id` in the plan, if any. */
export function nextLesson(id: string): Lesson | undefined {
  const index = LESSONS.findIndex((lesson) => lesson.id === id);
  return index >= 0 ? LESSONS[index + 1] : undefined;
}
