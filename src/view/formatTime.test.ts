import { describe, expect, it } from 'vitest';
import { formatSimTime } from './formatTime';

describe('formatSimTime', () => {
  it('shows minutes, seconds and milliseconds', () => {
    expect(formatSimTime(0)).toBe('0:00.000');
    expect(formatSimTime(65_250)).toBe('1:05.250');
    expect(formatSimTime(3_600_000)).toBe('60:00.000');
  });
});
