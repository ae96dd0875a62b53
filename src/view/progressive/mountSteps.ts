/**
 * Mounting a large run in steps. At the limits (16 topics × 64 partitions, 16 services × 32
 * instances) drawing every panel at once is one render of about 6,000 elements: a task of half
 * a second or more, and the page does not answer. Lists that can be long draw their first few
 * items at once and queue the rest here: one step per task, each after the page has painted the
 * one before, so no task draws more than a step whatever the run's size.
 *
 * A step is a state update made outside React's events, so React renders it in a task of its
 * own; the next step waits for the frame after it.
 */
type Step = { run: () => void; cancelled: boolean };

const queue: Step[] = [];
let waiting = false;

/** Runs `run` in a task of its own after the next paint, after the steps queued before it. Returns a cancel function. */
export function queueMountStep(run: () => void): () => void {
  const step: Step = { run, cancelled: false };
  queue.push(step);
  if (!waiting) waitForPaint();
  return () => {
    step.cancelled = true;
  };
}

/** Steps queued and not yet run or cancelled (tests). */
export function pendingMountSteps(): number {
  return queue.filter((step) => !step.cancelled).length;
}

/**
 * The next frame, then a task: a timeout from inside a frame callback runs after that frame's
 * paint. A hidden tab gets no frames, so a timeout stands in after 100 ms.
 */
function waitForPaint(): void {
  waiting = true;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(runNext, 0);
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(start);
  setTimeout(start, 100);
}

function runNext(): void {
  waiting = false;
  let step = queue.shift();
  while (step?.cancelled) step = queue.shift();
  step?.run();
  if (queue.some((later) => !later.cancelled)) waitForPaint();
  else queue.length = 0;
}
