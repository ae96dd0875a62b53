/**
 * A service's colour, given the services on screen: the same colour for the same id in every
 * preset, and different from the other services shown (palette.ts, `serviceColours`).
 */
import type { AppState } from '../app/store';
import { serviceColours, type ServiceColour } from './palette';
import { useAppStore, useShallow } from './useAppStore';

const selectServiceIds = (state: AppState) => state.sim.snapshot.groups.map((g) => g.serviceId);

export function useServiceColour(serviceId: string): ServiceColour {
  const ids = useAppStore(useShallow(selectServiceIds));
  return serviceColours(ids)[serviceId] ?? serviceColours([serviceId])[serviceId]!;
}
