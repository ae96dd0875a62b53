import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LogRecord, Payload } from './record';
import { RecordColumns } from './recordColumns';
import { Segment } from './segment';

/** Values a column must give back exactly (Object.is), whatever column it ends up in. */
const ODD_VALUES: readonly unknown[] = [
  -0, 0, NaN, Infinity, 1.5, 2 ** 53, -(2 ** 31), 4294967296, true, false, null, '', '0', '12', 'order-007', 'order-0',
  'order-1234567890', 'order-123456789', 'a1b2', 'x-1-y', '٣', 'order-\u00e9', undefined,
];

/** A small deterministic stream, so that one fast-check case builds hundreds of records. */
function stream(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

type Style = 'unique-pattern' | 'patterns' | 'few' | 'unique' | 'odd';

function valueOf(style: Style, i: number, pick: (n: number) => number): unknown {
  switch (style) {
    case 'unique-pattern':
      return `order-${1000 + 3 * i}`;
    case 'patterns':
      return `${['a-', 'checkout#', ''][pick(3)]}${pick(100_000)}${['', '>payments', '>email>x'][pick(3)]}`;
    case 'few':
      return ['sku-apple', 'sku-bread', 7, null][pick(4)];
    case 'unique':
      return `name ${String.fromCharCode(97 + pick(26))}${i}`.replace(/\d/g, 'z') + i;
    default:
      return pick(4) === 0 ? ODD_VALUES[pick(ODD_VALUES.length)] : pick(1_000_000) * (pick(2) === 0 ? 1 : -1.25);
  }
}

const STYLES: readonly Style[] = ['unique-pattern', 'patterns', 'few', 'unique', 'odd'];

function payloadOf(shape: number, key: string | null, i: number, pick: (n: number) => number, style: Style): Payload | null {
  switch (shape) {
    case 0:
      return null;
    case 1:
      return { orderId: key, sku: valueOf('few', i, pick) as string, quantity: 1 + pick(3), amountCents: 250 * (1 + pick(5)), customer: `customer-${pick(24)}` };
    case 2:
      return { 2: 'two', b: valueOf(style, i, pick) as string, 1: key } as Payload;
    case 3:
      return JSON.parse('{"__proto__": 1, "x": 2}') as Payload;
    case 4:
      return Object.freeze({ id: key, n: i });
    default:
      return { id: valueOf(style, i, pick) as string, n: i };
  }
}

function makeRecords(count: number, seed: number, styles: Style[], shapes: number[], gaps: boolean): LogRecord[] {
  const pick = stream(seed);
  const records: LogRecord[] = [];
  let offset = pick(1000);
  for (let i = 0; i < count; i++) {
    offset += gaps && pick(3) === 0 ? 1 + pick(50) : 1;
    const keyValue = valueOf(styles[0]!, i, pick);
    const key = typeof keyValue === 'string' || keyValue === null ? keyValue : String(keyValue);
    const eventId = valueOf(styles[1]!, i, pick);
    records.push(
      Object.freeze({
        offset,
        key,
        eventType: pick(5) === 0 ? null : ['OrderPlaced', 'PaymentTaken'][pick(2)]!,
        payload: payloadOf(shapes[pick(shapes.length)]!, key, i, pick, styles[2]!),
        timestampMs: styles[3] === 'odd' ? (valueOf('odd', i, pick) as number) : 1_000_000 + 3 * i + pick(3),
        sizeBytes: 70 + pick(40),
        producer: ['checkout', 'payments'][pick(2)]!,
        eventId: typeof eventId === 'string' ? eventId : `e${String(eventId)}`,
        produceSeq: 5_000_000 + 2 * i,
      }),
    );
  }
  return records;
}

/** The record's fields and its payload's fields in order, compared with Object.is. */
function expectSame(made: LogRecord, original: LogRecord): void {
  expect(Object.keys(made)).toEqual(Object.keys(original));
  for (const field of Object.keys(original) as Array<keyof LogRecord>) {
    if (field === 'payload') continue;
    expect(Object.is(made[field], original[field]), `${field}: ${String(made[field])} vs ${String(original[field])}`).toBe(true);
  }
  expect(Object.isFrozen(made)).toBe(true);
  if (original.payload === null) {
    expect(made.payload).toBeNull();
    return;
  }
  if (Object.isFrozen(original.payload) || Object.keys(original.payload).includes('__proto__')) {
    // Kept as it was: the same object.
    expect(made.payload).toBe(original.payload);
    return;
  }
  expect(Object.getPrototypeOf(made.payload)).toBe(Object.prototype);
  expect(Object.keys(made.payload!)).toEqual(Object.keys(original.payload));
  for (const name of Object.keys(original.payload)) expect(Object.is(made.payload![name], original.payload[name]), name).toBe(true);
}

describe('RecordColumns', () => {
  it('gives every record back equal, field by field and in the order of its payload’s fields', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 700 }),
        fc.integer(),
        fc.array(fc.constantFrom(...STYLES), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (count, seed, styles, shapes, gaps) => {
          const records = makeRecords(count, seed, styles, shapes, gaps);
          const columns = new RecordColumns(records);
          expect(columns.length).toBe(records.length);
          for (let i = 0; i < records.length; i++) {
            expect(columns.offsetAt(i)).toBe(records[i]!.offset);
            expect(Object.is(columns.timestampAt(i), records[i]!.timestampMs)).toBe(true);
            expect(columns.sizeAt(i)).toBe(records[i]!.sizeBytes);
            expectSame(columns.recordAt(i), records[i]!);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same object for a record read again soon, and an equal one later', () => {
    const records = makeRecords(500, 7, ['unique-pattern', 'patterns', 'few', 'few'], [1], false);
    const columns = new RecordColumns(records);
    const first = columns.recordAt(3);
    expect(columns.recordAt(3)).toBe(first);
    for (let i = 100; i < 400; i++) columns.recordAt(i);
    const later = columns.recordAt(3);
    expect(later).not.toBe(first);
    expectSame(later, records[3]!);
  });

  it('lets a rolled segment be read by index and offset as before, with gaps', () => {
    const records = makeRecords(300, 11, ['unique-pattern', 'patterns', 'few', 'few'], [1, 0], true);
    const columnar = new Segment(records[0]!.offset);
    const plain = new Segment(records[0]!.offset);
    for (const record of records) {
      columnar.append(record);
      plain.append(record);
    }
    columnar.seal(true);
    plain.seal(false);
    expect(columnar.recordCount).toBe(records.length);
    expect(columnar.sizeBytes).toBe(plain.sizeBytes);
    expect(columnar.allRecords()).toEqual(plain.allRecords());
    for (let offset = records[0]!.offset - 2; offset <= records[records.length - 1]!.offset + 2; offset++) {
      expect(columnar.indexAtOrAfter(offset)).toBe(plain.indexAtOrAfter(offset));
    }
    // A truncation reopens it as objects (a replica following a new leader).
    const cut = records[150]!.offset;
    expect(columnar.truncateTo(cut)).toEqual(records.slice(150));
    expect(columnar.allRecords()).toEqual(records.slice(0, 150));
  });
});

describe('RecordColumns, values that compare alike', () => {
  const recordOf = (offset: number, key: string, amount: number): LogRecord =>
    Object.freeze({ offset, key, eventType: 'OrderPlaced', payload: Object.freeze({ amount }), timestampMs: offset, sizeBytes: 10, producer: 'p', eventId: `e-${offset}`, produceSeq: offset });

  it('gives back a −0 that follows a 0, and keys whose prefix or suffix holds a NUL, exactly', () => {
    // Over 256 distinct keys, so they are kept as patterns (prefix, number, suffix), not a dictionary.
    const records: LogRecord[] = [];
    for (let i = 0; i < 600; i++) records.push(recordOf(i, i % 2 === 0 ? `a\u0000${i}` : `a${i}\u0000`, i % 2 === 0 ? 0 : -0));
    const columns = new RecordColumns(records);
    for (let i = 0; i < records.length; i++) {
      expect(columns.recordAt(i).key).toBe(records[i]!.key);
      expect(Object.is(columns.recordAt(i).payload!['amount'], records[i]!.payload!['amount'])).toBe(true);
    }
  });
});
