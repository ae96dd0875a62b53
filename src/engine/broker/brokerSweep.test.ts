/**
 * The broker seed sweep: hundreds of seeds of replicated runs with random broker crashes,
 * restarts and slow networks (brokerSweepScenario.ts), every invariant checked after every
 * event — among them the HW within every ISR replica's log end, the leader in its ISR, no
 * consumer position above the HW — and each run replaying to the same trace hash. A failure
 * prints the seed and its actions, so it replays exactly.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { worldOf } from '../testing/worldOf';
import { BROKER_SWEEP_RUN_MS, BROKER_SWEEP_SEEDS, brokerSweepScenario } from './brokerSweepScenario';

describe('broker seed sweep', () => {
  it(`keeps every invariant for ${BROKER_SWEEP_SEEDS} seeds of broker failures`, () => {
    let elections = 0;
    let lost = 0;
    for (let seed = 0; seed < BROKER_SWEEP_SEEDS; seed++) {
      const scenario = brokerSweepScenario(seed);
      try {
        const sim = createSimulation(scenario, { checkInvariants: true });
        sim.runUntil(BROKER_SWEEP_RUN_MS);
        const replay = createSimulation(scenario);
        replay.runUntil(BROKER_SWEEP_RUN_MS);
        expect(replay.traceHash()).toBe(sim.traceHash());
        const cluster = worldOf(sim).cluster!;
        for (const replicas of cluster.partitions.values()) {
          // One leader per epoch: the history holds exactly one leader for each epoch reached.
          const history = cluster.leadersByEpoch.get(replicas.key)!;
          expect(history.length).toBe(replicas.leaderEpoch + 1);
          elections += replicas.leaderEpoch;
        }
        const producer = sim.summary().producers['checkout']!;
        const acks = scenario.producers[0]!.config!.acks;
        const minIsr = scenario.topics[0]!.config!['min.insync.replicas']!;
        const unclean = scenario.topics[0]!.config!['unclean.leader.election.enable'];
        // acks=all with two in-sync copies and clean elections never loses an acknowledged record.
        if (acks === 'all' && minIsr >= 2 && !unclean) expect(producer.ackedThenLost).toBe(0);
        lost += producer.ackedThenLost;
      } catch (error) {
        throw new Error(`seed ${seed} failed with actions ${JSON.stringify(scenario.actions)}: ${(error as Error).message}`, { cause: error });
      }
    }
    // The sweep exercises what it claims to: leaders change and, in some runs, records are lost.
    expect(elections).toBeGreaterThan(100);
    expect(lost).toBeGreaterThan(0);
  }, 600_000);
});
