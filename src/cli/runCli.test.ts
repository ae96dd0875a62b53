import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
