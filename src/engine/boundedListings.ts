/**
 * Read models list one entry per entity (a receipt per order, a charge per order), so their
 * summary grows with the run: about 2.9 MB per hour of the checkout story under Kafka's default
 * retention. The summary keeps each listing to its newest `cap` entities and says how many it
 * left out (`<listing>Omitted`); `summary({ fullReadModels: true })` and the CLI's
 * `--full-read-models` give everything.
 */

/** Entities listed per read-model listing in a summary unless the full data is asked for. */
export const SUMMARY_LISTING_CAP = 1_000;

/**
 * `model` with every listing (a plain object of more than `cap` entries, one level down) cut
 * to its last `cap` entries, in their order, plus `<name>Omitted`: the number left out.
 */
export function boundListings(model: unknown, cap = SUMMARY_LISTING_CAP): unknown {
  if (!isPlainObject(model)) return model;
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(model)) {
    if (!isPlainObject(value)) {
      out[name] = value;
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length <= cap) {
      out[name] = value;
      continue;
    }
    const kept: Record<string, unknown> = {};
    for (const key of keys.slice(keys.length - cap)) kept[key] = value[key];
    out[name] = kept;
    out[`${name}Omitted`] = keys.length - cap;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
