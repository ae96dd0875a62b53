/**
 * The registry of built-in handlers, by the name a scenario's `handler` field uses.
 */
import type { Handler } from './handler';

/** Processes and counts records and keeps no state. */
const noop: Handler<Record<string, never>> = {
  name: 'noop',
  createReadModel: () => ({}),
  apply: () => undefined,
  toJSON: () => ({}),
};

const HANDLERS: Record<string, Handler<never>> = {
  noop: noop as Handler<never>,
};

export const HANDLER_NAMES: readonly string[] = Object.keys(HANDLERS);

export function handlerFor(name: string): Handler<unknown> | undefined {
  return HANDLERS[name] as Handler<unknown> | undefined;
}
