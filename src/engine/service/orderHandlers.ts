/**
 * The checkout story's handlers. Each applies an event to its service's own read model; the
 * models count how often each order was applied, so a duplicate delivery to a handler that is
 * not idempotent is visible (a second receipt, a double charge, stock reserved twice).
 */
import type { LogRecord } from '../log/record';
import { CATALOGUE_SKUS } from '../producer/payloads';
import { ChunkedTable } from '../chunkedTable';
import type { Handler } from './handler';

/**
 * Applications per order id: 1 is correct; more means the side effect happened again. Read
 * models keep their per-order tables in ChunkedTables (chunks by order number), which
 * checkpoint copies share but for the chunks written since the previous copy.
 */
export type CountByOrder = ChunkedTable<number>;

/** Per-order counts with the number of orders counted more than once, kept up to date. */
export interface Counted {
  counts: CountByOrder;
  /** Orders applied more than once: the read model's divergence, maintained incrementally. */
  diverged: number;
}

function counted(): Counted {
  return { counts: new ChunkedTable(), diverged: 0 };
}

function increment(table: Counted, id: string): void {
  const count = (table.counts.get(id) ?? 0) + 1;
  table.counts.set(id, count);
  if (count === 2) table.diverged++;
}

function orderIdOf(record: LogRecord): string | null {
  const id = record.payload?.['orderId'];
  return typeof id === 'string' ? id : record.key;
}

function countModelHandler(name: string, field: string): Handler<Counted> {
  return {
    name,
    createReadModel: counted,
    apply(model, record) {
      const orderId = orderIdOf(record);
      if (orderId === null || record.eventType === null) return;
      increment(model, orderId);
    },
    toJSON: (model) => ({ [field]: Object.fromEntries(model.counts) }),
    divergence: (model) => model.diverged,
    holds: (model, entity) => model.counts.has(entity),
  };
}

/** email: one receipt per order (two if an OrderPlaced is delivered twice and not deduplicated). */
export const sendReceipt = countModelHandler('sendReceipt', 'receiptsSent');

/** shipping: consumes PaymentCharged and ships each order. */
export const shipOrder = countModelHandler('shipOrder', 'shipments');

const INITIAL_STOCK = 10_000;

export interface StockModel {
  stock: Record<string, number>;
  reservations: Counted;
}

/** inventory: stock per SKU, decremented by each OrderPlaced. */
export const reserveStock: Handler<StockModel> = {
  name: 'reserveStock',
  createReadModel: () => ({
    stock: Object.fromEntries(CATALOGUE_SKUS.map((sku) => [sku, INITIAL_STOCK])),
    reservations: counted(),
  }),
  apply(model, record) {
    const orderId = orderIdOf(record);
    const sku = record.payload?.['sku'];
    const quantity = record.payload?.['quantity'];
    if (orderId === null || typeof sku !== 'string' || typeof quantity !== 'number') return;
    model.stock[sku] = (model.stock[sku] ?? INITIAL_STOCK) - quantity;
    increment(model.reservations, orderId);
  },
  toJSON: (model) => ({ stock: { ...model.stock }, reservations: Object.fromEntries(model.reservations.counts) }),
  divergence: (model) => model.reservations.diverged,
  holds: (model, entity) => model.reservations.counts.has(entity),
};

export interface ChargeModel {
  /** Amount charged per order. */
  amountCents: ChunkedTable<number>;
  /** How many times each order was charged: more than 1 is a double charge. */
  times: Counted;
  totalCents: number;
}

/** billing: charges each order and emits PaymentCharged, keyed by order id. */
export const chargePayment: Handler<ChargeModel> = {
  name: 'chargePayment',
  emits: true,
  divergence: (model) => model.times.diverged,
  holds: (model, entity) => model.times.counts.has(entity),
  createReadModel: () => ({ amountCents: new ChunkedTable(), times: counted(), totalCents: 0 }),
  apply(model, record, ctx) {
    const orderId = orderIdOf(record);
    const amount = record.payload?.['amountCents'];
    if (orderId === null || typeof amount !== 'number') return;
    model.amountCents.set(orderId, amount);
    increment(model.times, orderId);
    model.totalCents += amount;
    ctx.emit({ eventType: 'PaymentCharged', key: orderId, payload: { orderId, amountCents: amount } });
  },
  toJSON: (model) => ({
    charges: Object.fromEntries([...model.times.counts].map(([id, times]) => [id, { amountCents: model.amountCents.get(id)!, times }])),
    totalCents: model.totalCents,
  }),
};

/** Orders above this amount are flagged by fraud-check. */
const FRAUD_THRESHOLD_CENTS = 1500;

export interface FraudModel {
  flags: ChunkedTable<'ok' | 'suspicious'>;
  scored: Counted;
}

/** fraud-check: a flag per order. */
export const scoreFraud: Handler<FraudModel> = {
  name: 'scoreFraud',
  createReadModel: () => ({ flags: new ChunkedTable(), scored: counted() }),
  apply(model, record) {
    const orderId = orderIdOf(record);
    const amount = record.payload?.['amountCents'];
    if (orderId === null || typeof amount !== 'number') return;
    model.flags.set(orderId, amount > FRAUD_THRESHOLD_CENTS ? 'suspicious' : 'ok');
    increment(model.scored, orderId);
  },
  toJSON: (model) => ({ flags: Object.fromEntries(model.flags), scored: Object.fromEntries(model.scored.counts) }),
  divergence: (model) => model.scored.diverged,
  holds: (model, entity) => model.flags.has(entity),
};

export interface CheckoutModel {
  accepted: number;
  rejected: number;
  rejections: Map<string, string>;
}

/** checkout: owns the PlaceOrder command; accepts known SKUs with a positive quantity. */
export const acceptOrder: Handler<CheckoutModel> = {
  name: 'acceptOrder',
  createReadModel: () => ({ accepted: 0, rejected: 0, rejections: new Map() }),
  apply: () => undefined,
  handleCommand(model, command) {
    const payload = command.payload ?? {};
    const orderId = typeof payload['orderId'] === 'string' ? payload['orderId'] : (command.key ?? command.eventId);
    const sku = payload['sku'];
    const quantity = payload['quantity'];
    let reason: string | null = null;
    if (typeof sku !== 'string' || !(CATALOGUE_SKUS as readonly string[]).includes(sku)) reason = `unknown SKU ${String(sku)}`;
    else if (typeof quantity !== 'number' || quantity <= 0) reason = `quantity ${String(quantity)} is not positive`;
    if (reason !== null) {
      model.rejected++;
      model.rejections.set(orderId, reason);
      return { accepted: false, reason };
    }
    model.accepted++;
    return { accepted: true, event: { eventType: 'OrderPlaced', key: orderId, payload: { ...payload, orderId } } };
  },
  toJSON: (model) => ({ accepted: model.accepted, rejected: model.rejected, rejections: Object.fromEntries(model.rejections) }),
};
