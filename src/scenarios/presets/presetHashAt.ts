/** Virtual time at which every preset's trace hash is recorded (presetHashes.json). */
export const PRESET_HASH_AT_MS = 180_000;
