/**
 * Fuzzing every way untrusted text reaches the lab: random fragments and parameters, valid
 * links mutated character by character or field by field, truncated links, mutated files.
 * Over 10,000 cases in all; each decode must return (never throw), say something specific when
 * it refuses, give a valid scenario when it accepts, and take under 100 ms. Seeds are fixed, so a
 * failure replays exactly (fast-check prints the seed and the shrunk counterexample).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario, TimedCommand } from '../engine';
import { parseScenario } from '../scenarios/parseScenario';
import { PRESETS } from '../scenarios/presets';
import { decodeLocation } from './decodeLocation';
import { compressToEncodedURIComponent } from './lzString';
import { decodeRunLink } from './runLink';
import { encodeRunLink } from './encodeRunLink';
import { decodeScenarioText, runFileText } from './scenarioFile';
import { describeRefusal, type DecodeResult } from './sharedRun';

const MAX_DECODE_MS = 100;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

function timed<T>(run: () => T): { result: T; elapsedMs: number } {
  const started = performance.now();
  const result = run();
  return { result, elapsedMs: performance.now() - started };
}

/**
 * Runs one decode, timing it, and checks the result is well formed. A decode over the bound is
 * timed twice more and judged by its fastest run: a slow input is slow every time, while a
 * garbage-collection pause or a busy machine (tests run in parallel) is not.
 */
function check(decode: () => DecodeResult | null): void {
  const first = timed(decode);
  const result = first.result;
  let elapsedMs = first.elapsedMs;
  for (let retry = 0; retry < 2 && elapsedMs >= MAX_DECODE_MS; retry++) {
    elapsedMs = Math.min(elapsedMs, timed(decode).elapsedMs);
  }
  expect(elapsedMs).toBeLessThan(MAX_DECODE_MS);
  if (result === null) return;
  if (result.ok) {
    expect(parseScenario(result.run.scenario).ok).toBe(true);
    expect(Number.isSafeInteger(result.run.playheadMs)).toBe(true);
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    expect(describeRefusal(result).length).toBeGreaterThan(result.source.length + 2);
  }
}

const presetIndex = fc.nat({ max: PRESETS.length - 1 });
const scenarioOf = (index: number): Scenario => PRESETS[index]!.scenario;

const intervention = (scenario: Scenario): fc.Arbitrary<TimedCommand> =>
  fc.oneof(
    fc.record({
      type: fc.constantFrom('crash' as const, 'start' as const, 'hang' as const, 'resume' as const),
      target: fc.constant(`${scenario.services[0]!.id}-0`),
      atMs: fc.nat({ max: 120_000 }),
    }),
    fc.record({
      type: fc.constant('scale' as const),
      service: fc.constant(scenario.services[0]!.id),
      instances: fc.nat({ max: 4 }),
      atMs: fc.nat({ max: 120_000 }),
    }),
  );

const validLink = presetIndex.chain((index) => {
  const scenario = scenarioOf(index);
  return fc
    .record({
      interventions: fc.array(intervention(scenario), { maxLength: 8 }),
      playheadMs: fc.nat({ max: 300_000 }),
      selection: fc.option(fc.constantFrom('group:email', 'partition:orders-1', 'instance:email-0')),
    })
    .map((run) => encodeRunLink({ scenario, view: {}, ...run }));
});

/** Character-level damage: replace, delete, insert, duplicate or cut. */
const damagedText = (text: fc.Arbitrary<string>, alphabet: fc.Arbitrary<string>) =>
  fc
    .tuple(text, fc.array(fc.tuple(fc.constantFrom('replace', 'delete', 'insert', 'duplicate', 'cut'), fc.double({ min: 0, max: 1, noNaN: true }), alphabet), { minLength: 1, maxLength: 4 }))
    .map(([original, edits]) => {
      let result = original;
      for (const [kind, where, inserted] of edits) {
        const at = Math.floor(where * result.length);
        if (kind === 'replace') result = result.slice(0, at) + inserted + result.slice(at + 1);
        else if (kind === 'delete') result = result.slice(0, at) + result.slice(at + 1 + inserted.length);
        else if (kind === 'insert') result = result.slice(0, at) + inserted + result.slice(at);
        else if (kind === 'duplicate') result = result.slice(0, at) + result.slice(at, at + 40) + result.slice(at);
        else result = result.slice(0, at);
      }
      return result;
    });

const nastyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 0.5, 1e21, 2 ** 53, -(2 ** 31), '', 'x'.repeat(300), null, [], {}, true),
);
const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'v', 'atMs', 'partitions', 'type'),
  fc.string({ maxLength: 12 }),
);

/** Every path to an object or list inside `value`, so a mutation can land anywhere. */
function containers(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (typeof value === 'object' && value !== null) {
    out.push(path);
    for (const [key, child] of Object.entries(value)) containers(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

/** Field-level damage of a JSON document: set, delete or add a key somewhere, with a nasty value. */
const mutatedJson = (document: fc.Arbitrary<unknown>) =>
  fc
    .tuple(document, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('set', 'delete', 'add'), nastyKey, nastyValue), { minLength: 1, maxLength: 3 }))
    .map(([original, edits]) => {
      const copy = JSON.parse(JSON.stringify(original)) as unknown;
      for (const [where, kind, key, shared] of edits) {
        // A fresh copy each time: generated objects are shared between runs and must not form cycles.
        const value = JSON.parse(JSON.stringify(shared)) as unknown;
        const paths = containers(copy);
        const path = paths[Math.floor(where * paths.length)] ?? [];
        const target = path.reduce<unknown>((node, step) => (node as Record<string, unknown>)[step], copy) as Record<string, unknown>;
        const keys = Object.keys(target);
        const existing = keys[Math.floor(where * keys.length)];
        if (kind === 'delete' && existing !== undefined) delete target[existing];
        else if (kind === 'set' && existing !== undefined) target[existing] = value;
        else Object.defineProperty(target, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return JSON.stringify(copy);
    });

const linkPayload = validLink.map((link) => {
  const decoded = decodeRunLink(link);
  if (!decoded.ok) throw new Error('a valid link did not decode');
  const { scenario, interventions, playheadMs, selection, view } = decoded.run;
  return { v: 1, scenario, interventions, playheadMs, selection, view };
});

const scenarioFile = presetIndex.map((index) => runFileText(scenarioOf(index), []));

describe('decoding never throws, always explains a refusal and stays under 100 ms', () => {
  it('random fragments, links and parameters (3,000 cases)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 400 }),
      fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 400 }).map((data) => `1.${data}`),
    );
    fc.assert(
      fc.property(text, fc.constantFrom('#', '#s=', '#preset=', '?scenario=', ''), (raw, prefix) => {
        check(() => decodeRunLink(raw));
        const address = prefix.startsWith('?') ? { hash: '', search: prefix + raw } : { hash: prefix + raw, search: '' };
        check(() => decodeLocation(address));
      }),
      { numRuns: 3000, seed: 1001 },
    );
  });

  it('valid links with damaged characters (3,000 cases)', () => {
    fc.assert(
      fc.property(damagedText(validLink, fc.string({ unit: fc.constantFrom(...ALPHABET, '%', ' ', '.', '#'), minLength: 1, maxLength: 3 })), (link) => {
        check(() => decodeLocation({ hash: `#s=${link}`, search: '' }));
      }),
      { numRuns: 3000, seed: 1002 },
    );
  });

  it('valid links cut short at every kind of length (1,500 cases)', () => {
    fc.assert(
      fc.property(validLink, fc.double({ min: 0, max: 1, noNaN: true }), (link, fraction) => {
        const cut = link.slice(0, Math.floor(fraction * link.length));
        check(() => decodeRunLink(cut));
        if (cut.length < link.length - 1) expect(decodeRunLink(cut).ok).toBe(false);
      }),
      { numRuns: 1500, seed: 1003 },
    );
  });

  it('links whose payload fields were changed, removed or added (1,500 cases)', () => {
    fc.assert(
      fc.property(mutatedJson(linkPayload), (json) => {
        check(() => decodeRunLink(`1.${compressToEncodedURIComponent(json)}`));
      }),
      { numRuns: 1500, seed: 1004 },
    );
  });

  it('scenario files with damaged characters or fields (2,000 cases)', () => {
    const file = fc.oneof(
      damagedText(scenarioFile, fc.string({ unit: 'binary', minLength: 1, maxLength: 3 })),
      mutatedJson(scenarioFile.map((text) => JSON.parse(text) as unknown)),
    );
    fc.assert(
      fc.property(file, (text) => {
        check(() => decodeScenarioText(text, 'file "fuzz.json"'));
        check(() => decodeLocation({ hash: '', search: `?${new URLSearchParams({ scenario: text }).toString()}` }));
      }),
      { numRuns: 2000, seed: 1005 },
    );
  });

  it('left no trace on Object.prototype', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(
      Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort(),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
