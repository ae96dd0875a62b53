/**
 * The most expensive scenario the limits and the work budget allow together, for the tests and
 * benchmarks that show no legal input freezes the lab: every count at its limit (16 topics × 64
 * partitions, 16 producers at 10,000 records/s, 16 services × 32 instances each reading every
 * topic, 2,000 actions) and records that take no time to process, so its run ends where the
 * work budget does (about 15 s of virtual time).
 */
import type { Scenario, TimedCommand } from '../engine';
import { limits } from '../engine';
import { estimateWork, workBudgetEndMs } from './workBudget';

export function budgetEdgeScenario(): Scenario {
  const topics = Array.from({ length: limits.MAX_TOPICS }, (_, i) => ({ name: `topic-${i}`, partitions: limits.MAX_PARTITIONS }));
  const scenario: Scenario = {
    format: 'logscope-scenario',
    version: 1,
    title: 'Every limit at once',
    seed: 1,
    topics,
    producers: topics.map((topic, i) => ({
      id: `producer-${i}`,
      topic: topic.name,
      ratePerSec: limits.MAX_RATE_PER_SEC,
      event: 'OrderPlaced',
      keys: { kind: 'sequence' as const, prefix: 'order-' },
    })),
    services: Array.from({ length: limits.MAX_SERVICES }, (_, i) => ({
      id: `service-${i}`,
      subscribe: topics.map((t) => t.name),
      instances: limits.MAX_INSTANCES,
      processingMs: 0,
      config: { 'auto.offset.reset': 'earliest' as const },
    })),
  };
  const endMs = workBudgetEndMs(estimateWork(scenario));
  // Crashes and restarts spread over the run, on every service in turn.
  const actions: TimedCommand[] = Array.from({ length: limits.MAX_ACTIONS }, (_, i) => {
    const atMs = Math.floor(((i + 1) * (endMs - 1000)) / limits.MAX_ACTIONS);
    const target = `service-${i % limits.MAX_SERVICES}-${Math.floor(i / limits.MAX_SERVICES) % limits.MAX_INSTANCES}`;
    return Math.floor(i / limits.MAX_SERVICES) % 2 === 0 ? { atMs, type: 'crash' as const, target } : { atMs, type: 'start' as const, target };
  });
  return { ...scenario, actions };
}
