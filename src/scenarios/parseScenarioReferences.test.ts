// The rules between fields: unique names and references that resolve, actions in time order.
import { describe, expect, it } from 'vitest';
import { formatScenarioErrors, parseScenario } from './parseScenario';
import type { ParseResult } from './parseScenario';
import { EXAMPLE, accepted, setAt } from './parseScenarioTestSupport';

/** Asserts a refusal with an error at exactly `path` whose message contains every `part`. */
function expectError(result: ParseResult, path: string, ...parts: string[]): void {
  if (result.ok) throw new Error(`expected an error at ${path}, but the scenario was accepted`);
  const error = result.errors.find((each) => each.path === path);
  expect(error, formatScenarioErrors(result.errors)).toBeDefined();
  for (const part of parts) expect(error?.message).toContain(part);
}

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
