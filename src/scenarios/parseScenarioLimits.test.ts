// The bounds on every field and list of a scenario: out-of-range values are refused, never clamped.
import { describe, expect, it } from 'vitest';
import { limits } from '../engine';
import { formatScenarioErrors, parseScenario } from './parseScenario';
import type { ParseResult } from './parseScenario';
import { DELETE, withValue } from './parseScenarioTestSupport';
import type { Path } from './parseScenarioTestSupport';

/** Asserts a refusal with an error at exactly `path` whose message contains every `part`. */
function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

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
