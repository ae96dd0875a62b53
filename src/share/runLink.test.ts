import { describe, expect, it } from 'vitest';
import type { Scenario, TimedCommand } from '../engine';
import { PRESETS } from '../scenarios/presets';
import { compressToEncodedURIComponent } from './lzString';
import { decodeRunLink } from './runLink';
import { encodeRunLink } from './encodeRunLink';
import { describeRefusal, type DecodeResult, type SharedRun } from './sharedRun';

/** Twenty interventions of the kind a lesson makes: crash and restart the first service. */
function twentyInterventions(scenario: Scenario): TimedCommand[] {
  const target = `${scenario.services[0]!.id}-0`;
  return Array.from({ length: 20 }, (_, index) =>
    index % 2 === 0
      ? { type: 'crash' as const, target, atMs: 3000 * index + 137 }
      : { type: 'start' as const, target, atMs: 3000 * index + 1511 },
  );
}

function linkOf(payload: unknown): string {
  return `1.${compressToEncodedURIComponent(typeof payload === 'string' ? payload : JSON.stringify(payload))}`;
}

function message(result: DecodeResult): string {
  if (result.ok) throw new Error('expected a refusal');
  return describeRefusal(result);
}

const small: Scenario = {
  format: 'logscope-scenario',
  version: 1,
  seed: 1,
  topics: [{ name: 'orders', partitions: 3 }],
  producers: [],
  services: [{ id: 'email', subscribe: ['orders'] }],
};

describe('encodeRunLink and decodeRunLink', () => {
  it.each(PRESETS.map((preset) => [preset.id, preset.scenario] as const))(
    'round-trips %s exactly, and with 20 interventions the link stays within 2,500 characters',
    (_id, scenario) => {
      const run: SharedRun = {
        scenario,
        interventions: twentyInterventions(scenario),
        playheadMs: 61_234,
        selection: `group:${scenario.services[0]!.id}`,
        view: { lagUnit: 'records', showRetired: true, zoom: 1.5 },
      };
      const link = encodeRunLink(run);
      // A QR code at error level L holds 2,953 bytes: a preset's run (its notes' claims
      // included) with 20 interventions still fits one, with room for the page's address.
      expect(link.length).toBeLessThanOrEqual(2500);
      expect(decodeRunLink(link)).toEqual({ ok: true, run, warnings: [] });
      const bare: SharedRun = { scenario, interventions: [], playheadMs: 0, selection: null, view: {} };
      expect(decodeRunLink(encodeRunLink(bare))).toEqual({ ok: true, run: bare, warnings: [] });
    },
  );

  it('keeps opening a version 1 link written by LogScope 0.1', () => {
    const link =
      '1.N4IgbiBcCMA0IGcDGBTAdgQwE4EsD2UoAZnlgLYYAuUIANngObJ4AOKAtMutviPGCiwJ8aKHBCUclWihoBxPLQAm6PohQolUAMzxKrHEgRQA2qExlZkEKRVC1LbJMl40xyACYAvgF14LLDwlAFdUe0gzEBwtawQAC1Y1fRZDGltBY3gUATRqawB5LDsABVoMVC14LCoUYsEAZRQkKAAWX3gEQTBDFHdI6JoUChxaNQRggCNkXAmrExsijJAfXy94HFyu9Bc3U1BKAE82GiRq+KTsBhQ8kCGMEfYABjUqAFl3AFZH7-aQFjKDnEUBglO8xB5vo8OigZEgdjQGIFgixIHcRmpuigAO6EOgYBgAVTQUhoWCatmMXi8QA';
    expect(decodeRunLink(link)).toEqual({
      ok: true,
      warnings: [],
      run: {
        scenario: {
          format: 'logscope-scenario',
          version: 1,
          title: 'Golden',
          seed: 3,
          topics: [{ name: 'orders', partitions: 2 }],
          producers: [{ id: 'shop', topic: 'orders', event: 'OrderPlaced', ratePerSec: 4 }],
          services: [{ id: 'email', subscribe: ['orders'] }],
        },
        interventions: [{ type: 'crash', target: 'email-0', atMs: 5000 }],
        playheadMs: 12_000,
        selection: 'group:email',
        view: { lagUnit: 'records' },
      },
    });
  });

  it('keeps a refused intervention: the engine refuses it again on replay, identically', () => {
    const run: SharedRun = {
      scenario: small,
      interventions: [{ type: 'scale', service: 'no-such-service', instances: 2, atMs: 10 }],
      playheadMs: 10,
      selection: null,
      view: {},
    };
    expect(decodeRunLink(encodeRunLink(run))).toEqual({ ok: true, run, warnings: [] });
  });

  it('reads data whose characters were percent-encoded on the way', () => {
    const run: SharedRun = { scenario: small, interventions: [], playheadMs: 5, selection: null, view: {} };
    const link = encodeRunLink(run);
    const escaped = link.replace(/[A-Z+$]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
    expect(escaped).not.toBe(link);
    expect(decodeRunLink(escaped)).toEqual({ ok: true, run, warnings: [] });
  });

  it('drops unknown fields with a warning', () => {
    const result = decodeRunLink(linkOf({ v: 1, scenario: { ...small, colour: 'red' }, extra: 1 }));
    expect(result.ok && result.warnings).toEqual([
      'unknown field "extra" in the link was ignored',
      'scenario: unknown field "colour" at the top level was ignored',
    ]);
  });
});

describe('a link that does not decode is refused with what is wrong and where', () => {
  it('a truncated link', () => {
    const link = encodeRunLink({ scenario: PRESETS[0]!.scenario, interventions: [], playheadMs: 0, selection: null, view: {} });
    expect(message(decodeRunLink(link.slice(0, 200)))).toBe(
      'link: the link data is damaged or truncated: it does not decompress (was it cut when copied?)',
    );
    expect(message(decodeRunLink('1.'))).toBe('link: the link is truncated: there is no data after "#s=1."');
    expect(message(decodeRunLink(''))).toBe('link: the link is truncated: there is nothing after "#s="');
  });

  it('garbage', () => {
    expect(message(decodeRunLink('hello world'))).toBe(
      'link: the link has no format version: it must look like #s=1.<data>, not #s=hello world',
    );
    expect(message(decodeRunLink('1.abc<def'))).toBe(
      'link: the link data has the character "<" at position 3, which a LogScope link never contains (was it edited or cut?)',
    );
    expect(message(decodeRunLink('1.%3Cscript%3E'))).toBe(
      'link: the link data has the character "<" at position 0, which a LogScope link never contains (was it edited or cut?)',
    );
    expect(message(decodeRunLink(linkOf('not json')))).toMatch(
      /^link: the link data decompresses, but not valid JSON: .* at position 1 of the decompressed text \(was it written by hand\?\)$/,
    );
    expect(message(decodeRunLink(linkOf([1, 2])))).toBe('link: the link data is a list of 2; it must be a JSON object');
  });

  it('NaN says where it is; 1e400 (Infinity) names its field', () => {
    const text = JSON.stringify({ v: 1, scenario: small });
    const nan = text.replace(/"seed":\d+/, '"seed":NaN');
    expect(message(decodeRunLink(linkOf(nan)))).toMatch(new RegExp(`not valid JSON: .* at position ${nan.indexOf('NaN')} of the decompressed text`));
    const huge = text.replace(/"seed":\d+/, '"seed":1e400');
    expect(message(decodeRunLink(linkOf(huge)))).toBe('link: scenario.seed is Infinity; it must be an integer from 0 to 4294967295');
  });

  it('an unknown version', () => {
    expect(message(decodeRunLink('7.N4Ig'))).toBe(
      'link: link format version 7 is not supported (it was made by a newer LogScope); this LogScope opens version 1',
    );
    expect(message(decodeRunLink('0.N4Ig'))).toBe('link: link format version 0 is not supported; this LogScope opens version 1');
    expect(message(decodeRunLink(linkOf({ v: 2, scenario: small })))).toBe('link: v is 2; it must be 1, the link format version');
  });

  it('an oversized link, before decompressing it', () => {
    expect(message(decodeRunLink(`1.${'A'.repeat(70_000)}`))).toBe(
      'link: the link is 70002 characters long; the limit is 65536 (64 KB)',
    );
  });

  it('an out-of-range value, with its full path', () => {
    const scenario = { ...small, topics: [{ name: 'orders', partitions: 500 }] };
    expect(message(decodeRunLink(linkOf({ v: 1, scenario })))).toBe(
      'link: scenario.topics[0].partitions is 500; it must be an integer from 1 to 64',
    );
    expect(message(decodeRunLink(linkOf({ v: 1, scenario: small, playheadMs: -5 })))).toBe(
      'link: playheadMs is -5; it must be an integer from 0 to 86400000 (24 h of virtual time)',
    );
    expect(
      message(decodeRunLink(linkOf({ v: 1, scenario: small, interventions: [{ type: 'slow', target: 'email-0', factor: 0, atMs: 1 }] }))),
    ).toBe('link: interventions[0].factor is 0; it must be a number above 0 and at most 100 (1 = normal speed)');
  });

  it('a __proto__ or constructor key anywhere', () => {
    const text = JSON.stringify({ v: 1, scenario: small }).replace('"seed":1', '"seed":1,"__proto__":{"polluted":true}');
    expect(message(decodeRunLink(linkOf(text)))).toBe(
      'link: scenario.__proto__: field "__proto__" is not allowed (it could change JavaScript object prototypes)',
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const view = JSON.stringify({ v: 1, scenario: small, view: { constructor: 1 } });
    expect(message(decodeRunLink(linkOf(view)))).toBe(
      'link: view.constructor: field "constructor" is not allowed (it could change JavaScript object prototypes)',
    );
  });

  it('a scenario over the limits', () => {
    const topics = Array.from({ length: 17 }, (_, index) => ({ name: `t${index}`, partitions: 1 }));
    expect(message(decodeRunLink(linkOf({ v: 1, scenario: { ...small, topics } })))).toMatch(
      /^link: scenario\.topics has 17 entries; at most 16 topics are allowed/,
    );
  });

  it('counts further problems instead of listing them all', () => {
    const scenario = { ...small, seed: -1, topics: [{ name: 'orders', partitions: 0 }] };
    expect(message(decodeRunLink(linkOf({ v: 1, scenario, selection: 5 })))).toBe(
      'link: scenario.seed is -1; it must be an integer from 0 to 4294967295 (and 2 more problems)',
    );
  });
});
