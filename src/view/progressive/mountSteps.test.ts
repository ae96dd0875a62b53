import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pendingMountSteps, queueMountStep } from './mountSteps';

describe('mount steps', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs one step per task, in order, each after the page could paint, skipping cancelled ones', async () => {
    const ran: string[] = [];
    queueMountStep(() => ran.push('topics'));
    const cancel = queueMountStep(() => ran.push('cancelled'));
    queueMountStep(() => ran.push('cards'));
    cancel();
    expect(ran).toEqual([]);
    expect(pendingMountSteps()).toBe(2);
    // Without frames (Node, a hidden tab) a step waits 100 ms and then a task of its own.
    await vi.advanceTimersByTimeAsync(99);
    expect(ran).toEqual([]);
    await vi.advanceTimersByTimeAsync(2);
    expect(ran).toEqual(['topics']);
    await vi.advanceTimersByTimeAsync(101);
    expect(ran).toEqual(['topics', 'cards']);
    expect(pendingMountSteps()).toBe(0);
  });

  it('takes a step queued by a step after the ones already waiting', async () => {
    const ran: string[] = [];
    queueMountStep(() => {
      ran.push('a1');
      queueMountStep(() => ran.push('a2'));
    });
    queueMountStep(() => ran.push('b1'));
    await vi.runAllTimersAsync();
    expect(ran).toEqual(['a1', 'b1', 'a2']);
  });
});
