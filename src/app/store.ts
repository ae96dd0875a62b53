/**
 * The one vanilla zustand store, in typed slices. It references engine output (a read-only
 * snapshot swapped per frame); it never owns or edits the simulation itself. Actions live in
 * `runController.ts` and are plain functions, callable from the frame loop, URL sync, the
 * test API and views alike.
 */
import { createStore } from 'zustand/vanilla';
import type { Scenario, SimSnapshot, TimedCommand } from '../engine';

export interface PlaybackSlice {
  playing: boolean;
  /** Virtual milliseconds per wall millisecond, 0.1 to 100. */
  speed: number;
}

export interface RunSlice {
  scenario: Scenario;
  presetId: string | null;
  /** Interventions made in this run, in order, each stamped with its virtual time. */
  interventions: TimedCommand[];
}

export interface SimSlice {
  snapshot: SimSnapshot;
  traceHash: string;
}

export interface UiMessage {
  kind: 'error' | 'info';
  text: string;
}

/**
 * The selected entity, as a string id: `instance:email-0`, `group:email`, `topic:orders`,
 * `partition:orders-1`, `record:orders-1@42`, `producer:checkout`.
 */
export type Selection = string | null;

/** View settings that travel in share links: a flat record of primitive values. */
export type ViewSettings = Record<string, string | number | boolean>;

export interface UiSlice {
  message: UiMessage | null;
  selection: Selection;
  view: ViewSettings;
}

export interface AppState {
  playback: PlaybackSlice;
  run: RunSlice;
  sim: SimSlice;
  ui: UiSlice;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(initial: AppState) {
  return createStore<AppState>()(() => initial);
}
