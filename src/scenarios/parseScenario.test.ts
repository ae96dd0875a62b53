import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import * as limits from './limits';
import { formatScenarioErrors, parseScenario, parseScenarioJson } from './parseScenario';
import type { ParseResult } from './parseScenario';

// The DESIGN.md example names handlers the engine gains one by one; accept the planned names here
// so these tests pin the parser rather than the handler registry (which the parser reads live).
vi.mock('../engine', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../engine')>();
  const planned = ['acceptOrder', 'reserveStock', 'chargePayment', 'sendReceipt', 'scoreFraud'];
  const names = [...engine.HANDLER_NAMES, ...planned, 'shipOrder', 'project', 'noop'];
  return { ...engine, HANDLER_NAMES: [...new Set(names)] };
});

/** The example scenario of DESIGN.md contract 2, verbatim. */
const EXAMPLE = {
  format: 'logscope-scenario',
  version: 1,
  title: 'Checkout with a flaky email service',
  seed: 7,
  topics: [
    {
      name: 'orders',
      partitions: 3,
      config: { 'retention.ms': 600000, 'segment.ms': 60000, 'cleanup.policy': 'delete' },
    },
    { name: 'payments', partitions: 2 },
  ],
  producers: [
    {
      id: 'checkout',
      topic: 'orders',
      ratePerSec: 5,
      event: 'OrderPlaced',
      keys: { kind: 'sequence', prefix: 'order-' },
    },
  ],
  services: [
    { id: 'billing', subscribe: ['orders'], handler: 'chargePayment', emitTo: 'payments' },
    {
      id: 'email',
      subscribe: ['orders'],
      instances: 1,
      handler: 'sendReceipt',
      processingMs: 20,
      idempotent: false,
      config: {
        'enable.auto.commit': true,
        'auto.commit.interval.ms': 5000,
        'auto.offset.reset': 'earliest',
        'session.timeout.ms': 10000,
        'heartbeat.interval.ms': 3000,
        'max.poll.records': 500,
        'partition.assignment.strategy': 'range',
      },
    },
  ],
  broker: { 'log.retention.check.interval.ms': 1000, 'group.initial.rebalance.delay.ms': 3000 },
  notes: [{ atMs: 20000, text: 'Email goes down. Do orders stop?' }],
  actions: [
    { atMs: 20000, type: 'crash', target: 'email-0' },
    { atMs: 50000, type: 'start', target: 'email-0' },
  ],
};

type Path = readonly (string | number)[];
const DELETE = Symbol('delete');

/** A deep copy of the example with `value` written at `path` (or the field deleted). */
function withValue(path: Path, value: unknown): Record<string, unknown> {
  const draft = structuredClone(EXAMPLE) as Record<string, unknown>;
  setAt(draft, path, value);
  return draft;
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === DELETE) delete node[last];
  else node[last] = value;
}

/** Asserts a refusal with an error at exactly `path` whose message contains every `part`. */
function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

function accepted(result: ParseResult) {
  if (!result.ok) throw new Error(`refused:\n${formatScenarioErrors(result.errors)}`);
  return result;
}

describe('parseScenario', () => {
  it('accepts the DESIGN.md example without warnings and returns it unchanged', () => {
    const result = accepted(parseScenario(EXAMPLE));
    expect(result.warnings).toEqual([]);
    expect(result.scenario).toEqual(EXAMPLE);
  });

  it('returns fresh plain objects, never the input objects', () => {
    const input = structuredClone(EXAMPLE);
    const { scenario } = accepted(parseScenario(input));
    expect(scenario).not.toBe(input);
    expect(scenario.topics[0]).not.toBe(input.topics[0]);
    expect(scenario.services[1]?.config).not.toBe(input.services[1]?.config);
    expect(scenario.actions?.[0]).not.toBe(input.actions[0]);
    expect(Object.getPrototypeOf(scenario.topics[0])).toBe(Object.prototype);
  });

  it('fills no defaults: a minimal scenario comes back with only its own fields', () => {
    const minimal = {
      format: 'logscope-scenario',
      version: 1,
      seed: 0,
      topics: [{ name: 'orders', partitions: 1 }],
      producers: [],
      services: [{ id: 'email', subscribe: ['orders'] }],
    };
    expect(accepted(parseScenario(minimal)).scenario).toEqual(minimal);
  });

  it('is idempotent: parsing its own output gives the same scenario', () => {
    const first = accepted(parseScenario(EXAMPLE)).scenario;
    expect(accepted(parseScenario(first)).scenario).toEqual(first);
  });

  it('keeps actions in the order given', () => {
    const input = withValue(['actions'], [...EXAMPLE.actions].reverse());
    expect(accepted(parseScenario(input)).scenario.actions?.map((a) => a.atMs)).toEqual([
      50000, 20000,
    ]);
  });

  it.each([
    ['0 instances', ['services', 1, 'instances'], 0],
    ['auto.commit.interval.ms of 0', ['services', 1, 'config', 'auto.commit.interval.ms'], 0],
    [
      'an assignor list',
      ['services', 1, 'config', 'partition.assignment.strategy'],
      ['cooperative-sticky', 'range'],
    ],
    ['retention.ms of -1', ['topics', 0, 'config', 'retention.ms'], -1],
    ['a zipf key spec', ['producers', 0, 'keys'], { kind: 'zipf', count: 100, s: 1.2 }],
    ['a ratePerSec of 0', ['producers', 0, 'ratePerSec'], 0],
  ] as const)('accepts %s', (_name, path, value) => {
    accepted(parseScenario(withValue(path, value)));
  });

  it('normalises cleanup.policy "delete,compact" to "compact,delete"', () => {
    const input = withValue(['topics', 0, 'config', 'cleanup.policy'], 'delete,compact');
    const { scenario } = accepted(parseScenario(input));
    expect(scenario.topics[0]?.config?.['cleanup.policy']).toBe('compact,delete');
  });

  it('formats errors one per line as "path: message"', () => {
    const text = formatScenarioErrors([
      { path: 'seed', message: 'seed is -1; it must be an integer' },
      { path: '', message: 'whole input' },
    ]);
    expect(text).toBe('seed: seed is -1; it must be an integer\nwhole input');
  });
});

describe('parseScenario header', () => {
  it('refuses another format', () => {
    expectError(
      parseScenario(withValue(['format'], 'other')),
      'format',
      '"other"',
      'logscope-scenario',
    );
  });

  it('refuses another version with a message naming both versions', () => {
    const result = parseScenario(withValue(['version'], 2));
    expectError(result, 'version', 'unsupported scenario version 2; this LogScope reads version 1');
  });

  it('refuses a missing version', () => {
    expectError(parseScenario(withValue(['version'], DELETE)), 'version', 'missing');
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'text'],
    ['a list', [EXAMPLE]],
    ['undefined', undefined],
  ])('refuses %s as a scenario', (_name, input) => {
    expectError(parseScenario(input), '', 'must be a JSON object');
  });
});

describe('parseScenario list limits', () => {
  const topic = (index: number) => ({ name: `t${index}`, partitions: 1 });
  const producer = (index: number) => ({
    id: `p${index}`,
    topic: 'orders',
    event: 'E',
    ratePerSec: 1,
  });
  const service = (index: number) => ({ id: `s${index}`, subscribe: ['orders'] });
  const note = () => ({ atMs: 0, text: 'n' });
  const action = () => ({ atMs: 0, type: 'crash', target: 'email-0' });
  it.each([
    ['topics', topic, limits.MAX_TOPICS],
    ['producers', producer, limits.MAX_PRODUCERS],
    ['services', service, limits.MAX_SERVICES],
    ['notes', note, limits.MAX_NOTES],
    ['actions', action, limits.MAX_ACTIONS],
  ] as const)('refuses more %s than the limit', (field, make, max) => {
    const items = Array.from({ length: max + 1 }, (_, index) => make(index));
    expectError(parseScenario(withValue([field], items)), field, String(max + 1), String(max));
  });
});

describe('parseScenario field rules', () => {
  const S1 = ['services', 1, 'config'];
  const T0 = ['topics', 0, 'config'];
  /** [behaviour, path to change, new value, path of the error, parts of its message] */
  // prettier-ignore
  const cases: [string, Path, unknown, string, ...string[]][] = [
    ['a title over 200 characters', ['title'], 'x'.repeat(201), 'title', '200'],
    ['a seed above 2^32-1', ['seed'], 2 ** 32, 'seed', '4294967296', '4294967295'],
    ['a negative seed', ['seed'], -1, 'seed', '-1', 'from 0'],
    ['a fractional seed', ['seed'], 1.5, 'seed', '1.5', 'integer'],
    ['a missing seed', ['seed'], DELETE, 'seed', 'missing'],
    ['0 partitions', ['topics', 0, 'partitions'], 0, 'topics[0].partitions', 'is 0', '1 to 64'],
    ['65 partitions', ['topics', 0, 'partitions'], 65, 'topics[0].partitions', '65', '64'],
    ['1.5 partitions', ['topics', 0, 'partitions'], 1.5, 'topics[0].partitions', '1.5', 'integer'],
    ['"3" partitions', ['topics', 0, 'partitions'], '3', 'topics[0].partitions', '"3"', 'integer'],
    ['a topic name with a space', ['topics', 0, 'name'], 'or ders', 'topics[0].name', '"or ders"', 'A-Z'],
    ['a topic named ".."', ['topics', 1, 'name'], '..', 'topics[1].name', '".."', 'not'],
    ['an unknown top-level field holding a deep list', ['extra'], JSON.parse('['.repeat(40) + ']'.repeat(40)), 'extra' + '[0]'.repeat(32), 'nested more than 32 levels'],
    ['a scenario that is not a list entry', ['topics', 1], 7, 'topics[1]', 'topic is 7', 'an object'],
    ['a 65-character topic name', ['topics', 0, 'name'], 'x'.repeat(65), 'topics[0].name', '64'],
    ['an empty producer id', ['producers', 0, 'id'], '', 'producers[0].id', '""', '1 to 64'],
    ['a producer id with a slash', ['producers', 0, 'id'], 'a/b', 'producers[0].id', '"a/b"'],
    ['a 65-character service id', ['services', 0, 'id'], 's'.repeat(65), 'services[0].id', '64'],
    ['retention.ms below -1', [...T0, 'retention.ms'], -2, 'topics[0].config["retention.ms"]', '-2', 'least -1'],
    ['retention.bytes below -1', [...T0, 'retention.bytes'], -2, 'topics[0].config["retention.bytes"]', '-2', '-1'],
    ['segment.ms of 0', [...T0, 'segment.ms'], 0, 'topics[0].config["segment.ms"]', 'is 0', 'least 1'],
    ['segment.bytes of 13', [...T0, 'segment.bytes'], 13, 'topics[0].config["segment.bytes"]', '13', '14'],
    ['an unknown cleanup.policy', [...T0, 'cleanup.policy'], 'shred', 'topics[0].config["cleanup.policy"]', '"shred"', 'compact,delete'],
    ['a negative delete.retention.ms', [...T0, 'delete.retention.ms'], -1, 'topics[0].config["delete.retention.ms"]', '-1', 'least 0'],
    ['a dirty ratio above 1', [...T0, 'min.cleanable.dirty.ratio'], 1.5, 'topics[0].config["min.cleanable.dirty.ratio"]', '1.5', '0 to 1'],
    ['a negative compaction lag', [...T0, 'min.compaction.lag.ms'], -1, 'topics[0].config["min.compaction.lag.ms"]', '-1', 'least 0'],
    ['a negative ratePerSec', ['producers', 0, 'ratePerSec'], -1, 'producers[0].ratePerSec', '-1', '0 to 10000'],
    ['ratePerSec above 10000', ['producers', 0, 'ratePerSec'], 10001, 'producers[0].ratePerSec', '10001', '10000'],
    ['an unknown arrival', ['producers', 0, 'arrival'], 'burst', 'producers[0].arrival', '"burst"', '"poisson", "fixed"'],
    ['an unknown partitioner', ['producers', 0, 'partitioner'], 'sticky', 'producers[0].partitioner', '"sticky"', 'roundrobin'],
    ['invalidRatio above 1', ['producers', 0, 'invalidRatio'], 1.5, 'producers[0].invalidRatio', '1.5', '0 to 1'],
    ['an unknown key kind', ['producers', 0, 'keys'], { kind: 'random' }, 'producers[0].keys.kind', '"random"', 'zipf'],
    ['a uniform key count of 0', ['producers', 0, 'keys'], { kind: 'uniform', count: 0 }, 'producers[0].keys.count', 'is 0', '1 to 100000'],
    ['a zipf key count above 100000', ['producers', 0, 'keys'], { kind: 'zipf', count: 100001 }, 'producers[0].keys.count', '100001', '100000'],
    ['a zipf exponent of 0', ['producers', 0, 'keys'], { kind: 'zipf', count: 9, s: 0 }, 'producers[0].keys.s', 'is 0', 'above 0'],
    ['a zipf exponent above 10', ['producers', 0, 'keys'], { kind: 'zipf', count: 9, s: 10.5 }, 'producers[0].keys.s', '10.5', '10'],
    ['33 instances', ['services', 1, 'instances'], 33, 'services[1].instances', '33', '0 to 32'],
    ['-1 instances', ['services', 1, 'instances'], -1, 'services[1].instances', '-1', '0 to 32'],
    ['processingMs above 60000', ['services', 1, 'processingMs'], 60001, 'services[1].processingMs', '60001', '60000'],
    ['an unknown commit mode', ['services', 1, 'commit'], 'often', 'services[1].commit', '"often"', 'after-processing'],
    ['an unknown handler', ['services', 0, 'handler'], 'mine', 'services[0].handler', '"mine"', 'chargePayment'],
    ['a string idempotent', ['services', 1, 'idempotent'], 'yes', 'services[1].idempotent', '"yes"', 'true or false'],
    ['an empty subscribe entry', ['services', 1, 'subscribe'], [''], 'services[1].subscribe[0]', '""'],
    ['session.timeout.ms of 500', [...S1, 'session.timeout.ms'], 500, 'services[1].config["session.timeout.ms"]', 'session.timeout.ms is 500', '6000 to 1800000', 'group.min/max.session.timeout.ms'],
    ['session.timeout.ms above 1800000', [...S1, 'session.timeout.ms'], 1800001, 'services[1].config["session.timeout.ms"]', '1800001', '1800000'],
    ['heartbeat.interval.ms of 0', [...S1, 'heartbeat.interval.ms'], 0, 'services[1].config["heartbeat.interval.ms"]', 'is 0', 'from 1'],
    ['a heartbeat not below the session timeout', [...S1, 'heartbeat.interval.ms'], 10000, 'services[1].config["heartbeat.interval.ms"]', '10000', 'lower than session.timeout.ms (10000)'],
    ['max.poll.interval.ms of 0', [...S1, 'max.poll.interval.ms'], 0, 'services[1].config["max.poll.interval.ms"]', 'is 0', 'from 1'],
    ['max.poll.records of 0', [...S1, 'max.poll.records'], 0, 'services[1].config["max.poll.records"]', 'is 0', '1 to 10000'],
    ['max.poll.records above 10000', [...S1, 'max.poll.records'], 10001, 'services[1].config["max.poll.records"]', '10001', '10000'],
    ['a negative auto.commit.interval.ms', [...S1, 'auto.commit.interval.ms'], -1, 'services[1].config["auto.commit.interval.ms"]', '-1', 'from 0'],
    ['an unknown auto.offset.reset', [...S1, 'auto.offset.reset'], 'smallest', 'services[1].config["auto.offset.reset"]', '"smallest"', '"earliest", "latest", "none"'],
    ['an unknown assignor', [...S1, 'partition.assignment.strategy'], 'fair', 'services[1].config["partition.assignment.strategy"]', '"fair"', 'cooperative-sticky'],
    ['an empty assignor list', [...S1, 'partition.assignment.strategy'], [], 'services[1].config["partition.assignment.strategy"]', 'a list of 0', 'non-empty'],
    ['an unknown assignor in a list', [...S1, 'partition.assignment.strategy'], ['range', 'fair'], 'services[1].config["partition.assignment.strategy"]', '[1] is "fair"'],
    ['a string enable.auto.commit', [...S1, 'enable.auto.commit'], 'true', 'services[1].config["enable.auto.commit"]', '"true"', 'true or false'],
    ['an empty group.id', [...S1, 'group.id'], '', 'services[1].config["group.id"]', '""', '1 to 64'],
    ['a 65-character group.instance.id', [...S1, 'group.instance.id'], 'g'.repeat(65), 'services[1].config["group.instance.id"]', '64'],
    ['a retention check interval of 0', ['broker', 'log.retention.check.interval.ms'], 0, 'broker["log.retention.check.interval.ms"]', 'is 0', '1 to 3600000'],
    ['a retention check interval over an hour', ['broker', 'log.retention.check.interval.ms'], 3600001, 'broker["log.retention.check.interval.ms"]', '3600001', '3600000'],
    ['an initial rebalance delay above 300000', ['broker', 'group.initial.rebalance.delay.ms'], 300001, 'broker["group.initial.rebalance.delay.ms"]', '300001', '0 to 300000'],
    ['a note after 24 h', ['notes', 0, 'atMs'], 86400001, 'notes[0].atMs', '86400001', '86400000'],
    ['a note text over 500 characters', ['notes', 0, 'text'], 'x'.repeat(501), 'notes[0].text', '500'],
    ['an action after 24 h', ['actions', 0, 'atMs'], 86400001, 'actions[0].atMs', '86400001', '86400000'],
    ['an action at a fractional time', ['actions', 1, 'atMs'], 1.5, 'actions[1].atMs', '1.5', 'integer'],
    ['an action without atMs', ['actions', 0, 'atMs'], DELETE, 'actions[0].atMs', 'missing'],
    ['an action of an unknown type', ['actions', 0, 'type'], 'explode', 'actions[0].type', '"explode"', 'crash'],
  ];
  it.each(cases)('refuses %s', (_name, path, value, errorPath, ...parts) => {
    expectError(parseScenario(withValue(path, value)), errorPath, ...parts);
  });
});

describe('parseScenario rules between fields', () => {
  type Draft = ReturnType<typeof structuredClone<typeof EXAMPLE>> & Record<string, unknown>;
  const action = (fields: Record<string, unknown>) => (s: Draft) => {
    (s.actions as unknown[]).push({ atMs: 30000, ...fields });
  };
  const client = { id: 'web', command: 'PlaceOrder', to: 'billing', ratePerSec: 1 };
  /** [behaviour, edit of the example, path of the error, parts of its message] */
  // prettier-ignore
  const cases: [string, (draft: Draft) => void, string, ...string[]][] = [
    ['two topics with one name', (s) => { s.topics[1]!.name = 'orders'; }, 'topics[1].name', '"orders"', 'topics[0]', 'unique'],
    ['two producers with one id', (s) => { s.producers.push({ ...s.producers[0]! }); }, 'producers[1].id', '"checkout"', 'unique'],
    ['two services with one id', (s) => { s.services[1]!.id = 'billing'; }, 'services[1].id', '"billing"', 'services[0]', 'unique'],
    ['a service id that is another service\'s instance name', (s) => { s.services[1]!.id = 'billing-12'; }, 'services[1].id', '"billing-12"', 'instance 12 of service "billing"'],
    ['a service whose instances would be named like an earlier service', (s) => { s.services[0]!.id = 'email-0'; s.services[1]!.id = 'email'; }, 'services[1].id', '"email-0"', 'instance 0 of service "email"'],
    ['two services in one consumer group', (s) => setAt(s, ['services', 1, 'config', 'group.id'], 'billing'), 'services[1].config["group.id"]', '"billing"', 'may not share a group.id'],
    ['a producer with both topic and command', (s) => { Object.assign(s.producers[0]!, { command: 'X', to: 'billing' }); }, 'producers[0]', 'both topic/event and command/to'],
    ['a producer with neither topic nor command', (s) => { s.producers[0] = { id: 'p', ratePerSec: 1 } as never; }, 'producers[0]', 'neither'],
    ['a producer with a topic but no event', (s) => { delete (s.producers[0] as Partial<Draft['producers'][0]>).event; }, 'producers[0].event', 'event is missing'],
    ['a command producer without a command', (s) => { s.producers[0] = { id: 'web', to: 'billing', ratePerSec: 1 } as never; }, 'producers[0].command', 'command is missing'],
    ['a producer writing to an unknown topic', (s) => { s.producers[0]!.topic = 'refunds'; }, 'producers[0].topic', 'topic "refunds" does not exist', '"orders"'],
    ['a producer sending commands to an unknown service', (s) => { s.producers.push({ ...client, to: 'shop' } as never); }, 'producers[1].to', 'service "shop" does not exist'],
    ['a subscription to an unknown topic', (s) => { s.services[1]!.subscribe = ['orders', 'refunds']; }, 'services[1].subscribe[1]', '"refunds"', 'does not exist'],
    ['a topic subscribed twice', (s) => { s.services[1]!.subscribe = ['orders', 'orders']; }, 'services[1].subscribe[1]', '"orders"', 'twice'],
    ['an empty subscribe list for a service no producer commands', (s) => { s.services[1]!.subscribe = []; }, 'services[1].subscribe', 'empty list', '"to": "email"'],
    ['emitTo naming an unknown topic', (s) => { s.services[0]!.emitTo = 'refunds'; }, 'services[0].emitTo', '"refunds"', 'does not exist'],
    ['a target whose service does not exist', action({ type: 'crash', target: 'sms-0' }), 'actions[2].target', '"sms-0"', 'service "sms"', '30000 ms'],
    ['a target of a service added only later', (s) => { action({ type: 'crash', target: 'sms-0' })(s); action({ atMs: 40000, type: 'addService', service: { id: 'sms', subscribe: ['orders'] } })(s); }, 'actions[2].target', '"sms-0"'],
    ['an added service subscribing to an unknown topic', action({ type: 'addService', service: { id: 'sms', subscribe: ['texts'] } }), 'actions[2].service.subscribe[0]', '"texts"'],
    ['an added service reusing a service id', action({ type: 'addService', service: { id: 'email', subscribe: ['orders'] } }), 'actions[2].service.id', '"email"', 'unique'],
    ['scaling an unknown service', action({ type: 'scale', service: 'sms', instances: 2 }), 'actions[2].service', 'service "sms" does not exist'],
    ['resetting an unknown group', action({ type: 'resetOffsets', group: 'sms', to: 'earliest' }), 'actions[2].group', 'consumer group "sms" does not exist'],
    ['a rate change for an unknown producer', action({ type: 'setRate', producer: 'web', ratePerSec: 1 }), 'actions[2].producer', 'producer "web" does not exist'],
    ['producing to a partition the topic does not have', action({ type: 'produce', producer: 'checkout', partition: 3 }), 'actions[2].partition', 'partition is 3', '3 partitions'],
    ['adding partitions to an unknown topic', action({ type: 'addPartitions', topic: 'refunds', partitions: 4 }), 'actions[2].topic', '"refunds"'],
    ['shrinking a topic', action({ type: 'addPartitions', topic: 'orders', partitions: 3 }), 'actions[2].partitions', 'partitions is 3', 'more than the 3'],
  ];
  it.each(cases)('refuses %s', (_name, edit, errorPath, ...parts) => {
    const draft = structuredClone(EXAMPLE) as Draft;
    edit(draft);
    expectError(parseScenario(draft), errorPath, ...parts);
  });

  it('accepts an empty subscribe list for a service that receives commands', () => {
    const draft = structuredClone(EXAMPLE) as Draft;
    draft.services[0]!.subscribe = [];
    draft.producers.push(client as never);
    accepted(parseScenario(draft));
  });

  it('accepts targets, groups and partitions that earlier actions created', () => {
    const draft = structuredClone(EXAMPLE) as Draft;
    action({ atMs: 1000, type: 'addService', service: { id: 'sms', subscribe: ['orders'] } })(
      draft,
    );
    action({ atMs: 2000, type: 'crash', target: 'sms-31' })(draft);
    action({ atMs: 2000, type: 'resetOffsets', group: 'sms', to: { shiftBy: -5 } })(draft);
    action({ atMs: 1000, type: 'addPartitions', topic: 'orders', partitions: 6 })(draft);
    action({ atMs: 2000, type: 'produce', producer: 'checkout', partition: 5, key: null })(draft);
    accepted(parseScenario(draft));
  });
});

describe('parseScenario unknown and forbidden fields', () => {
  it('drops unknown fields at every level with a warning naming each path', () => {
    const draft = structuredClone(EXAMPLE) as Record<string, unknown>;
    setAt(draft, ['colour'], 'red');
    setAt(draft, ['topics', 0, 'config', 'flush.ms'], 1);
    setAt(draft, ['producers', 0, 'keys', 'count'], 3);
    setAt(draft, ['services', 1, 'config', 'fetch.min.bytes'], 1);
    setAt(draft, ['broker', 'num.partitions'], 1);
    setAt(draft, ['notes', 0, 'author'], 'me');
    setAt(draft, ['actions', 1, 'reason'], 'recovery');
    const result = accepted(parseScenario(draft));
    expect(result.scenario).toEqual(EXAMPLE);
    expect([...result.warnings].sort()).toEqual([
      'unknown field "author" at notes[0] was ignored',
      'unknown field "colour" at the top level was ignored',
      'unknown field "count" at producers[0].keys was ignored',
      'unknown field "fetch.min.bytes" at services[1].config was ignored',
      'unknown field "flush.ms" at topics[0].config was ignored',
      'unknown field "num.partitions" at broker was ignored',
      'unknown field "reason" at actions[1] was ignored',
    ]);
  });

  const json = JSON.stringify(EXAMPLE);
  it.each([
    [
      '__proto__ at the top level',
      json.replace('"seed":7', '"__proto__":{"polluted":1},"seed":7'),
      '__proto__',
    ],
    [
      'constructor in a service',
      json.replace('{"id":"billing"', '{"constructor":1,"id":"billing"'),
      'services[0].constructor',
    ],
    [
      'prototype in a config',
      json.replace('"max.poll.records":500', '"prototype":{},"max.poll.records":500'),
      'services[1].config.prototype',
    ],
    [
      '__proto__ in an unknown field',
      json.replace('"seed":7', '"extra":[{"__proto__":{}}],"seed":7'),
      'extra[0].__proto__',
    ],
  ])('refuses %s with an error, not a warning', (_name, text, path) => {
    const input: unknown = JSON.parse(text);
    expectError(parseScenario(input), path, 'not allowed');
    expectError(parseScenarioJson(text), path, 'not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseScenarioJson', () => {
  it('accepts the example as JSON text', () => {
    expect(accepted(parseScenarioJson(JSON.stringify(EXAMPLE))).scenario).toEqual(EXAMPLE);
  });

  it('accepts text of exactly 64 KB and refuses one character more, naming both sizes', () => {
    const text = JSON.stringify(EXAMPLE).padEnd(limits.MAX_SCENARIO_JSON_CHARS, ' ');
    accepted(parseScenarioJson(text));
    expectError(parseScenarioJson(`${text} `), '', 'is 65537 characters', '65536');
  });

  it.each([
    ['{"format": }', 11],
    ['{"format" 1}', 10],
    ['{} x', 3],
    ['', 0],
    ['{"seed": 7', 10],
  ])('refuses invalid JSON %j naming the position %i', (text, position) => {
    const result = parseScenarioJson(text);
    expectError(result, '', 'not valid JSON: ', `at position ${position}`);
  });
});

describe('parseScenario fuzzing', () => {
  const NOT_ZOD_DEFAULT = /^(?!Invalid |Too (?:big|small)|Unrecognized )/;

  function pathsOf(value: unknown, prefix: Path = []): Path[] {
    if (typeof value !== 'object' || value === null) return [];
    const node = value as Record<string | number, unknown>;
    const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    return keys.flatMap((key) => [[...prefix, key], ...pathsOf(node[key], [...prefix, key])]);
  }

  /** Like setAt, but gives up quietly when an earlier mutation removed the parent. */
  function mutate(root: unknown, path: Path, value: unknown): void {
    let node: unknown = root;
    for (const key of path.slice(0, -1)) {
      if (typeof node !== 'object' || node === null) return;
      node = (node as Record<string | number, unknown>)[key];
    }
    if (typeof node !== 'object' || node === null) return;
    try {
      setAt(node, path.slice(-1), value);
    } catch {
      // A change JavaScript itself refuses (an array's length) is not an input to test.
    }
  }

  function checkResult(result: ParseResult): void {
    if (result.ok) {
      const again = accepted(parseScenario(result.scenario));
      expect(again.scenario).toEqual(result.scenario);
      expect(again.warnings).toEqual([]);
      expect(JSON.parse(JSON.stringify(result.scenario))).toEqual(result.scenario);
      return;
    }
    expect(result.errors.length).toBeGreaterThan(0);
    for (const { path, message } of result.errors) {
      expect(typeof path).toBe('string');
      expect(message).toMatch(NOT_ZOD_DEFAULT);
    }
  }

  it('never throws for arbitrary values', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => checkResult(parseScenario(input))),
      { numRuns: 2000, seed: 20_260_003 },
    );
  });

  it('never throws for mutations of the example, and what it accepts is a fixed point', () => {
    const paths = pathsOf(EXAMPLE);
    const value = fc.oneof(
      fc.constantFrom<unknown>(
        DELETE,
        -1,
        0,
        1.5,
        65,
        1e9,
        '',
        'orders',
        'email-0',
        null,
        true,
        [],
        {},
      ),
      fc.anything(),
    );
    const mutation = fc.tuple(fc.constantFrom(...paths), fc.option(fc.string()), value);
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const draft = structuredClone(EXAMPLE);
        for (const [path, extraKey, newValue] of mutations) {
          mutate(draft, extraKey === null ? path : [...path, extraKey], newValue);
        }
        checkResult(parseScenario(draft));
      }),
      { numRuns: 2000, seed: 20_260_001 },
    );
  });

  it('never throws for arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => checkResult(parseScenarioJson(text))),
      { numRuns: 500, seed: 20_260_002 },
    );
  });
});
