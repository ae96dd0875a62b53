// Group status: the worst partition, by Burrow's severity order.
import { describe, it, expect } from 'vitest';
import { burrowGroupStatus, LAG_STATUS_SEVERITY, worstLagStatus, type LagStatus } from './evaluateLagStatus';

describe('worstLagStatus and LAG_STATUS_SEVERITY', () => {
  it("uses Burrow's StatusConstant values", () => {
    expect(LAG_STATUS_SEVERITY).toEqual({ OK: 1, WARN: 2, STOP: 4, STALL: 5, REWIND: 6 });
  });

  it('orders OK < WARN < STOP < STALL < REWIND', () => {
    const ordered: LagStatus[] = ['OK', 'WARN', 'STOP', 'STALL', 'REWIND'];
    for (let i = 1; i < ordered.length; i++) {
      expect(LAG_STATUS_SEVERITY[ordered[i]!]).toBeGreaterThan(
        LAG_STATUS_SEVERITY[ordered[i - 1]!],
      );
    }
  });

  it('returns OK for an empty list', () => {
    expect(worstLagStatus([])).toBe('OK');
  });

  it('returns the worst partition status regardless of order', () => {
    expect(worstLagStatus(['OK', 'WARN', 'OK'])).toBe('WARN');
    expect(worstLagStatus(['STALL', 'STOP', 'WARN'])).toBe('STALL');
    expect(worstLagStatus(['STOP', 'WARN'])).toBe('STOP');
    expect(worstLagStatus(['REWIND', 'STALL', 'STOP'])).toBe('REWIND');
    expect(worstLagStatus(['WARN', 'REWIND', 'OK'])).toBe('REWIND');
  });
});

describe("Burrow's group status", () => {
  it('is ERR for any STOP, STALL or REWIND partition, else WARN for any WARN, else OK (evaluateConsumerStatus)', () => {
    expect(burrowGroupStatus([])).toBe('OK');
    expect(burrowGroupStatus(['OK', 'OK'])).toBe('OK');
    expect(burrowGroupStatus(['OK', 'WARN'])).toBe('WARN');
    for (const bad of ['STOP', 'STALL', 'REWIND'] as const) expect(burrowGroupStatus(['WARN', bad, 'OK'])).toBe('ERR');
  });
});
