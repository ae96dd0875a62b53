// Burrow's own rule table (core/internal/evaluator/caching_test.go), ported row by row.
import { describe, it, expect } from 'vitest';
import { evaluateLagStatus, type LagStatus, type LagWindow } from './evaluateLagStatus';
import { entries, type Row } from './lagWindowFixtures';

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
      // Current Burrow (since v1.3.7): the offsets went backwards but a later commit got back
      // past the old offset (4000 ≥ 3000), so the rewind has recovered and the lag decreased: OK.
      '7: rewind that recovered',
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
      'OK',
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
