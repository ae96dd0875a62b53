/**
 * `window.__logscope`, present in every build (doc/design.md, contract 5): tests use it, and
 * teachers can script the lab from the console. None of its calls starts playback.
 */
import type { Command, Summary } from '../engine';
import { formatScenarioErrors, parseScenario } from '../scenarios/parseScenario';
import { parseCommand } from '../scenarios/parseCommand';
import type { Lab } from './lab';
import { resolveLessonLink } from '../lessons/lessonLink';
import type { StepKind } from '../lessons/lessonTypes';
import { narrationFeedOf } from './narrationFeed';

export interface LogScopeApi {
  load(scenario: unknown): Promise<{ ok: boolean; error?: string; warnings?: string[] }>;
  advance(ms: number): Promise<void>;
  seek(ms: number): Promise<void>;
  apply(command: unknown): { ok: boolean; error?: string };
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
export function installTestApi(target: Window, run: Lab): LogScopeApi {
  const api: LogScopeApi = {
    async load(scenario) {
      const parsed = parseScenario(scenario);
      if (!parsed.ok) return { ok: false, error: formatScenarioErrors(parsed.errors) };
      run.loadScenario(parsed.scenario);
      return { ok: true, warnings: parsed.warnings };
    },
    async advance(ms) {
      // Waits for the run to get there; long work goes in slices, so the page keeps answering.
      if (Number.isFinite(ms) && ms > 0) await run.seekInSlices(run.currentSimulation().now + ms);
    },
    async seek(ms) {
      await run.seekInSlices(ms);
    },
    apply(command) {
      const parsed = parseCommand(command);
      if (!parsed.ok) return { ok: false, error: formatScenarioErrors(parsed.errors) };
      return run.applyCommand(parsed.command as Command);
    },
    play: run.play,
    pause: run.pause,
    summary: () => run.currentSimulation().summary(),
    traceHash: () => run.currentSimulation().traceHash(),
    now: () => run.currentSimulation().now,
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
