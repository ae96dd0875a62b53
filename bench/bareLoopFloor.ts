/**
 * The engine benchmark's floor (issue 21): the least work any engine must do for the same run.
 * A loop appends records with the engine's fields (offset, key, event type, an order payload,
 * timestamp, size, producer, event id, production sequence) to per-partition arrays at the
 * producer's rate and advances three consumer cursors (three groups) over each partition,
 * "delivering" every record once per group; records older than the retention are dropped in
 * blocks, as segments are. No protocol, no events queue, no hashing: a bound, not a model.
 */

interface FloorRecord {
  readonly offset: number;
  readonly key: string;
  readonly eventType: string;
  readonly payload: Readonly<Record<string, string | number>>;
  readonly timestampMs: number;
  readonly sizeBytes: number;
  readonly producer: string;
  readonly eventId: string;
  readonly produceSeq: number;
}

const SKUS = ['sku-apple', 'sku-bread', 'sku-cheese', 'sku-dates', 'sku-eggs'];
const GROUPS = 3;
/** Records dropped from the front of a partition at a time once older than the retention. */
const DROP_BLOCK = 4096;

export interface FloorResult {
  records: number;
  deliveries: number;
  /** Sum over deliveries of a record field, so the loop's reads cannot be optimised away. */
  checksum: number;
}

export function runBareLoopFloor(virtualMs: number, ratePerSec: number, partitions: number, retentionMs: number): FloorResult {
  const logs: FloorRecord[][] = Array.from({ length: partitions }, () => []);
  const startOffsets = new Array<number>(partitions).fill(0);
  const cursors = Array.from({ length: GROUPS }, () => new Array<number>(partitions).fill(0));
  const intervalMs = 1000 / ratePerSec;
  let seq = 0;
  let deliveries = 0;
  let checksum = 0;
  for (let now = 0; now <= virtualMs; now += intervalMs) {
    const key = `order-${seq}`;
    const partition = seq % partitions;
    const log = logs[partition]!;
    const offset = startOffsets[partition]! + log.length;
    const quantity = 1 + (seq % 3);
    const payload = Object.freeze({ orderId: key, sku: SKUS[seq % SKUS.length]!, quantity, amountCents: 250 * quantity, customer: `customer-${seq % 24}` });
    log.push(Object.freeze({ offset, key, eventType: 'OrderPlaced', payload, timestampMs: Math.floor(now), sizeBytes: 150 + key.length, producer: 'checkout', eventId: `checkout-${seq}`, produceSeq: seq }));
    seq++;
    for (const cursor of cursors) {
      const end = startOffsets[partition]! + log.length;
      while (cursor[partition]! < end) {
        const record = log[cursor[partition]! - startOffsets[partition]!]!;
        checksum += record.sizeBytes;
        deliveries++;
        cursor[partition]!++;
      }
    }
    if (log.length > 2 * DROP_BLOCK && log[DROP_BLOCK]!.timestampMs < now - retentionMs) {
      logs[partition] = log.slice(DROP_BLOCK);
      startOffsets[partition]! += DROP_BLOCK;
    }
  }
  return { records: seq, deliveries, checksum };
}
