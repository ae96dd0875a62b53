/**
 * Deterministic payloads for the events producers write, drawn from the producer's stream.
 * `OrderPlaced` (and the `PlaceOrder` command) carry an order: id, SKU, quantity, amount and
 * customer. Other event types carry a generic id and sequence number.
 */
import type { Payload } from '../log/record';
import type { RandomStream } from '../random';

/** The catalogue checkout knows; commands naming another SKU are rejected. */
export const CATALOGUE_SKUS = ['sku-apple', 'sku-bread', 'sku-cheese', 'sku-dates', 'sku-eggs'] as const;
const UNKNOWN_SKU = 'sku-unknown';
const CUSTOMERS = 24;
/**
 * The customers' ids, built once: every order names one of 24, and a string built per order
 * (`customer-${n}`) was a third of a retained record's string bytes (doc/benchmarks.md).
 */
const CUSTOMER_IDS: readonly string[] = Object.freeze(Array.from({ length: CUSTOMERS }, (_, n) => `customer-${n}`));

export interface PayloadContext {
  /** The record's key, or null. */
  key: string | null;
  /** How many records this producer made before this one. */
  sequence: number;
  /** Probability that an order is invalid (unknown SKU or zero quantity). */
  invalidRatio: number;
}

export function generatePayload(eventType: string, stream: RandomStream, ctx: PayloadContext): Payload {
  if (eventType === 'OrderPlaced' || eventType === 'PlaceOrder') return orderPayload(stream, ctx);
  return { id: ctx.key ?? `${eventType}-${ctx.sequence}`, n: ctx.sequence };
}

function orderPayload(stream: RandomStream, ctx: PayloadContext): Payload {
  const orderId = ctx.key ?? `order-${ctx.sequence}`;
  let sku: string = CATALOGUE_SKUS[stream.int(CATALOGUE_SKUS.length)]!;
  let quantity = 1 + stream.int(3);
  const customer = CUSTOMER_IDS[stream.int(CUSTOMERS)]!;
  if (ctx.invalidRatio > 0 && stream.next() < ctx.invalidRatio) {
    if (stream.next() < 0.5) sku = UNKNOWN_SKU;
    else quantity = 0;
  }
  const unitCents = 250 + 125 * CATALOGUE_SKUS.indexOf(sku as (typeof CATALOGUE_SKUS)[number]);
  return { orderId, sku, quantity, amountCents: Math.max(0, unitCents) * quantity, customer };
}
