/**
 * Read-only queries the insight views make of the live simulation: lag history, Burrow's
 * explanations, the consistency probe, disagreement samples and guarantee incidents. Views call
 * them while rendering for the current playhead (they re-render when the snapshot changes), so
 * nothing large is copied into the store every frame.
 */
import type { DisagreementSample, GroupHealth, GroupLagSample, Incident, LagStatus, ProbeAnswer } from '../engine';
import { currentSimulation } from './runController';

export function lagHistory(groupId: string): readonly GroupLagSample[] {
  return currentSimulation().lagHistory(groupId);
}

export function lagExplanation(serviceId: string): Record<string, { status: LagStatus; rule: string }> {
  return currentSimulation().lagExplanation(serviceId);
}

export function disagreementHistory(): readonly DisagreementSample[] {
  return currentSimulation().disagreementHistory();
}

export function probe(entity: string): ProbeAnswer | null {
  return currentSimulation().probe(entity.trim());
}

export function incidents(serviceId: string): readonly Incident[] {
  return currentSimulation().incidents(serviceId);
}

/** A service's Burrow status, staleness and largest consistency window, computed now. */
export function groupHealth(serviceId: string): GroupHealth | null {
  return currentSimulation().health(serviceId);
}

export function recentFacts(count: number): ProbeAnswer[] {
  return currentSimulation().recentFacts(count);
}
