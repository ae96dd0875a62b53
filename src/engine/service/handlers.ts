/**
 * The registry of built-in handlers, by the name a scenario's `handler` field uses.
 */
import type { Handler } from './handler';
import { acceptOrder, chargePayment, reserveStock, scoreFraud, sendReceipt, shipOrder } from './orderHandlers';
import { project } from './projectHandler';

/** Processes and counts records and keeps no state. */
const noop: Handler<Record<string, never>> = {
  name: 'noop',
  createReadModel: () => ({}),
  apply: () => undefined,
  toJSON: () => ({}),
};

const HANDLERS: Record<string, Handler<never>> = {
  noop: noop as Handler<never>,
  acceptOrder: acceptOrder as Handler<never>,
  reserveStock: reserveStock as Handler<never>,
  chargePayment: chargePayment as Handler<never>,
  sendReceipt: sendReceipt as Handler<never>,
  scoreFraud: scoreFraud as Handler<never>,
  shipOrder: shipOrder as Handler<never>,
  project: project as Handler<never>,
};
// Handlers are stateless (their state is the service's read model): every service shares one.
for (const handler of Object.values(HANDLERS)) Object.freeze(handler);

export const HANDLER_NAMES: readonly string[] = Object.keys(HANDLERS);

/** Handlers that append an event to the service's `emitTo` topic for records they apply. */
export const HANDLER_NAMES_THAT_EMIT: readonly string[] = HANDLER_NAMES.filter((name) => HANDLERS[name]!.emits === true);

export function handlerFor(name: string): Handler<unknown> | undefined {
  return HANDLERS[name] as Handler<unknown> | undefined;
}
