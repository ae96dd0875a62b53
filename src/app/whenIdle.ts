/**
 * Runs `task` when the main thread is idle, after the current frame's work, or within
 * `timeoutMs` at the latest; at once where there are no idle callbacks (Node, tests). Keeping
 * the address bar and the kept run current means compressing the whole run, about a
 * millisecond or two: not something to do in the middle of an animation frame.
 */
type IdleScheduler = (task: () => void, options?: { timeout: number }) => number;

export function whenIdle(task: () => void, timeoutMs = 500): void {
  const requestIdle = (globalThis as { requestIdleCallback?: IdleScheduler }).requestIdleCallback;
  if (typeof requestIdle === 'function') requestIdle(task, { timeout: timeoutMs });
  else task();
}
