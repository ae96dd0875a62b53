/**
 * Synchronous calls (doc/design.md contract 7): refusals, timeouts, hung callees, retries,
 * parallel calls, and the cascade of a slow callee through its callers' workers, which nothing
 * in the engine scripts.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../index';
import { callee, callScenario } from './callsTestScenarios';

const requests = (sim: Simulation) => sim.summary().requests!['web']!;
const workers = (sim: Simulation, service: string) => sim.snapshot().calls!.services.find((s) => s.service === service)!.instances[0]!;

describe('synchronous calls', () => {
  it('a healthy chain: every order succeeds in three round trips plus the work', () => {
    const sim = createSimulation(callScenario({ targets: ['a', 'b', 'c'] }, [callee('a', 10), callee('b', 10), callee('c', 20)], { latencyMs: 2 }));
    sim.runUntil(30_000);
    const r = requests(sim);
    expect(r.failed + r.timedOut).toBe(0);
    expect(r.succeeded).toBeGreaterThan(100);
    expect(r.attempted - r.succeeded).toBeLessThanOrEqual(1);
    // 3 calls × 2 × 2 ms on the wire + 10 + 10 + 20 ms of work.
    expect(r.latencyMs).toEqual({ p50: 52, p99: 52, max: 52 });
  });

  it('parallel calls: the order takes as long as its slowest call', () => {
    const sim = createSimulation(callScenario({ targets: ['a', 'b', 'c'], mode: 'parallel' }, [callee('a', 10), callee('b', 30), callee('c', 20)]));
    sim.runUntil(20_000);
    expect(requests(sim).latencyMs.max).toBe(32);
    expect(requests(sim).failed).toBe(0);
  });

  it('a crashed callee refuses at once and a restarted one serves again', () => {
    const sim = createSimulation(
      callScenario({ targets: ['a', 'b'] }, [callee('a'), callee('b')], {
        ratePerSec: 10,
        arrival: 'fixed',
        actions: [{ atMs: 10_000, type: 'crash', target: 'b-0' }, { atMs: 20_000, type: 'start', target: 'b-0' }],
      }),
    );
    sim.runUntil(9_990);
    expect(requests(sim).failed).toBe(0);
    sim.runUntil(30_000);
    const r = requests(sim);
    expect(r.failed).toBeGreaterThanOrEqual(99);
    expect(r.failed).toBeLessThanOrEqual(101);
    expect(r.timedOut).toBe(0);
    const failures = sim.events().filter((e) => e.code === 'order.failed');
    expect(failures).toHaveLength(r.failed);
    expect(failures[failures.length - 1]!.atMs).toBeLessThan(20_010);
    expect(failures.at(-1)!.text).toMatch(/^order-\d+ failed: b refused the call \(crashed\)\.$/);
    expect(failures.at(-1)!.fields).toMatchObject({ producer: 'web', service: 'b' });
  });

  it('retries: the client calls again up to retries times before the order fails', () => {
    const sim = createSimulation(
      callScenario({ targets: ['a'], retries: 2 }, [callee('a')], { actions: [{ atMs: 0, type: 'crash', target: 'a-0' }] }),
    );
    sim.runUntil(10_000);
    const r = requests(sim);
    expect(r.failed).toBeGreaterThan(20);
    expect(r.succeeded).toBe(0);
    // Each failed order made three attempts, one explained failure each.
    expect(sim.snapshot().calls!.clients[0]!.retried).toBe(2 * r.failed);
    expect(sim.events().filter((e) => e.code === 'order.failed')).toHaveLength(r.failed);
  });

  it('a hung callee never answers: calls time out, and it serves its queue when it resumes', () => {
    const sim = createSimulation(
      callScenario({ targets: ['a'], timeoutMs: 500 }, [callee('a', 10, 2)], {
        ratePerSec: 10,
        arrival: 'fixed',
        actions: [{ atMs: 5000, type: 'hang', target: 'a-0' }, { atMs: 8000, type: 'resume', target: 'a-0' }],
      }),
    );
    sim.runUntil(7_900);
    expect(requests(sim).timedOut).toBeGreaterThanOrEqual(24);
    expect(requests(sim).failed).toBe(0);
    expect(workers(sim, 'a').queued).toBeGreaterThan(20);
    const events = sim.events().filter((e) => e.code === 'order.timedOut');
    expect(events[0]!.text).toMatch(/^order-\d+ timed out: a did not answer web within 500 ms\.$/);
    sim.runUntil(9_000);
    // It still did the work of the calls its caller gave up on, two at a time: 10 ms each.
    expect(workers(sim, 'a').queued).toBe(0);
    const after = requests(sim);
    sim.runUntil(12_000);
    expect(requests(sim).timedOut).toBe(after.timedOut);
  });

  it('a slow callee with few threads: timeouts, latency p99 at the timeout, and its caller’s workers saturate', () => {
    // b serves one request at a time in 150 ms (6.7/s) while 10 orders a second arrive; every
    // worker of a holds its call to b until b answers or the 1 s timeout passes, so a's four
    // workers are all taken and its own queue grows, though a itself needs only 5 ms an order.
    const sim = createSimulation(callScenario({ targets: ['a', 'b'], timeoutMs: 1000 }, [callee('a', 5, 4), callee('b', 150, 1)], { ratePerSec: 10 }));
    let aSaturated = 0;
    let bBusy = 0;
    let samples = 0;
    for (let t = 10_000; t <= 60_000; t += 500) {
      sim.runUntil(t);
      samples++;
      const a = workers(sim, 'a');
      if (a.busy === 4 && a.queued > 0) aSaturated++;
      if (workers(sim, 'b').busy === 1) bBusy++;
    }
    const r = requests(sim);
    expect(r.timedOut).toBeGreaterThan(r.attempted / 2);
    expect(r.succeeded).toBeGreaterThan(0);
    expect(r.latencyMs.p99!).toBeGreaterThanOrEqual(900);
    expect(r.latencyMs.max!).toBeLessThan(1000);
    expect(aSaturated).toBe(samples);
    expect(bBusy).toBe(samples);
  });

  it('the same slow callee with enough threads keeps every order in time', () => {
    const sim = createSimulation(callScenario({ targets: ['a', 'b'], timeoutMs: 1000 }, [callee('a', 5, 4), callee('b', 150, 4)], { ratePerSec: 10 }));
    sim.runUntil(60_000);
    expect(requests(sim).timedOut).toBe(0);
    expect(requests(sim).latencyMs.p99!).toBeLessThan(1000);
  });

  it('round-robin over instances that are up; a crashed one gets no calls', () => {
    const sim = createSimulation(
      callScenario({ targets: ['a'] }, [callee('a', 10, 4, 3)], { ratePerSec: 20, actions: [{ atMs: 0, type: 'crash', target: 'a-1' }] }),
    );
    sim.runUntil(20_000);
    expect(requests(sim).failed).toBe(0);
    expect(requests(sim).succeeded).toBeGreaterThan(300);
  });

  it('is deterministic and chunking-invariant, and a fork runs the same', () => {
    const scenario = callScenario({ targets: ['a', 'b', 'c'], timeoutMs: 400, retries: 1 }, [callee('a', 5, 2), callee('b', 60, 1, 2), callee('c', 20)], {
      ratePerSec: 25,
      actions: [
        { atMs: 3000, type: 'hang', target: 'b-1' },
        { atMs: 6000, type: 'crash', target: 'c-0' },
        { atMs: 7000, type: 'slow', target: 'a-0', factor: 3 },
        { atMs: 9000, type: 'resume', target: 'b-1' },
        { atMs: 12_000, type: 'start', target: 'c-0' },
        { atMs: 14_000, type: 'scale', service: 'b', instances: 1 },
      ],
    });
    const whole = createSimulation(scenario);
    whole.runUntil(20_000);
    const chunked = createSimulation(scenario);
    for (let t = 0; t <= 20_000; t += 137) chunked.runUntil(t);
    chunked.runUntil(20_000);
    const sliced = createSimulation(scenario);
    while (!sliced.runSteps(20_000, 7));
    const forked = createSimulation(scenario);
    forked.runUntil(8_000);
    const copy = forked.fork();
    copy.runUntil(20_000);
    for (const other of [chunked, sliced, copy]) {
      expect(other.traceHash()).toBe(whole.traceHash());
      expect(other.summary().requests).toEqual(whole.summary().requests);
    }
    const r = requests(whole);
    expect(r.failed + r.timedOut).toBeGreaterThan(0);
    expect(r.succeeded).toBeGreaterThan(0);
  });
});
