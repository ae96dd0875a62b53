/**
 * Calls `onChange` whenever either run of a comparison changes what its link carries: its
 * interventions, playing or paused, or (while paused) the playhead. The comparison's address
 * bar and its kept copy in localStorage both follow this. Returns the unsubscribe.
 */
import type { Comparison } from './comparison';

export function followComparisonRuns(comparison: Comparison, onChange: () => void): () => void {
  const stops = [comparison.a.store, comparison.b.store].map((store) =>
    store.subscribe((run, before) => {
      if (
        run.run.interventions !== before.run.interventions ||
        run.playback.playing !== before.playback.playing ||
        (!run.playback.playing && run.sim.snapshot.nowMs !== before.sim.snapshot.nowMs)
      ) {
        onChange();
      }
    }),
  );
  return () => {
    for (const stop of stops) stop();
  };
}
