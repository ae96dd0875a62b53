import { describe, expect, it } from 'vitest';
import { drawnText, textWidth } from './textWidth';

describe('text width', () => {
  it('measures what an SVG text draws: white space collapsed, none at the ends', () => {
    expect(drawnText("inventory's stock ")).toBe("inventory's stock");
    expect(drawnText('  3  behind\n · 2 dup ')).toBe('3 behind · 2 dup');
  });

  it('says it cannot measure where there is no canvas (the caller measures the element)', () => {
    expect(textWidth({} as Element, 'orders')).toBeNull();
  });
});
