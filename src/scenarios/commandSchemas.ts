/**
 * One zod schema per engine command type, checking only the command's own fields; whether its
 * target, service, group, producer or topic exists is checked in `checkActions.ts`.
 */
import { z } from 'zod/mini';
import { COMMAND_TYPES } from '../engine';
import type { Command, CommandType } from '../engine';
import { decimal, flag, identifier, integer, object, oneOf, text, meta } from './fieldSchemas';
import { limits } from '../engine';
import { fieldError } from './mustBe';
import { ratePerSecSchema } from './producerSchema';
import { recordKeySchema, recordValueSchema } from './recordSchemas';
import { resetTargetSchema } from './resetTargetSchema';
import { instancesSchema, serviceSchema } from './serviceSchema';
import { splitInstanceName } from './splitInstanceName';

const targetError = fieldError(
  'target',
  `an instance name <service id>-<index> with index 0 to ${limits.MAX_INSTANCES - 1}, e.g. "email-0"`,
);
const target = meta(
  z
    .string(targetError)
    .check(z.refine((name) => splitInstanceName(name) !== undefined, targetError)),
  { description: 'The instance, <service id>-<index>, e.g. email-0.' },
);
const service = identifier('service');
const producer = identifier('producer');
const count = (max: number) => integer('count', 1, max);
/** A broker id; whether the scenario has that many brokers is checked in `checkActions.ts`. */
const brokerId = integer('broker', 0, limits.MAX_BROKERS - 1);

const type = <T extends CommandType>(name: T) => z.literal(name);

/** One schema per command type; the mapped type makes a new engine command a compile error here. */
export const COMMAND_SCHEMAS = {
  crash: object('command', { type: type('crash'), target }),
  hang: object('command', {
    type: type('hang'),
    target,
    mode: meta(z.optional(oneOf('mode', ['process', 'handler'])), {
      default: 'process',
      description:
        'process: no heartbeats, no polls; handler: heartbeats go on, the handler is stuck.',
    }),
  }),
  resume: object('command', { type: type('resume'), target }),
  stop: object('command', { type: type('stop'), target }),
  start: object('command', { type: type('start'), target }),
  slow: object('command', {
    type: type('slow'),
    target,
    factor: decimal(
      'factor',
      `a number above 0 and at most ${limits.MAX_SLOW_FACTOR} (1 = normal speed)`,
      (factor) => factor > 0 && factor <= limits.MAX_SLOW_FACTOR,
    ),
  }),
  scale: object('command', { type: type('scale'), service, instances: instancesSchema }),
  addService: object('command', { type: type('addService'), service: serviceSchema }),
  setIdempotent: object('command', {
    type: type('setIdempotent'),
    service,
    idempotent: flag('idempotent'),
  }),
  resetOffsets: object('command', {
    type: type('resetOffsets'),
    group: text('group', 1, limits.MAX_NAME_CHARS),
    to: resetTargetSchema,
    rebuild: z.optional(flag('rebuild')),
  }),
  pauseProducer: object('command', { type: type('pauseProducer'), producer }),
  resumeProducer: object('command', { type: type('resumeProducer'), producer }),
  setRate: object('command', { type: type('setRate'), producer, ratePerSec: ratePerSecSchema }),
  burst: object('command', { type: type('burst'), producer, count: count(limits.MAX_BURST_COUNT) }),
  produce: object('command', {
    type: type('produce'),
    producer,
    key: z.optional(recordKeySchema),
    value: z.optional(recordValueSchema),
    partition: z.optional(integer('partition', 0, limits.MAX_PARTITIONS - 1)),
    count: z.optional(count(limits.MAX_PRODUCE_COUNT)),
  }),
  addPartitions: object('command', {
    type: type('addPartitions'),
    topic: identifier('topic'),
    partitions: integer(
      'partitions',
      limits.MIN_PARTITIONS,
      limits.MAX_PARTITIONS,
      'the new total',
    ),
  }),
  query: object('command', {
    type: type('query'),
    service,
    entity: text('entity', 1, limits.MAX_NAME_CHARS),
  }),
  crashBroker: object('command', { type: type('crashBroker'), broker: brokerId }),
  startBroker: object('command', { type: type('startBroker'), broker: brokerId }),
  delayNetwork: object('command', {
    type: type('delayNetwork'),
    broker: brokerId,
    extraMs: integer('extraMs', 0, limits.MAX_NETWORK_LATENCY_MS, 'ms'),
  }),
  restoreNetwork: object('command', { type: type('restoreNetwork'), broker: brokerId }),
} satisfies { [K in CommandType]: z.ZodMiniType<Extract<Command, { type: K }>> };

export function isCommandType(value: unknown): value is CommandType {
  return (
    COMMAND_TYPES.some((name) => name === value) && Object.hasOwn(COMMAND_SCHEMAS, value as string)
  );
}
