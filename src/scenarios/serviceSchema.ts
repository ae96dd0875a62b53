/**
 * Zod schema for one service of a scenario (also the payload of an `addService` command). Whether
 * its topics exist and its ids are unique is checked in `checkService.ts`.
 */
import { z } from 'zod/mini';
import { DEFAULT_PROCESSING_MS, HANDLER_NAMES } from '../engine';
import { consumerConfigSchema } from './consumerConfigSchema';
import { flag, identifier, integer, list, object, oneOf, meta } from './fieldSchemas';
import { limits } from '../engine';
import { fieldError, listOf } from './mustBe';

/** Read at every parse, so handlers registered later in the engine are accepted at once. */
const handlerError = fieldError('handler', () => listOf(HANDLER_NAMES));

export const instancesSchema = integer('instances', 0, limits.MAX_INSTANCES);

export const serviceSchema = object('service', {
  id: identifier('service id'),
  subscribe: meta(list('subscribe', identifier('topic name'), limits.MAX_TOPICS, 'topics'), {
    description: 'The topics its consumer group reads.',
  }),
  instances: meta(z.optional(instancesSchema), {
    default: 1,
    description: 'How many consumer instances (group members) run.',
  }),
  handler: meta(
    z.optional(
      z.string(handlerError).check(z.refine((name) => HANDLER_NAMES.includes(name), handlerError)),
    ),
    {
      options: HANDLER_NAMES,
      description: 'What each record does to the service (its read model, emitted events).',
    },
  ),
  processingMs: meta(z.optional(integer('processingMs', 0, limits.MAX_PROCESSING_MS)), {
    default: DEFAULT_PROCESSING_MS,
    description: 'Virtual time to handle one record.',
  }),
  idempotent: meta(z.optional(flag('idempotent')), {
    default: false,
    description: 'Skips a record it has already applied, so redelivery does no harm.',
  }),
  emitTo: meta(z.optional(identifier('emitTo')), {
    description: 'The topic the handler writes its events to.',
  }),
  commit: meta(z.optional(oneOf('commit', ['auto', 'after-processing', 'before-processing'])), {
    default: 'auto',
    description:
      'When offsets are committed: by auto-commit, or by hand after or before processing.',
  }),
  config: z.optional(consumerConfigSchema),
  threads: z.optional(integer('threads', 1, limits.MAX_SERVICE_THREADS)),
});
