// Tests for Burrow's lag evaluation rules: each rule, their precedence, null lags, edge windows,
// group status ordering and the tooltip explanations. Burrow's own rule table is ported as well.
import { describe, it, expect } from 'vitest';
import {
  LAG_STATUS_SEVERITY,
  evaluateLagStatus,
  explainLagStatus,
  worstLagStatus,
  type LagStatus,
  type LagWindow,
  type LagWindowEntry,
} from './evaluateLagStatus';

type Row = [offset: number, timestampMs: number, lag: number | null];

function entries(rows: Row[]): LagWindowEntry[] {
  return rows.map(([offset, timestampMs, lag]) => ({ offset, timestampMs, lag }));
}

/** A window of commits 10 s apart by default; now is just after the last commit (not stopped). */
function lagWindow(rows: Row[], over: Partial<Omit<LagWindow, 'offsets'>> = {}): LagWindow {
  const offsets = entries(rows);
  const last = offsets[offsets.length - 1];
  return {
    offsets,
    brokerOffsets: [],
    currentLag: 100,
    nowMs: last ? last.timestampMs + 1_000 : 0,
    allowedLag: 0,
    ...over,
  };
}

describe('evaluateLagStatus — each rule', () => {
  it('is OK when the current lag is zero, whatever the window shows', () => {
    const window = lagWindow(
      [
        [100, 0, 50],
        [100, 10_000, 60],
      ],
      { currentLag: 0, nowMs: 1_000_000 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is OK when the lag was zero at some commit in the window', () => {
    const window = lagWindow([
      [100, 0, 0],
      [150, 10_000, 50],
      [200, 20_000, 100],
    ]);
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is OK when offsets advance and the lag decreased somewhere', () => {
    const window = lagWindow([
      [100, 0, 300],
      [200, 10_000, 400],
      [400, 20_000, 250],
    ]);
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is WARN when offsets advance but the lag never decreases', () => {
    const window = lagWindow([
      [100, 0, 50],
      [200, 10_000, 100],
      [300, 20_000, 150],
    ]);
    expect(evaluateLagStatus(window)).toBe('WARN');
  });

  it('is WARN when the lag stays flat (not decreasing is enough)', () => {
    const window = lagWindow([
      [100, 0, 80],
      [200, 10_000, 80],
      [300, 20_000, 80],
    ]);
    expect(evaluateLagStatus(window)).toBe('WARN');
  });

  it('is STALL when the consumer keeps committing the same offset with lag', () => {
    const window = lagWindow([
      [500, 0, 100],
      [500, 10_000, 150],
      [500, 20_000, 200],
    ]);
    expect(evaluateLagStatus(window)).toBe('STALL');
  });

  it('is STOP when the time since the last commit exceeds the window span', () => {
    // span 20 s, last commit 20.001 s ago
    const window = lagWindow(
      [
        [100, 0, 0],
        [200, 10_000, 50],
        [300, 20_000, 100],
      ],
      { nowMs: 40_001 },
    );
    expect(evaluateLagStatus(window)).toBe('STOP');
  });

  it('is not STOP when the time since the last commit only equals the window span', () => {
    const window = lagWindow(
      [
        [100, 0, 0],
        [200, 10_000, 50],
        [300, 20_000, 100],
      ],
      { nowMs: 40_000 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is REWIND when the committed offset goes backwards', () => {
    const window = lagWindow([
      [300, 0, 100],
      [200, 10_000, 200],
      [250, 20_000, 150],
    ]);
    expect(evaluateLagStatus(window)).toBe('REWIND');
  });

  it('returns OK for an empty window (Burrow evaluates nothing without offsets)', () => {
    expect(evaluateLagStatus(lagWindow([], { currentLag: 1_000, nowMs: 99_999 }))).toBe('OK');
  });
});

describe('evaluateLagStatus — precedence', () => {
  it('STOP wins over REWIND, STALL and WARN', () => {
    const rewinding = [
      [300, 0, 100],
      [200, 10_000, 200],
    ] as Row[];
    expect(evaluateLagStatus(lagWindow(rewinding))).toBe('REWIND');
    expect(evaluateLagStatus(lagWindow(rewinding, { nowMs: 30_000 }))).toBe('STOP');
  });

  it('STOP fires even when the lag was zero earlier in the window (Burrow #290)', () => {
    const window = lagWindow(
      [
        [100, 0, 0],
        [100, 10_000, 0],
      ],
      { currentLag: 5, nowMs: 30_000 },
    );
    expect(evaluateLagStatus(window)).toBe('STOP');
  });

  it('REWIND wins over a decreasing lag and over WARN', () => {
    const window = lagWindow([
      [100, 0, 100],
      [300, 10_000, 150],
      [200, 20_000, 400],
      [400, 30_000, 300],
    ]);
    expect(evaluateLagStatus(window)).toBe('REWIND');
  });

  it('STALL wins over WARN (lag rising while the offset stands still)', () => {
    const window = lagWindow([
      [100, 0, 10],
      [100, 10_000, 20],
      [100, 20_000, 30],
    ]);
    expect(evaluateLagStatus(window)).toBe('STALL');
  });

  it('a zero lag in the window suppresses REWIND, STALL and WARN', () => {
    expect(
      evaluateLagStatus(
        lagWindow([
          [300, 0, 0],
          [200, 10_000, 100],
        ]),
      ),
    ).toBe('OK');
    expect(
      evaluateLagStatus(
        lagWindow([
          [300, 0, 0],
          [300, 10_000, 100],
        ]),
      ),
    ).toBe('OK');
    expect(
      evaluateLagStatus(
        lagWindow([
          [300, 0, 0],
          [400, 10_000, 100],
        ]),
      ),
    ).toBe('OK');
  });

  it('the current-lag gate comes before everything, STOP included', () => {
    const window = lagWindow(
      [
        [300, 0, 100],
        [200, 10_000, 200],
      ],
      { currentLag: 0, nowMs: 1e9 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
  });
});

describe('evaluateLagStatus — allowedLag', () => {
  const stalled: Row[] = [
    [500, 0, 5],
    [500, 10_000, 5],
  ];

  it('is OK when the current lag is at or below the allowed lag', () => {
    expect(evaluateLagStatus(lagWindow(stalled, { currentLag: 5, allowedLag: 5 }))).toBe('OK');
  });

  it('evaluates the rules once the current lag exceeds the allowed lag', () => {
    expect(evaluateLagStatus(lagWindow(stalled, { currentLag: 6, allowedLag: 5 }))).toBe('STALL');
  });

  it('treats a negative or NaN allowed lag as zero, like Burrow', () => {
    expect(evaluateLagStatus(lagWindow(stalled, { currentLag: 0, allowedLag: -1 }))).toBe('OK');
    expect(evaluateLagStatus(lagWindow(stalled, { currentLag: 1, allowedLag: Number.NaN }))).toBe(
      'STALL',
    );
  });
});

describe('evaluateLagStatus — null lags', () => {
  it('does not count a null lag as zero', () => {
    const window = lagWindow([
      [500, 0, null],
      [500, 10_000, null],
    ]);
    expect(evaluateLagStatus(window)).toBe('STALL');
  });

  it('skips null lags when looking for a decrease', () => {
    expect(
      evaluateLagStatus(
        lagWindow([
          [100, 0, 200],
          [200, 10_000, null],
          [300, 20_000, 150],
        ]),
      ),
    ).toBe('OK');
    expect(
      evaluateLagStatus(
        lagWindow([
          [100, 0, 200],
          [200, 10_000, null],
          [300, 20_000, 250],
        ]),
      ),
    ).toBe('WARN');
  });

  it('is WARN when offsets advance and every lag is unknown', () => {
    expect(
      evaluateLagStatus(
        lagWindow([
          [100, 0, null],
          [200, 10_000, null],
        ]),
      ),
    ).toBe('WARN');
  });

  it('still finds a zero lag among null lags', () => {
    const window = lagWindow([
      [100, 0, null],
      [50, 10_000, 0],
      [60, 20_000, null],
    ]);
    expect(evaluateLagStatus(window)).toBe('OK');
  });
});

describe('evaluateLagStatus — caught-up consumer that stopped committing', () => {
  const rows: Row[] = [
    [1000, 0, 0],
    [1001, 10_000, 0],
    [1002, 20_000, 0],
  ];

  it('is OK, not STOP, when a recent broker offset is at or below the last commit', () => {
    const window = lagWindow(rows, {
      currentLag: 1,
      nowMs: 60_000,
      brokerOffsets: [1003, 1002, 1002],
    });
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is STOP once every recent broker offset is past the last commit', () => {
    const window = lagWindow(rows, {
      currentLag: 20,
      nowMs: 60_000,
      brokerOffsets: [1022, 1010, 1003],
    });
    expect(evaluateLagStatus(window)).toBe('STOP');
  });

  it('is STOP when there are no broker offsets to prove it was caught up', () => {
    expect(evaluateLagStatus(lagWindow(rows, { currentLag: 1, nowMs: 60_000 }))).toBe('STOP');
  });

  it('still applies the remaining rules when excused from STOP', () => {
    const window = lagWindow(
      [
        [1000, 0, 5],
        [1000, 10_000, 5],
      ],
      { currentLag: 1, nowMs: 60_000, brokerOffsets: [1000] },
    );
    expect(evaluateLagStatus(window)).toBe('STALL');
  });
});

describe('evaluateLagStatus — a rewind that recovered', () => {
  it('is OK once the consumer caught up after the rewind (zero lag in the window)', () => {
    const window = lagWindow(
      [
        [300, 0, 50],
        [100, 10_000, 250],
        [350, 20_000, 0],
        [400, 30_000, 20],
      ],
      { currentLag: 20 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is not REWIND once the backward step has left the window', () => {
    const window = lagWindow(
      [
        [100, 10_000, 250],
        [200, 20_000, 200],
        [300, 30_000, 120],
      ],
      { currentLag: 120 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
  });

  it('is still REWIND while the backward step is in the window and lag never hit zero, even past the old offset', () => {
    const window = lagWindow(
      [
        [300, 0, 50],
        [100, 10_000, 250],
        [350, 20_000, 30],
        [400, 30_000, 20],
      ],
      { currentLag: 20 },
    );
    expect(evaluateLagStatus(window)).toBe('REWIND');
  });
});

describe('evaluateLagStatus — single-entry window', () => {
  it('is STALL when evaluated at the commit instant with lag (no progress visible, span 0)', () => {
    expect(evaluateLagStatus(lagWindow([[100, 5_000, 40]], { nowMs: 5_000 }))).toBe('STALL');
  });

  it('is STOP as soon as any time passes without another commit (span 0)', () => {
    expect(evaluateLagStatus(lagWindow([[100, 5_000, 40]], { nowMs: 5_001 }))).toBe('STOP');
  });

  it('is OK when its lag was zero and the broker shows it caught up', () => {
    const window = lagWindow([[100, 5_000, 0]], {
      currentLag: 3,
      nowMs: 50_000,
      brokerOffsets: [100],
    });
    expect(evaluateLagStatus(window)).toBe('OK');
  });
});

describe('evaluateLagStatus — Burrow caching_test.go rule table', () => {
  // Burrow's timestamps are ms and its timeNow is seconds; nowMs = timeNow * 1000.
  const burrowTimestamps = [
    618356, 619362, 620366, 621367, 622370, 623373, 624378, 625379, 626383, 627383, 628383, 629388,
    630391, 631394, 632397,
  ];
  const burrowRun: Row[] = burrowTimestamps.map((ts, i) => [792748079 + i, 1512224000000 + ts, 0]);
  const cases: Array<[string, Row[], number[], number, number, LagStatus]> = [
    [
      '0: zero lag somewhere',
      [
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ],
      [5200],
      200,
      600,
      'OK',
    ],
    [
      '1: stop needs strictly greater',
      [
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ],
      [5200],
      200,
      900,
      'OK',
    ],
    [
      '2: stop despite early zero lag',
      [
        [1000, 100000, 0],
        [2000, 200000, 50],
        [3000, 300000, 100],
        [4000, 400000, 150],
        [5000, 500000, 200],
      ],
      [5200],
      200,
      1000,
      'STOP',
    ],
    [
      '3: stop with lag always non-zero',
      [
        [1000, 100000, 50],
        [2000, 200000, 100],
        [3000, 300000, 150],
        [4000, 400000, 200],
        [5000, 500000, 250],
      ],
      [5250],
      250,
      1000,
      'STOP',
    ],
    [
      '4: stalled but zero lag once',
      [
        [1000, 100000, 0],
        [1000, 200000, 50],
        [1000, 300000, 100],
        [1000, 400000, 150],
        [1000, 500000, 200],
      ],
      [1200],
      200,
      600,
      'OK',
    ],
    [
      '5: stall',
      [
        [1000, 100000, 100],
        [1000, 200000, 150],
        [1000, 300000, 200],
        [1000, 400000, 250],
        [1000, 500000, 300],
      ],
      [1300],
      300,
      600,
      'STALL',
    ],
    [
      '6: stall with flat lag',
      [
        [1000, 100000, 100],
        [1000, 200000, 100],
        [1000, 300000, 100],
        [1000, 400000, 100],
        [1000, 500000, 100],
      ],
      [1100],
      100,
      600,
      'STALL',
    ],
    [
      '7: rewind',
      [
        [1000, 100000, 100],
        [2000, 200000, 150],
        [3000, 300000, 200],
        [2000, 400000, 1250],
        [4000, 500000, 300],
      ],
      [4300],
      300,
      600,
      'REWIND',
    ],
    [
      '8: current lag zero',
      [
        [1000, 100000, 50],
        [2000, 200000, 100],
        [3000, 300000, 150],
        [4000, 400000, 200],
        [5000, 500000, 250],
      ],
      [5250],
      0,
      1000,
      'OK',
    ],
    [
      '9: stop with new data (#290)',
      burrowRun,
      [792749024, 792749000, 792748800, 792748600, 792748500],
      931,
      1512224650,
      'STOP',
    ],
    [
      '10: recent broker zero lag (#303)',
      burrowRun,
      [792748094, 792748093, 792748093, 792748093],
      1,
      1512224650,
      'OK',
    ],
    [
      '11: nil lags do not matter',
      [
        [1000, 100000, 0],
        [1500, 150000, null],
        [2000, 200000, 50],
        [2500, 250000, null],
        [3000, 300000, 100],
        [3500, 350000, null],
        [4000, 400000, 150],
        [4500, 450000, null],
        [5000, 500000, 200],
        [5500, 550000, null],
      ],
      [5700],
      200,
      600,
      'OK',
    ],
  ];

  it.each(cases)('test %s', (_name, rows, brokerOffsets, currentLag, timeNow, expected) => {
    const window: LagWindow = {
      offsets: entries(rows),
      brokerOffsets,
      currentLag,
      nowMs: timeNow * 1000,
      allowedLag: 0,
    };
    expect(evaluateLagStatus(window)).toBe(expected);
  });
});

describe('evaluateLagStatus — purity', () => {
  it('does not modify its input and gives the same answer twice', () => {
    const window = lagWindow(
      [
        [300, 0, 100],
        [200, 10_000, 200],
      ],
      { brokerOffsets: [500] },
    );
    const before = JSON.stringify(window);
    const first = evaluateLagStatus(window);
    expect(evaluateLagStatus(window)).toBe(first);
    explainLagStatus(window);
    expect(JSON.stringify(window)).toBe(before);
  });
});

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
      'REWIND: the committed offset went backwards from 300 to 200 while lag never reached zero in the window.',
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
