// The plain-English explanations of Burrow's verdicts (the badges' tooltips).
import { describe, it, expect } from 'vitest';
import { evaluateLagStatus, explainLagStatus, type LagStatus, type LagWindow } from './evaluateLagStatus';
import { lagWindow } from './lagWindowFixtures';

describe('explainLagStatus', () => {
  it('explains STOP with the silence and the window span', () => {
    const window = lagWindow(
      [
        [100, 0, 10],
        [200, 20_000, 30],
      ],
      { currentLag: 30, nowMs: 65_000 },
    );
    expect(explainLagStatus(window)).toEqual({
      status: 'STOP',
      rule: 'STOP: no offset committed for 45 s, longer than the window spans (20 s), and the consumer was not caught up (current lag 30).',
    });
  });

  it('explains OK from a zero current lag', () => {
    expect(explainLagStatus(lagWindow([[100, 0, 10]], { currentLag: 0 })).rule).toBe(
      'OK: current lag is 0, so the consumer is caught up.',
    );
  });

  it('explains OK within the allowed lag', () => {
    expect(
      explainLagStatus(lagWindow([[100, 0, 10]], { currentLag: 4, allowedLag: 10 })).rule,
    ).toBe('OK: current lag 4 is within the allowed lag of 10.');
  });

  it('explains OK for an empty window', () => {
    expect(explainLagStatus(lagWindow([])).rule).toBe(
      'OK: no offsets committed in the window yet, so there is nothing to evaluate.',
    );
  });

  it('explains OK from a zero lag in the window', () => {
    expect(
      explainLagStatus(
        lagWindow([
          [100, 0, 0],
          [200, 10_000, 50],
        ]),
      ).rule,
    ).toBe('OK: lag was zero at least once in the window, so the consumer is keeping up.');
  });

  it('explains OK from a decreasing lag', () => {
    expect(
      explainLagStatus(
        lagWindow(
          [
            [100, 0, 300],
            [400, 10_000, 120],
          ],
          { currentLag: 120 },
        ),
      ).rule,
    ).toBe(
      'OK: lag is 120 but fell from 300 to 120 within the window, so the consumer is catching up.',
    );
  });

  it('explains why a caught-up consumer that stopped committing is not STOP', () => {
    const window = lagWindow(
      [
        [1000, 0, 0],
        [1002, 20_000, 0],
      ],
      { currentLag: 1, nowMs: 3 * 60_000 + 20_000, brokerOffsets: [1002] },
    );
    expect(explainLagStatus(window)).toEqual({
      status: 'OK',
      rule:
        'OK: lag was zero at least once in the window, so the consumer is keeping up; commits paused for 3 min, ' +
        'but that is not STOP because a recent broker end offset was at or below the last commit (1002), so the consumer was caught up.',
    });
  });

  it('explains REWIND with the backward step', () => {
    expect(
      explainLagStatus(
        lagWindow([
          [300, 0, 100],
          [200, 10_000, 200],
        ]),
      ).rule,
    ).toBe(
      'REWIND: the committed offset went backwards from 300 to 200 and has not come back to 300 since.',
    );
  });

  it('explains STALL with the repeated offset', () => {
    expect(
      explainLagStatus(
        lagWindow(
          [
            [500, 0, 100],
            [500, 10_000, 150],
          ],
          { currentLag: 150 },
        ),
      ).rule,
    ).toBe(
      'STALL: the consumer keeps committing the same offset 500 while lag is 150 and never reached zero in the window.',
    );
  });

  it('explains STALL for a single-entry window', () => {
    expect(
      explainLagStatus(lagWindow([[100, 5_000, 40]], { currentLag: 40, nowMs: 5_000 })).rule,
    ).toBe(
      'STALL: the window holds a single commit (offset 100) with lag 40, so no progress can be seen.',
    );
  });

  it('explains WARN with the lag trend', () => {
    expect(
      explainLagStatus(
        lagWindow([
          [100, 0, 50],
          [200, 10_000, null],
          [300, 20_000, 150],
        ]),
      ).rule,
    ).toBe(
      'WARN: offsets are advancing but lag never decreased in the window (from 50 to 150), so the consumer is falling behind.',
    );
  });

  it('explains WARN when no lag is known', () => {
    expect(
      explainLagStatus(
        lagWindow(
          [
            [100, 0, null],
            [200, 10_000, null],
          ],
          { currentLag: 7 },
        ),
      ).rule,
    ).toBe(
      'WARN: offsets are advancing but no lag was recorded in the window, so it cannot be shown to decrease (current lag 7).',
    );
  });

  it('formats long silences in minutes and hours', () => {
    const minutes = lagWindow(
      [
        [100, 0, 10],
        [200, 1_000, 30],
      ],
      { nowMs: 1_000 + 200_000 },
    );
    expect(explainLagStatus(minutes).rule).toContain('no offset committed for 3 min 20 s');
    const hours = lagWindow(
      [
        [100, 0, 10],
        [200, 500, 30],
      ],
      { nowMs: 500 + 3_900_000 },
    );
    expect(explainLagStatus(hours).rule).toContain(
      'no offset committed for 1 h 5 min, longer than the window spans (500 ms)',
    );
  });

  it('always agrees with evaluateLagStatus and names the status first', () => {
    const windows: LagWindow[] = [
      lagWindow([]),
      lagWindow([[100, 0, 0]], { currentLag: 0 }),
      lagWindow(
        [
          [100, 0, 10],
          [200, 10_000, 30],
        ],
        { nowMs: 60_000 },
      ),
      lagWindow([
        [300, 0, 100],
        [200, 10_000, 200],
      ]),
      lagWindow([
        [500, 0, 100],
        [500, 10_000, 150],
      ]),
      lagWindow([
        [100, 0, 50],
        [200, 10_000, 100],
      ]),
      lagWindow([
        [100, 0, 300],
        [400, 10_000, 120],
      ]),
    ];
    const seen = new Set<LagStatus>();
    for (const window of windows) {
      const explained = explainLagStatus(window);
      expect(explained.status).toBe(evaluateLagStatus(window));
      expect(explained.rule.startsWith(`${explained.status}: `)).toBe(true);
      seen.add(explained.status);
    }
    expect([...seen].sort()).toEqual(['OK', 'REWIND', 'STALL', 'STOP', 'WARN']);
  });
});
