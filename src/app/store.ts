/**
 * A lab's vanilla zustand store, in typed slices. It references engine output (a read-only
 * snapshot swapped per frame); it never owns or edits the simulation itself. Actions live in
 * `lab.ts` (one lab per store) and are plain functions, callable from the frame loop, URL sync, the
 * test API and views alike.
 */
import { createStore } from 'zustand/vanilla';
import type { Command, Note, Scenario, SimEvent, SimSnapshot, TimedCommand } from '../engine';
import type { ExplainOutcome } from '../lessons/explainOutcome';
import type { Lesson, Prediction } from '../lessons/lessonTypes';
import type { SimQueries } from './simQueries';

export interface PlaybackSlice {
  playing: boolean;
  /** Virtual milliseconds per wall millisecond, 0.1 to 100. */
  speed: number;
  /** Slow motion (slowMotion.ts) runs until this virtual time; -1 when it is not running. */
  slowUntilMs: number;
}

export interface RunSlice {
  scenario: Scenario;
  presetId: string | null;
  /**
   * Interventions made in this run, in order, each stamped with its virtual time. The live
   * run's own list, replaced (never mutated) on change: views and link sync compare it by
   * identity every frame.
   */
  interventions: readonly TimedCommand[];
}

export interface SimSlice {
  snapshot: SimSnapshot;
  traceHash: string;
  /**
   * The explanations emitted so far (bounded by the engine), as a fresh array whenever one was
   * added; the event log filters these.
   */
  events: readonly SimEvent[];
  /** What the snapshot does not carry (lag history, health, the probe…), for this moment. */
  queries: SimQueries;
  /** The scenario note captioning this moment (its claim, if any, holds), or null. */
  caption: Note | null;
  /**
   * How the views draw this moment: `now`, in the task of the publish (every publish but one);
   * `inBackground`, as React draws a deferred value (src/view/drawnValue.ts): the views keep
   * the moment before until React has rendered this one in slices that yield to the page. Long
   * work publishes its end so when publishing was too dear for the views to follow it.
   */
  drawing: Drawing;
}

export type Drawing = 'now' | 'inBackground';

export interface UiMessage {
  kind: 'error' | 'info';
  text: string;
}

/** A rebalance seen by this run, for the timeline's markers. */
export interface RebalanceMark {
  atMs: number;
  groupId: string;
  generation: number;
}

/** An intervention placed before later ones, waiting for the user to confirm the fork. */
export interface ForkPrompt {
  /** The command(s) to apply together (a walkthrough step may stop several instances). */
  commands: Command[];
  atMs: number;
  /** The later interventions that confirming drops. */
  dropped: TimedCommand[];
}

/** What "Undo" after a fork restores. */
export interface ForkUndo {
  interventions: TimedCommand[];
  playheadMs: number;
  reachedMs: number;
  rebalances: RebalanceMark[];
  droppedCount: number;
}

/**
 * Long work in progress (opening a link far ahead, a far seek): done in slices so the page
 * keeps answering, shown with its progress and a Cancel button.
 */
export interface LongWork {
  /** What is being done, e.g. "Seeking to 0:14.7". */
  label: string;
  fromMs: number;
  targetMs: number;
  /** Virtual time reached so far. */
  reachedMs: number;
  /** Cancel was pressed: the run stops at the next whole moment. */
  cancelling: boolean;
}

/** The lab's own state: how far the run got, its markers, and the fork prompt and undo. */
export interface LabSlice {
  /** The furthest virtual time this run has reached (the scrubber's extent). */
  reachedMs: number;
  /** The latest virtual time this run may reach (the work budget's end, at most 24 h). */
  endMs: number;
  /** Long work in progress, or null. */
  work: LongWork | null;
  rebalances: RebalanceMark[];
  forkPrompt: ForkPrompt | null;
  undo: ForkUndo | null;
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
  /** The run an applied scenario edit replaced, offered back (undo of the last apply). */
  editUndo: EditUndo | null;
}

/** What an applied scenario edit replaced (scenarioEditing.ts). */
export interface EditUndo {
  scenario: Scenario;
  interventions: TimedCommand[];
  playheadMs: number;
  presetId: string | null;
  /** Where the edited run opened. */
  appliedAtMs: number;
}

/** The lesson being followed (lessonSession.ts), or null outside lesson mode. */
export interface LessonSlice {
  lesson: Lesson;
  /** Opened from LogScope's catalogue (a link can name it), not from a lesson file. */
  fromCatalogue: boolean;
  /** The current step, from 0. */
  step: number;
  /** Locked-in answers, by predict step id. */
  predictions: Readonly<Record<string, Prediction>>;
  /** The step's wait or check holds: Continue is enabled (predict: an answer is locked in). */
  satisfied: boolean;
  /** Virtual time since the step began (an observe step's hint shows after a while). */
  elapsedMs: number;
  /** "Do it for me" was used on this act step. */
  doItUsed: boolean;
  /** An explain step's prediction beside the measured outcome. */
  explain: ExplainOutcome | null;
  /** The last step (free exploration) is reached, so every check has passed. */
  done: boolean;
  /** An observe step has waited long enough (virtual time) for its hint to show. */
  hintShown: boolean;
  /** The next lesson of the plan, offered at the end (null after the last). */
  next: { id: string; title: string } | null;
}

export interface AppState {
  playback: PlaybackSlice;
  run: RunSlice;
  sim: SimSlice;
  ui: UiSlice;
  lab: LabSlice;
  lesson: LessonSlice | null;
}

export type AppStore = ReturnType<typeof createAppStore>;

export function createAppStore(initial: AppState) {
  return createStore<AppState>()(() => initial);
}

/** The virtual clock: what every view that follows time subscribes to. */
export const selectNowMs = (state: AppState) => state.sim.snapshot.nowMs;

/** The read path for lag history, health, incidents and record details (simQueries.ts). */
export const selectQueries = (state: AppState) => state.sim.queries;
