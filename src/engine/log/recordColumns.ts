/**
 * A rolled segment's records stored by field (columns) instead of one object each: a rolled
 * segment never changes again, and as objects its records were most of the heap a long run
 * keeps (record 96 B, payload 64 B, key and event id 32 B each in Node's heap; doc/benchmarks.md).
 * Each field gets the narrowest column its values allow, chosen when the segment rolls: a
 * dictionary of the few distinct values (event types, producers, SKUs, sizes), integers from a
 * base (timestamps, production sequence), or a prefix + number + suffix pattern (`order-17`,
 * `checkout#17`); anything else is kept as it was. Records are made again when read, equal in
 * every field and in the order of their payload's fields; the newest ones made are remembered,
 * so readers in one frame (three groups, a view's recent records) get the same objects.
 *
 * The columns are frozen and typed arrays: copies of the simulation share them (deepClone.ts).
 */
import type { LogRecord, Payload } from './record';

const DICT = 0;
const INT = 1;
const FLOAT = 2;
const PATTERN = 3;
const PLAIN = 4;
const SAME_AS_KEY = 5;

type Codes = Uint8Array | Uint16Array | Uint32Array | Float64Array;

/** A row without this payload field (the row's payload has another shape). */
const ABSENT = Object.freeze({ absent: true });

/** Records made on read that are remembered per segment (≥ the recent records a view shows). */
const REMEMBERED = 128;

/** The longest digit run a pattern column keeps as a number (fits a Uint32Array). */
const MAX_DIGITS = 9;

/** One field of every record of the segment. */
class Column {
  constructor(
    readonly kind: number,
    /** DICT, PATTERN: an index into `values` (a pattern's prefix at 2c, suffix at 2c + 1); INT: value − base; FLOAT: the value. */
    readonly codes: Codes | null,
    /** DICT: the distinct values; PATTERN: prefix and suffix pairs; PLAIN: every row's value. */
    readonly values: readonly unknown[] | null,
    readonly base: number,
    /** PATTERN: the number between prefix and suffix. */
    readonly numbers: Uint32Array | null,
  ) {
    Object.freeze(this);
  }

  get(i: number): unknown {
    switch (this.kind) {
      case DICT:
        return this.values![this.codes![i]!];
      case INT:
        return this.base + this.codes![i]!;
      case FLOAT:
        return this.codes![i]!;
      case PATTERN: {
        const c = 2 * this.codes![i]!;
        return (this.values![c] as string) + this.numbers![i]! + (this.values![c + 1] as string);
      }
      default:
        return this.values![i];
    }
  }
}

function codesFor(count: number, max: number): Uint8Array | Uint16Array | Uint32Array {
  if (max < 256) return new Uint8Array(count);
  if (max < 65536) return new Uint16Array(count);
  return new Uint32Array(count);
}

/**
 * A dictionary column, or null past `limit` distinct values (or for −0, which a Map takes for
 * 0). One pass: codes are written as values are found, so a column of unique values stops early.
 */
function dictColumn(values: readonly unknown[], limit: number): Column | null {
  const found = new Map<unknown, number>();
  const codes = limit <= 256 ? new Uint8Array(values.length) : new Uint16Array(values.length);
  let last: unknown = ABSENT;
  let lastCode = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    // −0 === 0: a −0 after a 0 must not take the 0's code on the shortcut.
    if (value !== last || lastCode < 0 || Object.is(value, -0)) {
      if (Object.is(value, -0)) return null;
      let code = found.get(value);
      if (code === undefined) {
        if (found.size === limit) return null;
        code = found.size;
        found.set(value, code);
      }
      last = value;
      lastCode = code;
    }
    codes[i] = lastCode;
  }
  return new Column(DICT, codes, [...found.keys()], 0, null);
}

/** Integers within 2³² of each other, stored as their distance from the smallest. */
function intColumn(values: readonly unknown[]): Column | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || Object.is(value, -0)) return null;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  if (values.length === 0 || max - min > 0xffffffff) return null;
  const codes = codesFor(values.length, max - min);
  for (let i = 0; i < values.length; i++) codes[i] = (values[i] as number) - min;
  return new Column(INT, codes, null, min, null);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Strings made of a prefix without digits, a number written canonically (no leading zero) and a
 * suffix not starting with a digit: `order-17` is `order-` 17 ``. Null when one is not.
 */
function patternColumn(values: readonly unknown[]): Column | null {
  const numbers = new Uint32Array(values.length);
  const patterns = new Map<string, number>();
  const parts: string[] = [];
  const codes = new Uint16Array(values.length);
  let prefix = '';
  let suffix = '';
  let code = -1;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'string') return null;
    // The previous row's pattern first, checked without building strings (most rows share it).
    let n = -1;
    if (code >= 0 && value.length > prefix.length + suffix.length && value.startsWith(prefix) && value.endsWith(suffix)) {
      n = numberIn(value, prefix.length, value.length - suffix.length);
    }
    if (n < 0) {
      let start = 0;
      while (start < value.length && !isDigit(value.charCodeAt(start))) start++;
      let end = start;
      while (end < value.length && isDigit(value.charCodeAt(end))) end++;
      n = numberIn(value, start, end);
      if (n < 0) return null;
      prefix = value.slice(0, start);
      suffix = value.slice(end);
      // The prefix's length first: with a separator alone, a prefix or suffix holding that
      // separator could name two patterns alike (`a\u0000` + `` and `a` + `\u0000`).
      const name = `${prefix.length}:${prefix}${suffix}`;
      code = patterns.get(name) ?? -1;
      if (code < 0) {
        if (patterns.size === 65536) return null;
        code = patterns.size;
        patterns.set(name, code);
        parts.push(prefix, suffix);
      }
    }
    numbers[i] = n;
    codes[i] = code;
  }
  return new Column(PATTERN, patterns.size <= 256 ? Uint8Array.from(codes) : codes, parts, 0, numbers);
}

/** The number written in `value` from `start` to `end`: digits only, canonical, at most MAX_DIGITS; else −1. */
function numberIn(value: string, start: number, end: number): number {
  if (end <= start || end - start > MAX_DIGITS || (end - start > 1 && value.charCodeAt(start) === 48)) return -1;
  let n = 0;
  for (let c = start; c < end; c++) {
    const digit = value.charCodeAt(c) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function floatColumn(values: readonly unknown[]): Column | null {
  const codes = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number') return null;
    codes[i] = value;
  }
  return new Column(FLOAT, codes, null, 0, null);
}

/** The narrowest column that gives every value back. */
function encodeColumn(values: readonly unknown[], keys: readonly unknown[] | null): Column {
  if (keys !== null && values.every((value, i) => value === keys[i] || value === ABSENT)) return new Column(SAME_AS_KEY, null, null, 0, null);
  const column =
    dictColumn(values, 256) ??
    (typeof values[0] === 'number' ? intColumn(values) : patternColumn(values)) ??
    dictColumn(values, 65536) ??
    floatColumn(values);
  return column ?? new Column(PLAIN, null, values.slice(), 0, null);
}

/** Whether `payload`'s own fields are `names`, in that order. */
function hasShape(payload: Payload, names: readonly string[]): boolean {
  let j = 0;
  for (const name in payload) if (names[j++] !== name) return false;
  return j === names.length;
}

export class RecordColumns {
  readonly length: number;
  /** Null when offsets run without gaps from `firstOffset`. */
  private readonly offsets: Column | null;
  private readonly firstOffset: number;
  private readonly keys: Column;
  private readonly eventTypes: Column;
  private readonly timestamps: Column;
  private readonly sizes: Column;
  private readonly producers: Column;
  private readonly eventIds: Column;
  private readonly produceSeqs: Column;
  /** Per row, an index into `shapes` (null: a null payload), or PLAIN: the payloads as they were. */
  private readonly payloadShapes: Column;
  private readonly shapes: ReadonlyArray<readonly string[] | null>;
  private readonly fields: ReadonlyMap<string, Column>;
  /** Records made on read, by row, newest last (shared by copies: they are equal whoever reads). */
  private readonly made = new Map<number, LogRecord>();

  constructor(records: readonly LogRecord[]) {
    const n = records.length;
    this.length = n;
    // One pass reading each field by name (a field chosen at run time would be a slow keyed load).
    const offsets = new Array<number>(n);
    const keys = new Array<string | null>(n);
    const eventTypes = new Array<string | null>(n);
    const timestamps = new Array<number>(n);
    const sizes = new Array<number>(n);
    const producers = new Array<string>(n);
    const eventIds = new Array<string>(n);
    const produceSeqs = new Array<number>(n);
    this.firstOffset = n > 0 ? records[0]!.offset : 0;
    let contiguous = true;
    for (let i = 0; i < n; i++) {
      const record = records[i]!;
      offsets[i] = record.offset;
      contiguous &&= record.offset === this.firstOffset + i;
      keys[i] = record.key;
      eventTypes[i] = record.eventType;
      timestamps[i] = record.timestampMs;
      sizes[i] = record.sizeBytes;
      producers[i] = record.producer;
      eventIds[i] = record.eventId;
      produceSeqs[i] = record.produceSeq;
    }
    this.offsets = contiguous ? null : encodeColumn(offsets, null);
    this.keys = encodeColumn(keys, null);
    this.eventTypes = encodeColumn(eventTypes, null);
    this.timestamps = encodeColumn(timestamps, null);
    this.sizes = encodeColumn(sizes, null);
    this.producers = encodeColumn(producers, null);
    this.eventIds = encodeColumn(eventIds, null);
    this.produceSeqs = encodeColumn(produceSeqs, null);
    const payloads = splitPayloads(records);
    this.shapes = payloads?.shapes ?? [];
    this.payloadShapes = payloads ? encodeColumn(payloads.rows, null) : new Column(PLAIN, null, records.map((r) => r.payload), 0, null);
    const fields = new Map<string, Column>();
    if (payloads) for (const [name, values] of payloads.fields) fields.set(name, encodeColumn(values, keys));
    this.fields = fields;
    Object.freeze(this);
  }

  offsetAt(i: number): number {
    return this.offsets === null ? this.firstOffset + i : (this.offsets.get(i) as number);
  }

  timestampAt(i: number): number {
    return this.timestamps.get(i) as number;
  }

  sizeAt(i: number): number {
    return this.sizes.get(i) as number;
  }

  /** The record at row `i`, the same object as the last read of it while it is among the newest read. */
  recordAt(i: number): LogRecord {
    const remembered = this.made.get(i);
    if (remembered !== undefined) return remembered;
    const record = this.make(i);
    if (this.made.size === REMEMBERED) this.made.delete(this.made.keys().next().value!);
    this.made.set(i, record);
    return record;
  }

  /** The record at row `i`, made anew and not remembered (walks over the whole segment). */
  make(i: number): LogRecord {
    const key = this.keys.get(i) as string | null;
    const record: LogRecord = {
      offset: this.offsetAt(i),
      key,
      eventType: this.eventTypes.get(i) as string | null,
      payload: this.payloadAt(i, key),
      timestampMs: this.timestampAt(i),
      sizeBytes: this.sizeAt(i),
      producer: this.producers.get(i) as string,
      eventId: this.eventIds.get(i) as string,
      produceSeq: this.produceSeqs.get(i) as number,
    };
    return Object.freeze(record);
  }

  private payloadAt(i: number, key: string | null): Payload | null {
    if (this.payloadShapes.kind === PLAIN) return this.payloadShapes.get(i) as Payload | null;
    const names = this.shapes[this.payloadShapes.get(i) as number]!;
    if (names === null) return null;
    const payload: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) {
      const name = names[j]!;
      const column = this.fields.get(name)!;
      payload[name] = column.kind === SAME_AS_KEY ? key : column.get(i);
    }
    return payload as Payload;
  }
}

interface SplitPayloads {
  /** Per row, its shape's index. */
  rows: number[];
  shapes: Array<readonly string[] | null>;
  /** Per field name, every row's value (ABSENT where the row's payload has no such field). */
  fields: Map<string, unknown[]>;
}

/** The payloads by field, or null when one is not a plain, unfrozen object (kept as it is then). */
function splitPayloads(records: readonly LogRecord[]): SplitPayloads | null {
  const n = records.length;
  const rows = new Array<number>(n);
  const shapes: Array<readonly string[] | null> = [];
  const byName = new Map<string, number>();
  const fields = new Map<string, unknown[]>();
  let names: readonly string[] | null = null;
  /** The value arrays of `names`' fields, in the same order. */
  let columns: unknown[][] = [];
  let shape = -1;
  for (let i = 0; i < n; i++) {
    const payload = records[i]!.payload;
    if (payload === null) {
      rows[i] = shapeIndex(null, shapes, byName);
      continue;
    }
    if (Object.getPrototypeOf(payload) !== Object.prototype || Object.isFrozen(payload)) return null;
    if (names === null || !hasShape(payload, names)) {
      names = Object.keys(payload);
      // Set again by assignment, this name would change the prototype instead of adding a field.
      if (names.includes('__proto__')) return null;
      shape = shapeIndex(names, shapes, byName);
      columns = names.map((name) => {
        let values = fields.get(name);
        if (values === undefined) fields.set(name, (values = new Array<unknown>(n).fill(ABSENT)));
        return values;
      });
    }
    rows[i] = shape;
    for (let j = 0; j < names.length; j++) columns[j]![i] = payload[names[j]!];
  }
  return { rows, shapes, fields };
}

function shapeIndex(names: readonly string[] | null, shapes: Array<readonly string[] | null>, byName: Map<string, number>): number {
  const name = names === null ? '' : `\u0000${names.join('\u0000')}`;
  let index = byName.get(name);
  if (index === undefined) {
    index = shapes.length;
    shapes.push(names === null ? null : Object.freeze([...names]));
    byName.set(name, index);
  }
  return index;
}
