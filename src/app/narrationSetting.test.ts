import { describe, expect, it } from 'vitest';
import { readNarrationSetting, writeNarrationSetting } from './narrationSetting';

const memory = () => {
  const kept = new Map<string, string>();
  return {
    getItem: (k: string) => kept.get(k) ?? null,
    setItem: (k: string, v: string) => void kept.set(k, v),
  };
};
const broken = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('the narration setting', () => {
  it('is "everything" until chosen, then kept', () => {
    const storage = memory();
    expect(readNarrationSetting(() => storage)).toBe('everything');
    expect(writeNarrationSetting(() => storage, 'actions')).toBe(true);
    expect(readNarrationSetting(() => storage)).toBe('actions');
  });

  it('never throws: missing, disabled or full storage and unknown values keep the default', () => {
    expect(readNarrationSetting(() => null)).toBe('everything');
    expect(readNarrationSetting(() => broken)).toBe('everything');
    expect(
      readNarrationSetting(() => {
        throw new Error('localStorage is not available');
      }),
    ).toBe('everything');
    expect(writeNarrationSetting(() => broken, 'off')).toBe(false);
    expect(writeNarrationSetting(() => undefined, 'off')).toBe(false);
    const storage = memory();
    storage.setItem('logscope.narration', 'loud');
    expect(readNarrationSetting(() => storage)).toBe('everything');
  });
});
