/**
 * Time controls: play/pause, reset, speed (log scale 0.1× to 100×) and the virtual clock.
 */
import { pause, play, resetRun, setSpeed } from '../app/runController';
import { SPEED_STEPS } from '../app/speed';
import type { AppState } from '../app/store';
import { useAppStore } from '../app/useAppStore';
import { formatSimTime } from './formatTime';

const selectPlaying = (state: AppState) => state.playback.playing;
const selectSpeed = (state: AppState) => state.playback.speed;
const selectNow = (state: AppState) => state.sim.snapshot.nowMs;
const selectTitle = (state: AppState) => state.run.scenario.title ?? 'Untitled scenario';

export function Toolbar() {
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const nowMs = useAppStore(selectNow);
  const title = useAppStore(selectTitle);
  const speedIndex = Math.max(0, SPEED_STEPS.findIndex((s) => s >= speed));
  return (
    <header className="toolbar">
      <h1>
        LogScope <span className="scenario-title">{title}</span>
      </h1>
      <div className="controls">
        <button type="button" className="primary" onClick={playing ? pause : play} aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={resetRun} aria-label="Reset">
          ⟲ Reset
        </button>
        <label className="speed">
          Speed
          <input
            type="range"
            min={0}
            max={SPEED_STEPS.length - 1}
            step={1}
            value={speedIndex}
            aria-valuetext={`${speed}×`}
            onChange={(event) => setSpeed(SPEED_STEPS[Number(event.target.value)] ?? 1)}
          />
          <output>{speed}×</output>
        </label>
        <div className="clock" aria-label="Virtual time" data-testid="sim-time" data-ms={nowMs}>
          t = {formatSimTime(nowMs)}
        </div>
      </div>
    </header>
  );
}
