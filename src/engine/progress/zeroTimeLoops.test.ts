import { describe, expect, it } from 'vitest';
import { findZeroTimeLoop, recordDurationMs } from './zeroTimeLoops';

const billing = (id: string, from: string, to: string, recordMs: number) => ({ id, subscribe: [from], emitTo: to, handler: 'chargePayment', recordMs });

describe('findZeroTimeLoop', () => {
  it('finds a service that reads and writes the same topic at zero time', () => {
    expect(findZeroTimeLoop([billing('b', 'orders', 'orders', 0)])).toEqual(['b']);
  });

  it('finds a loop through two topics, in the order records flow', () => {
    expect(findZeroTimeLoop([billing('a', 'orders', 'payments', 0), billing('b', 'payments', 'orders', 0)])).toEqual(['a', 'b']);
  });

  it('ignores loops in which any hop takes time, handlers that never emit and open chains', () => {
    expect(findZeroTimeLoop([billing('a', 'orders', 'payments', 0), billing('b', 'payments', 'orders', 1)])).toBeNull();
    expect(findZeroTimeLoop([{ id: 'n', subscribe: ['orders'], emitTo: 'orders', handler: 'noop', recordMs: 0 }])).toBeNull();
    expect(findZeroTimeLoop([billing('a', 'orders', 'payments', 0), billing('b', 'payments', 'refunds', 0)])).toBeNull();
  });

  it('rounds a record duration as the engine does', () => {
    expect(recordDurationMs(10, 0.01)).toBe(0);
    expect(recordDurationMs(10, 0.05)).toBe(1);
    expect(recordDurationMs(undefined)).toBe(10);
  });
});
