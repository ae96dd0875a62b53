import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetEdgeScenario } from '../scenarios/budgetEdge';
import { PRESETS } from '../scenarios/presets';
import { runCli } from './runCli';

function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('the sim CLI', () => {
  it.each(PRESETS.map((p) => p.id))('prints one summary JSON document for preset %s', (id) => {
    const { code, out, err } = run([id, '--until', '20']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary.simTimeMs).toBe(20_000);
    expect(summary.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(summary.groups).length).toBeGreaterThan(0);
  });

  it('writes the run\'s data files into the --export folder (made if missing), beside the summary', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'logscope-export-')), 'out', 'email');
    const { code, out, err } = run(['email-outage', '--until', '45', '--export', dir]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['consistency.csv', 'events.csv', 'events.jsonl', 'lag.csv', 'run.json', 'summary.json']);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'))).toEqual(JSON.parse(out));
    expect(readFileSync(join(dir, 'lag.csv'), 'utf8').split('\r\n')[0]).toBe('timeMs,group,topic,partition,committedLag,unprocessed,behindMs,status');
    const events = readFileSync(join(dir, 'events.jsonl'), 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(events.some((e) => e.code === 'member.crashed' && e.entity === 'email-0')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).format).toBe('logscope-scenario');
  });

  it('refuses an --export path that is a file, or no folder at all, with one line', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'logscope-export-')), 'taken');
    writeFileSync(file, 'x');
    const taken = run(['checkout', '--until', '2', '--export', file]);
    expect(taken.code).toBe(2);
    expect(taken.err).toBe(`logscope sim: --export ${file} is not a folder\n`);
    const missing = run(['checkout', '--until', '2', '--export']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^logscope sim: --export needs a folder\./);
  });

  it('overrides the seed with --seed and changes the run', () => {
    const a = JSON.parse(run(['checkout', '--until', '10']).out);
    const b = JSON.parse(run(['checkout', '--until', '10', '--seed', '99']).out);
    expect(b.traceHash).not.toBe(a.traceHash);
  });

  it('runs a scenario file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logscope-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify(PRESETS[0]!.scenario));
    const { code, out } = run([file, '--until', '5']);
    expect(code).toBe(0);
    expect(JSON.parse(out).simTimeMs).toBe(5000);
  });

  const bad: Array<[string, string[], RegExp]> = [
    ['a missing file', ['nope.json', '--until', '5'], /no such file: nope\.json/],
    ['an unknown preset', ['nope', '--until', '5'], /neither a preset/],
    ['a missing --until', ['checkout'], /missing --until/],
    ['a negative --until', ['checkout', '--until', '-3'], /--until must be a number of seconds/],
    ['a bad seed', ['checkout', '--until', '3', '--seed', 'x'], /--seed must be an integer/],
    ['an unknown flag', ['checkout', '--until', '3', '--fast'], /unknown option "--fast"/],
  ];
  it.each(bad)('exits 2 with one line on stderr for %s', (_name, argv, message) => {
    const { code, out, err } = run(argv);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });

  it('exits 2 naming the problem for bad JSON and for an invalid scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'logscope-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "logscope-scenario",');
    const first = run([broken, '--until', '5']);
    expect(first.code).toBe(2);
    expect(first.err).toMatch(/JSON/);
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, JSON.stringify({ ...PRESETS[0]!.scenario, topics: [{ name: 'orders', partitions: 500 }] }));
    const second = run([invalid, '--until', '5']);
    expect(second.code).toBe(2);
    expect(second.err).toMatch(/topics\[0\]\.partitions/);
    expect(second.err.trim().split('\n')).toHaveLength(1);
  });
});

describe('the sim CLI and hostile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'logscope-hostile-'));

  it('refuses a named pipe without opening it (opening one blocks until a writer comes)', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const { code, err } = run([fifo, '--until', '5']);
    expect(code).toBe(2);
    expect(err).toMatch(/pipe\.json is a named pipe; the scenario must be a regular \.json file\n$/);
    expect(err.split('\n')).toHaveLength(2);
  });

  it.each(['/dev/zero', '/dev/urandom'])('refuses %s behind a .json name without reading it', (device) => {
    const link = join(dir, `${device.slice(5)}.json`);
    symlinkSync(device, link);
    const { code, err } = run([link, '--until', '5']);
    expect(code).toBe(2);
    expect(err).toMatch(/is a device; the scenario must be a regular \.json file\n$/);
  });

  it('refuses a directory named .json', () => {
    const folder = join(dir, 'folder.json');
    mkdirSync(folder);
    expect(run([folder, '--until', '5']).err).toMatch(/is a directory/);
  });

  it('refuses an --until past the work budget, naming the figures, and never prints a summary short of it', () => {
    const file = join(dir, 'edge.json');
    writeFileSync(file, JSON.stringify({ ...budgetEdgeScenario(), actions: [] }));
    // Too large for a file (64 KB) with its 2,000 actions; without them it fits.
    const { code, out, err } = run([file, '--until', '60']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/^logscope sim: --until 60 is past what the work budget allows for this scenario: at 2,7\d\d,\d\d\d units per virtual second .* it can run to 14\.\d+ s at most \(budget: 40 million units of work\)\n$/);
  });

  it('refuses a scenario that could never make progress with one line naming the field', () => {
    // Known at validation: services feeding each other at zero time. (The engine's own guard
    // behind it is tested in zeroTimeWork.test.ts.)
    const file = join(dir, 'loop.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...PRESETS[0]!.scenario,
        actions: [],
        services: [{ id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'orders', processingMs: 0 }],
      }),
    );
    const { code, err } = run([file, '--until', '5']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/services\[0\]: billing → billing/);
  });

  it('processes a 10,000/s producer with processingMs 0 and max.poll.records 1 to --until (the stack overflowed)', () => {
    const file = join(dir, 'backlog.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'logscope-scenario',
        version: 1,
        seed: 1,
        topics: [{ name: 'orders', partitions: 1 }],
        producers: [{ id: 'checkout', topic: 'orders', ratePerSec: 10000, event: 'OrderPlaced', keys: { kind: 'sequence', prefix: 'order-' } }],
        services: [{ id: 'email', subscribe: ['orders'], processingMs: 0, config: { 'max.poll.records': 1 } }],
      }),
    );
    const { code, out, err } = run([file, '--until', '8']);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(out).simTimeMs).toBe(8000);
  });
});

describe('the sim CLI summary size', () => {
  it('lists at most 1,000 entities per read-model listing unless --full-read-models', () => {
    const bounded = JSON.parse(run(['checkout', '--until', '400']).out);
    const full = JSON.parse(run(['checkout', '--until', '400', '--full-read-models']).out);
    expect(Object.keys(full.readModels.email.receiptsSent).length).toBeGreaterThan(1_000);
    expect(Object.keys(bounded.readModels.email.receiptsSent)).toHaveLength(1_000);
    expect(bounded.readModels.email.receiptsSentOmitted).toBe(Object.keys(full.readModels.email.receiptsSent).length - 1_000);
  });
});
