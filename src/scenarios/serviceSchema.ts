/**
 * Zod schema for one service of a scenario (also the payload of an `addService` command). Whether
 * its topics exist and its ids are unique is checked in `checkService.ts`.
 */
import { z } from 'zod';
import { HANDLER_NAMES } from '../engine';
import { consumerConfigSchema } from './consumerConfigSchema';
import { flag, identifier, integer, list, object, oneOf } from './fieldSchemas';
import { limits } from '../engine';
import { fieldError, listOf } from './mustBe';

/** Read at every parse, so handlers registered later in the engine are accepted at once. */
const handlerError = fieldError('handler', () => listOf(HANDLER_NAMES));

export const instancesSchema = integer('instances', 0, limits.MAX_INSTANCES);

export const serviceSchema = object('service', {
  id: identifier('service id'),
  subscribe: list('subscribe', identifier('topic name'), limits.MAX_TOPICS, 'topics'),
  instances: instancesSchema.optional(),
  handler: z
    .string(handlerError)
    .refine((name) => HANDLER_NAMES.includes(name), handlerError)
    .optional(),
  processingMs: integer('processingMs', 0, limits.MAX_PROCESSING_MS).optional(),
  idempotent: flag('idempotent').optional(),
  emitTo: identifier('emitTo').optional(),
  commit: oneOf('commit', ['auto', 'after-processing', 'before-processing']).optional(),
  config: consumerConfigSchema.optional(),
  threads: integer('threads', 1, limits.MAX_SERVICE_THREADS).optional(),
});
