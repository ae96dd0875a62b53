// Brokers and replication in a scenario (contract 7): `brokers`, the topic and broker configs
// and the broker actions, accepted without warnings and refused with the field path, the value
// and the limit.
import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario';
import { accepted, EXAMPLE } from './parseScenarioTestSupport';

type Json = Record<string, unknown>;

function scenario(changes: Json, topicConfig: Json = {}, actions: unknown[] = []): Json {
  const base = JSON.parse(JSON.stringify(EXAMPLE)) as Json;
  const topics = base['topics'] as Json[];
  topics[0] = { ...topics[0], config: { ...(topics[0]!['config'] as Json | undefined), ...topicConfig } };
  return { ...base, ...changes, actions };
}

function errorsOf(input: Json): { path: string; message: string }[] {
  const result = parseScenario(input);
  return result.ok ? [] : result.errors;
}

describe('brokers and replication settings', () => {
  it('accepts brokers, replication configs and broker actions without warnings', () => {
    const result = accepted(
      parseScenario(
        scenario(
          { brokers: 3, broker: { 'replica.lag.time.max.ms': 10_000, 'broker.session.timeout.ms': 6000 } },
          { 'replication.factor': 3, 'min.insync.replicas': 2, 'unclean.leader.election.enable': true },
          [
            { atMs: 1000, type: 'crashBroker', broker: 2 },
            { atMs: 2000, type: 'startBroker', broker: 2 },
            { atMs: 3000, type: 'delayNetwork', broker: 0, extraMs: 500 },
            { atMs: 4000, type: 'restoreNetwork', broker: 0 },
          ],
        ),
      ),
    );
    expect(result.warnings).toEqual([]);
    expect(result.scenario.brokers).toBe(3);
    expect(result.scenario.topics[0]!.config?.['replication.factor']).toBe(3);
    expect(result.scenario.actions?.map((a) => a.type)).toEqual(['crashBroker', 'startBroker', 'delayNetwork', 'restoreNetwork']);
  });

  it('refuses brokers outside 1 to 9, naming the field and the range', () => {
    for (const brokers of [0, 10, 2.5]) {
      const [error] = errorsOf(scenario({ brokers }));
      expect(error?.path).toBe('brokers');
      expect(error?.message).toContain(String(brokers));
      expect(error?.message).toContain('1 to 9');
    }
  });

  it('refuses a replication factor above the number of brokers', () => {
    const errors = errorsOf(scenario({ brokers: 2 }, { 'replication.factor': 3 }));
    expect(errors).toEqual([{ path: 'topics[0].config["replication.factor"]', message: expect.stringContaining('at most the number of brokers (2)') }]);
  });

  it('refuses broker actions on a one-broker scenario and broker ids beyond the cluster', () => {
    expect(errorsOf(scenario({}, {}, [{ atMs: 10, type: 'crashBroker', broker: 0 }]))[0]?.path).toBe('actions[0].type');
    const beyond = errorsOf(scenario({ brokers: 3 }, {}, [{ atMs: 10, type: 'startBroker', broker: 3 }]));
    expect(beyond).toEqual([{ path: 'actions[0].broker', message: expect.stringContaining('0 to 2') }]);
    const negative = errorsOf(scenario({ brokers: 3 }, {}, [{ atMs: 10, type: 'delayNetwork', broker: 0, extraMs: -5 }]));
    expect(negative[0]?.path).toBe('actions[0].extraMs');
  });

  it('refuses replication configs out of range', () => {
    expect(errorsOf(scenario({ brokers: 3 }, { 'min.insync.replicas': 0 }))[0]?.path).toBe('topics[0].config["min.insync.replicas"]');
    expect(errorsOf(scenario({ brokers: 3 }, { 'unclean.leader.election.enable': 'yes' }))[0]?.path).toBe('topics[0].config["unclean.leader.election.enable"]');
    expect(errorsOf(scenario({ brokers: 3, broker: { 'broker.session.timeout.ms': 0 } }))[0]?.path).toBe('broker["broker.session.timeout.ms"]');
  });
});
