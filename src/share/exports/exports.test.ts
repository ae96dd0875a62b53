import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { findPreset } from '../../scenarios/presets';
import { csvText } from './csv';
import { consistencyCsv } from './consistencyCsv';
import { eventLogCsv, eventLogJsonLines } from './eventLog';
import { lagCsv } from './lagCsv';
import { DATA_EXPORTS, dataExport } from './runExports';

/** A small RFC 4180 reader, enough to check what the writers wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

const outage = findPreset('email-outage')!.scenario;
const simulation = createSimulation(outage);
simulation.runUntil(45_000);

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and leaves empty what is missing', () => {
    const text = csvText(['a', 'b', 'c'], [['x,y', 'say "hi"', null], ['line\nbreak', 3, undefined]]);
    expect(text).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n"line\nbreak",3,\r\n');
    expect(parseCsv(text)).toEqual([['a', 'b', 'c'], ['x,y', 'say "hi"', ''], ['line\nbreak', '3', '']]);
  });
});

describe('the run as files', () => {
  it('writes the event log as JSON lines and as CSV, one event each, the same events', () => {
    const events = simulation.events();
    const lines = eventLogJsonLines(events).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toEqual(events.map((e) => JSON.parse(JSON.stringify(e))));
    const rows = parseCsv(eventLogCsv(events));
    expect(rows[0]).toEqual(['seq', 'timeMs', 'kind', 'entity', 'group', 'code', 'text', 'fields']);
    expect(rows).toHaveLength(events.length + 1);
    const crash = rows.find((r) => r[5] === 'member.crashed')!;
    expect(crash[3]).toBe('email-0');
    expect(JSON.parse(crash[7]!)).toMatchObject({ instance: 'email-0' });
  });

  it('writes lag over time with Kafka\'s lag and the records still to process, per sample and partition', () => {
    const groups = simulation.snapshot().groups.map((g) => ({ groupId: g.groupId, history: simulation.lagHistory(g.groupId) }));
    const rows = parseCsv(lagCsv(groups));
    expect(rows[0]).toEqual(['timeMs', 'group', 'topic', 'partition', 'committedLag', 'unprocessed', 'behindMs', 'status']);
    const samples = groups.reduce((n, g) => n + g.history.reduce((m, s) => m + Object.keys(s.partitions).length, 0), 0);
    expect(rows).toHaveLength(samples + 1);
    // email crashed: at the last sample nobody owns its partitions, so the records to process
    // count from the committed offset, as Kafka's lag does.
    const last = Math.max(...rows.slice(1).map((r) => Number(r[0])));
    const email = rows.filter((r) => r[0] === String(last) && r[1] === 'email');
    expect(email.map((r) => r[3])).toEqual(['0', '1', '2']);
    for (const r of email) expect(r[5]).toBe(r[4]);
    expect(Number(email[0]![4])).toBeGreaterThan(20);
    const summary = simulation.summary().groups['email']!.offsets;
    expect(Number(email[0]![4])).toBeLessThanOrEqual(summary['orders-0']!.lag! );
  });

  it('writes the consistency windows per fact: appended, applied by each read model, the window', () => {
    const facts = simulation.consistencyFacts();
    // Every order placed so far is a fact (none dropped yet at this size).
    expect(facts).toHaveLength(simulation.summary().producers['checkout']!.sent);
    const rows = parseCsv(consistencyCsv(facts, ['inventory', 'email']));
    expect(rows[0]).toEqual(['entity', 'appendedMs', 'inventory.appliedMs', 'inventory.windowMs', 'email.appliedMs', 'email.windowMs']);
    expect(rows).toHaveLength(facts.length + 1);
    for (const r of rows.slice(1)) if (r[2] !== '') expect(Number(r[3])).toBe(Number(r[2]) - Number(r[1]));
    // During the outage email applied none of the orders placed after its crash: empty cells.
    const crashMs = simulation.events().find((e) => e.code === 'member.crashed')!.atMs;
    const afterCrash = rows.slice(1).filter((r) => Number(r[1]) > crashMs);
    expect(afterCrash.length).toBeGreaterThan(10);
    for (const r of afterCrash) expect(r[4]).toBe('');
  });

  it('offers every data export under its menu name, each one parsing', () => {
    expect(DATA_EXPORTS.map((e) => e.label)).toEqual([
      'Event log (JSON lines)',
      'Event log (CSV)',
      'Lag over time (CSV)',
      'Consistency windows (CSV)',
      'Summary (JSON)',
      'Run (scenario file)',
    ]);
    for (const { name } of DATA_EXPORTS) {
      const file = dataExport(name, simulation, { scenario: outage, interventions: [] });
      if (name.endsWith('.json')) expect(() => JSON.parse(file.text)).not.toThrow();
      if (name.endsWith('.csv')) expect(parseCsv(file.text)[0]!.length).toBeGreaterThan(3);
    }
    expect(JSON.parse(dataExport('summary.json', simulation, { scenario: outage, interventions: [] }).text)).toEqual(simulation.summary());
  });
});
