/**
 * Zod schema for one service of a scenario (also the payload of an `addService` command). Whether
 * its topics exist and its ids are unique is checked in `checkService.ts`.
 */
import { z } from 'zod';
import { DEFAULT_PROCESSING_MS, HANDLER_NAMES } from '../engine';
import { consumerConfigSchema } from './consumerConfigSchema';
import { flag, identifier, integer, list, object, oneOf } from './fieldSchemas';
import { limits } from '../engine';
import { fieldError, listOf } from './mustBe';

/** Read at every parse, so handlers registered later in the engine are accepted at once. */
const handlerError = fieldError('handler', () => listOf(HANDLER_NAMES));

export const instancesSchema = integer('instances', 0, limits.MAX_INSTANCES);

export const serviceSchema = object('service', {
  id: identifier('service id'),
  subscribe: list('subscribe', identifier('topic name'), limits.MAX_TOPICS, 'topics').meta({ description: 'The topics its consumer group reads.' }),
  instances: instancesSchema.optional().meta({ default: 1, description: 'How many consumer instances (group members) run.' }),
  handler: z
    .string(handlerError)
    .refine((name) => HANDLER_NAMES.includes(name), handlerError)
    .optional()
    .meta({ options: HANDLER_NAMES, description: 'What each record does to the service (its read model, emitted events).' }),
  processingMs: integer('processingMs', 0, limits.MAX_PROCESSING_MS).optional().meta({ default: DEFAULT_PROCESSING_MS, description: 'Virtual time to handle one record.' }),
  idempotent: flag('idempotent').optional().meta({ default: false, description: 'Skips a record it has already applied, so redelivery does no harm.' }),
  emitTo: identifier('emitTo').optional().meta({ description: 'The topic the handler writes its events to.' }),
  commit: oneOf('commit', ['auto', 'after-processing', 'before-processing']).optional().meta({ default: 'auto', description: 'When offsets are committed: by auto-commit, or by hand after or before processing.' }),
  config: consumerConfigSchema.optional(),
  threads: integer('threads', 1, limits.MAX_SERVICE_THREADS).optional(),
});
