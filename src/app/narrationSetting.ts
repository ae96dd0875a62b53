/**
 * How much the screen-reader narration says: nothing, answers to the learner's own actions, or
 * also digests of what the run does. Kept in localStorage for the next visit; storage may be
 * missing, full or disabled, so reading and writing never throw (a failure keeps the default).
 */
export type NarrationSetting = 'off' | 'actions' | 'everything';

export const NARRATION_SETTINGS: readonly { value: NarrationSetting; label: string }[] = [
  { value: 'everything', label: 'Everything' },
  { value: 'actions', label: 'My actions only' },
  { value: 'off', label: 'Off' },
];

const DEFAULT_SETTING: NarrationSetting = 'everything';
const STORAGE_KEY = 'logscope.narration';

/** Where the setting is kept: a getter, since merely reading `window.localStorage` can throw. */
export type StorageSource = () => Pick<Storage, 'getItem' | 'setItem'> | null | undefined;

export function isNarrationSetting(value: unknown): value is NarrationSetting {
  return NARRATION_SETTINGS.some((s) => s.value === value);
}

export function readNarrationSetting(storage: StorageSource): NarrationSetting {
  try {
    const kept = storage()?.getItem(STORAGE_KEY);
    return isNarrationSetting(kept) ? kept : DEFAULT_SETTING;
  } catch {
    return DEFAULT_SETTING;
  }
}

/** Whether the setting was kept. */
export function writeNarrationSetting(storage: StorageSource, setting: NarrationSetting): boolean {
  try {
    const target = storage();
    if (!target) return false;
    target.setItem(STORAGE_KEY, setting);
    return true;
  } catch {
    return false;
  }
}
