/**
 * Commands: every way the outside world changes a run, as plain serialisable data.
 *
 * The UI, share links, scenario `actions`, tests, the CLI and fuzzers all dispatch these same
 * objects; a run is (scenario, seed, timed commands), never a saved snapshot.
 */
import type { ServiceSpec } from './serviceSpec';

export type ResetTarget =
  | 'earliest'
  | 'latest'
  | { offset: number }
  | { timestampMs: number }
  | { shiftBy: number };

export type Command =
  | { type: 'crash'; target: string }
  | { type: 'hang'; target: string; mode?: 'process' | 'handler' }
  | { type: 'resume'; target: string }
  | { type: 'stop'; target: string }
  | { type: 'start'; target: string }
  | { type: 'slow'; target: string; factor: number }
  | { type: 'scale'; service: string; instances: number }
  | { type: 'addService'; service: ServiceSpec }
  | { type: 'setIdempotent'; service: string; idempotent: boolean }
  | { type: 'resetOffsets'; group: string; to: ResetTarget; rebuild?: boolean }
  | { type: 'pauseProducer'; producer: string }
  | { type: 'resumeProducer'; producer: string }
  | { type: 'setRate'; producer: string; ratePerSec: number }
  | { type: 'burst'; producer: string; count: number }
  | {
      type: 'produce';
      producer: string;
      key?: string | null;
      value?: unknown;
      partition?: number;
      count?: number;
    }
  | { type: 'addPartitions'; topic: string; partitions: number }
  /** Asks a service's read model whether it holds an entity ("is order-42 in email's receipts?"). */
  | { type: 'query'; service: string; entity: string }
  /** Broker failures (doc/design.md contract 7): `broker` is an id 0..brokers-1. */
  | { type: 'crashBroker'; broker: number }
  | { type: 'startBroker'; broker: number }
  /** Adds `extraMs` to every message sent to or from the broker from now on. */
  | { type: 'delayNetwork'; broker: number; extraMs: number }
  | { type: 'restoreNetwork'; broker: number };

export type CommandType = Command['type'];

export const COMMAND_TYPES: readonly CommandType[] = [
  'crash',
  'hang',
  'resume',
  'stop',
  'start',
  'slow',
  'scale',
  'addService',
  'setIdempotent',
  'resetOffsets',
  'pauseProducer',
  'resumeProducer',
  'setRate',
  'burst',
  'produce',
  'addPartitions',
  'query',
  'crashBroker',
  'startBroker',
  'delayNetwork',
  'restoreNetwork',
];

/** Result of applying a command: refused commands change nothing and say why. */
export type ApplyResult = { ok: true } | { ok: false; error: string };
