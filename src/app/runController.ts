/**
 * The page's lab: one `createLab()` (lab.ts), whose store and actions the views, the frame loop,
 * URL sync, persistence and the test API use. Tests that need a lab of their own, and a page
 * that shows two runs side by side, call `createLab` instead.
 */
import { createLab } from './lab';

export type { Lab, LabOptions, WorkOutcome } from './lab';

export const pageLab = createLab();

export const appStore = pageLab.store;
export const {
  currentSimulation,
  currentRun,
  loadScenario,
  loadRun,
  playTo,
  advance,
  seek,
  seekInSlices,
  cancelWork,
  workDone,
  resetRun,
  stepForward,
  stepBack,
  applyCommands,
  applyCommand,
  requestCommands,
  requestCommand,
  confirmFork,
  cancelFork,
  undoFork,
  dismissUndo,
  play,
  pause,
  togglePlay,
  setSpeed,
  showMessage,
  select,
  setView,
} = pageLab;
