/**
 * A service's colour, given the services on screen: the same colour for the same id in every
 * preset, and different from the other services shown (palette.ts, `serviceColours`).
 */
import type { AppState } from '../app/store';
import { serviceColours, type ServiceColour } from './palette';
import { useAppStore, useShallow } from './useAppStore';

const selectServiceIds = (state: AppState) => state.sim.snapshot.groups.map((g) => g.serviceId);

/**
 * Colours by the services shown, remembered: every lane row, card and node asks (at the limits
 * 16 services × a few hundred rows), and working them out again each time was 2–5 % of opening
 * such a run. A few sets are kept: two runs side by side ask with two.
 */
const remembered = new Map<string, Record<string, ServiceColour>>();
const REMEMBERED_SETS = 8;

export function coloursOf(ids: readonly string[]): Record<string, ServiceColour> {
  const key = ids.join('\u0000');
  let colours = remembered.get(key);
  if (!colours) {
    colours = serviceColours(ids);
    if (remembered.size >= REMEMBERED_SETS) remembered.delete(remembered.keys().next().value!);
    remembered.set(key, colours);
  }
  return colours;
}

export function useServiceColour(serviceId: string): ServiceColour {
  const ids = useAppStore(useShallow(selectServiceIds));
  return coloursOf(ids)[serviceId] ?? coloursOf([serviceId])[serviceId]!;
}
