// Tests for Burrow's lag evaluation rules: each rule, their precedence, null lags and edge
// windows. Burrow's own rule table, the group status and the explanations have files of their own.
import { describe, it, expect } from 'vitest';
import { evaluateLagStatus, explainLagStatus } from './evaluateLagStatus';

import { lagWindow, type Row } from './lagWindowFixtures';

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

  it('REWIND wins over a decreasing lag and over WARN while the consumer has not got back', () => {
    const window = lagWindow([
      [100, 0, 100],
      [300, 10_000, 150],
      [200, 20_000, 400],
      [250, 30_000, 300],
    ]);
    expect(evaluateLagStatus(window)).toBe('REWIND');
    // Once a commit reaches 300 again the rewind has recovered and the lag rules decide.
    expect(evaluateLagStatus(lagWindow([[100, 0, 100], [300, 10_000, 150], [200, 20_000, 400], [400, 30_000, 300]]))).toBe('OK');
  });

  it('STALL wins over WARN (lag rising while the offset stands still)', () => {
    const window = lagWindow([
      [100, 0, 10],
      [100, 10_000, 20],
      [100, 20_000, 30],
    ]);
    expect(evaluateLagStatus(window)).toBe('STALL');
  });

  it('a zero lag in the window suppresses STALL and WARN, but not a rewind the consumer has not recovered from', () => {
    // Current Burrow checks REWIND before the zero-lag rule: a consumer caught up, then rewound
    // to an older offset, is REWIND even though its lag was zero earlier in the window.
    expect(
      evaluateLagStatus(
        lagWindow([
          [300, 0, 0],
          [200, 10_000, 100],
        ]),
      ),
    ).toBe('REWIND');
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
    // Commits whose lag is within the allowed lag count as caught up (Burrow's isLagAlwaysNotZero).
    expect(evaluateLagStatus(lagWindow(stalled, { currentLag: 6, allowedLag: 5 }))).toBe('OK');
    const stalledOver: Row[] = [
      [500, 0, 6],
      [500, 10_000, 6],
    ];
    expect(evaluateLagStatus(lagWindow(stalledOver, { currentLag: 6, allowedLag: 5 }))).toBe('STALL');
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
      [40, 0, null],
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

  it('is not REWIND once a later commit got back past the offset before the step (checkIfRewindRecovered)', () => {
    const window = lagWindow(
      [
        [300, 0, 50],
        [100, 10_000, 250],
        [350, 20_000, 30],
        [400, 30_000, 20],
      ],
      { currentLag: 20 },
    );
    expect(evaluateLagStatus(window)).toBe('OK');
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
