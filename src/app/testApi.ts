/**
 * `window.__logscope`, present in every build (doc/design.md, contract 5): tests use it, and
 * teachers can script the lab from the console. None of its calls starts playback.
 */
import type { Command, Summary } from '../engine';
import { DECODERS_MISSING, loadDecoders, type Decoders } from './loadDecoders';
import { nextTask } from './nextTask';
import { openInTasks } from './openInTasks';
import type { Lab } from './lab';
import { resolveLessonLink } from '../lessons/lessonLink';
import type { StepKind } from '../lessons/lessonTypes';
import { narrationFeedOf } from './narrationFeed';
import type { ComparisonHost } from './comparisonHost';
import type { InterventionTarget } from './comparison';

export interface LogScopeApi {
  load(scenario: unknown): Promise<{ ok: boolean; error?: string; warnings?: string[] }>;
  advance(ms: number): Promise<void>;
  seek(ms: number): Promise<void>;
  /** In a comparison, `run` says which: "a" (default), "b" or "both". */
  /** Async since the parsers load on demand (loadDecoders.ts); `page.evaluate` awaits it. */
  apply(command: unknown, run?: unknown): Promise<{ ok: boolean; error?: string }>;
  play(): void;
  pause(): void;
  summary(): Summary;
  traceHash(): string;
  now(): number;
  /** Seeking's checkpoints: how many, on what grid, at which virtual times (diagnostics). */
  checkpoints(): { count: number; intervalMs: number; timesMs: number[] };
  /** The lesson being followed (contract 7), or null outside lesson mode. */
  lesson(): LessonStatus | null;
  /** Opens a lesson by id, paused at a step (1-based, default 1); a bad id or step is refused. */
  openLesson(id: unknown, step?: unknown): Promise<{ ok: boolean; error?: string }>;
  /** The screen-reader narration's messages sent so far (the latest 200), oldest first. */
  narration(): string[];
  /** Contract 7: both runs' summaries `[a, b]` in a comparison, else `[summary()]`. */
  summaries(): Summary[];
  /** The open comparison (its preset id, title, run labels), or null. */
  comparison(): { presetId: string | null; title: string; labels: { a: string; b: string } } | null;
}

export interface LessonStatus {
  id: string;
  /** 1-based. */
  step: number;
  steps: number;
  kind: StepKind;
  canContinue: boolean;
  done: boolean;
}

/** Installs `window.__logscope` over `run`, the page's lab. */
export function installTestApi(target: Window, run: Lab, comparisons?: ComparisonHost): LogScopeApi {
  // In a comparison, time, playback and summary() go to it (summary() is run A's, contract 7);
  // `apply` takes an optional second argument: "a" (the default), "b" or "both".
  const compared = () => comparisons?.current() ?? null;
  const api: LogScopeApi = {
    async load(scenario) {
      // Parsing, starting the engine and showing the run each get a task (openInTasks.ts); the
      // first waits for one too, so it never shares the task that delivered `scenario` (a
      // `page.evaluate` deserialises its argument there: tens of milliseconds at the limits).
      const opening = run.beginOpening();
      const decoders = await decodersOrNull();
      if (decoders === null) return { ok: false, error: DECODERS_MISSING };
      const { parseScenario, formatScenarioErrors } = decoders;
      await nextTask();
      const parsed = parseScenario(scenario);
      if (!parsed.ok) return { ok: false, error: formatScenarioErrors(parsed.errors) };
      const opened = await openInTasks(run, opening, { scenario: parsed.scenario, interventions: [], presetId: null, playheadMs: null });
      if (opened === 'superseded') return { ok: false, error: SUPERSEDED };
      return { ok: true, warnings: parsed.warnings };
    },
    async advance(ms) {
      // Waits for the run to get there; long work goes in slices, so the page keeps answering.
      if (!(Number.isFinite(ms) && ms > 0)) return;
      const comparison = compared();
      if (comparison) await comparison.seekInSlices(comparison.nowMs() + ms);
      else await run.seekInSlices(run.currentSimulation().now + ms);
    },
    async seek(ms) {
      await (compared() ?? run).seekInSlices(ms);
    },
    async apply(command, side?: unknown) {
      const decoders = await decodersOrNull();
      if (decoders === null) return { ok: false, error: DECODERS_MISSING };
      const { parseCommand, formatScenarioErrors } = decoders;
      const parsed = parseCommand(command);
      if (!parsed.ok) return { ok: false, error: formatScenarioErrors(parsed.errors) };
      const comparison = compared();
      if (!comparison) return run.applyCommand(parsed.command as Command);
      const target: InterventionTarget = side === 'b' || side === 'both' ? side : 'a';
      const results = comparison.apply(parsed.command as Command, target);
      return results.find((result) => !result.ok) ?? results[0]!;
    },
    play: () => (compared() ?? run).play(),
    pause: () => (compared() ?? run).pause(),
    summary: () => (compared()?.a ?? run).currentSimulation().summary(),
    summaries: () => {
      const comparison = compared();
      return comparison ? [comparison.a.currentSimulation().summary(), comparison.b.currentSimulation().summary()] : [run.currentSimulation().summary()];
    },
    comparison: () => {
      const state = compared()?.store.getState();
      return state ? { presetId: state.presetId, title: state.title, labels: { ...state.labels } } : null;
    },
    traceHash: () => (compared()?.a ?? run).currentSimulation().traceHash(),
    now: () => compared()?.nowMs() ?? run.currentSimulation().now,
    checkpoints: () => {
      const checkpoints = run.currentRun().checkpoints;
      return { count: checkpoints.count, intervalMs: checkpoints.intervalMs, timesMs: checkpoints.times() };
    },
    lesson() {
      const slice = run.store.getState().lesson;
      if (!slice) return null;
      const last = slice.lesson.steps.length - 1;
      return {
        id: slice.lesson.id,
        step: slice.step + 1,
        steps: slice.lesson.steps.length,
        kind: slice.lesson.steps[slice.step]!.kind,
        canContinue: slice.satisfied && slice.step < last,
        done: slice.done,
      };
    },
    async openLesson(id, step) {
      const resolved = resolveLessonLink(id, step ?? 1);
      if (!resolved.ok) return { ok: false, error: resolved.error };
      return run.lessons.openById(resolved.id, resolved.stepIndex);
    },
    narration: () => narrationFeedOf(run.store).messages().map((m) => m.text),
  };
  (target as Window & { __logscope?: LogScopeApi }).__logscope = api;
  return api;
}

/** `load`'s answer when another run was opened while its scenario was being read. */
const SUPERSEDED = 'another run was opened while this scenario was being read; it was not opened';

function decodersOrNull(): Promise<Decoders | null> {
  return loadDecoders().catch(() => null);
}
