/**
 * Time controls: play/pause (Space), step back (←) and forward (→) one visible change, reset to
 * t = 0 of the same run, speed on a log scale (0.1× to 100×), the virtual clock and the
 * shortcut help (?).
 */
import { useLayoutEffect, useRef } from 'react';
import { useLab } from './labContext';
import { SPEED_STEPS } from '../app/speed';
import { type AppState, selectNowMs } from '../app/store';
import { useAppStore } from './useAppStore';
import { formatSimTime } from './formatTime';
import { useLabUi } from './labUiContext';
import { PresenterControls } from './presenter/PresenterControls';
import { NarrationPreference } from './a11y/NarrationPreference';

const selectPlaying = (state: AppState) => state.playback.playing;
const selectSpeed = (state: AppState) => state.playback.speed;
const selectDrawing = (state: AppState) => state.sim.drawing;
const selectSlowMotionNow = (state: AppState) => state.sim.snapshot.nowMs < state.playback.slowUntilMs;

export function Toolbar() {
  const { resetRun, setSpeed, stepBack, stepForward, togglePlay } = useLab();
  const playing = useAppStore(selectPlaying);
  const speed = useAppStore(selectSpeed);
  const slow = useAppStore(selectSlowMotionNow);
  const { openHelp } = useLabUi();
  const speedIndex = Math.max(0, SPEED_STEPS.findIndex((s) => s >= speed));
  return (
    <header className="toolbar">
      {/* The scenario's title is in the bar below, beside what it teaches. */}
      <h1>LogScope</h1>
      <div className="controls">
        <button type="button" onClick={stepBack} aria-label="Step back" title="Step back to the previous change (←)">
          ◀ Step
        </button>
        <button type="button" className="primary" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play or pause (Space)">
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={stepForward} aria-label="Step forward" title="Step to the next change (→)">
          Step ▶
        </button>
        <button type="button" onClick={resetRun} aria-label="Reset" title="Back to t = 0 of the same run (Home)">
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
          <output>{slow ? `${Math.min(speed, 0.25)}× slow motion` : `${speed}×`}</output>
        </label>
        <Clock />
        <div className="toolbar-narration" data-chrome="prepare">
          <NarrationPreference />
        </div>
        <PresenterControls />
        <button type="button" onClick={openHelp} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
          ?
        </button>
      </div>
    </header>
  );
}

/**
 * The virtual clock: its own component, so the frame loop re-renders only this text. Its text
 * changes every frame, and a change inside a flex item (the clock sits in the toolbar's row)
 * lays the page out again from its root: about a sixth of a frame's layout and paint. So the
 * text sits in a box of the width it had (size and layout containment: no clipping, and without style containment, which changed the text's anti-aliasing), measured
 * again only when the text's shape changes (another digit, an hour): a change inside stays
 * inside. The box is exactly as wide and tall as the text, so nothing moves on screen.
 */
function Clock() {
  const nowMs = useAppStore(selectNowMs);
  // Whether the moment shown was drawn in the background (drawnValue.ts), for tests.
  const drawing = useAppStore(selectDrawing);
  const text = formatSimTime(nowMs);
  const face = useRef<HTMLSpanElement>(null);
  const shape = text.replace(/[0-9]/g, '0');
  const fitted = useRef(false);
  // Again when the text's shape changes, and when what sets its font does (presenter mode on the
  // page root, the zoom's media queries on resize, a font arriving), even while paused.
  useLayoutEffect(() => {
    const element = face.current;
    if (!element) return;
    if (!fitted.current) {
      // The first fit waits for the first frame: its forced layout is then that frame's own
      // layout, not a layout of the whole new page inside the task that mounted it (~90 ms).
      const frame = requestAnimationFrame(() => {
        fitted.current = true;
        fitClockFace(element);
      });
      return () => cancelAnimationFrame(frame);
    }
    fitClockFace(element);
  }, [shape]);
  useLayoutEffect(() => {
    const element = face.current;
    if (!element) return;
    const refit = () => fitClockFace(element);
    const observer = new MutationObserver(refit);
    observer.observe(document.documentElement, { attributes: true });
    window.addEventListener('resize', refit);
    document.fonts?.addEventListener?.('loadingdone', refit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', refit);
      document.fonts?.removeEventListener?.('loadingdone', refit);
    };
  }, []);
  return (
    <div className="clock" role="timer" aria-label="Virtual time" data-testid="sim-time" data-ms={nowMs} data-drawing={drawing}>
      <span ref={face} className="clock-face">
        t = {text}
      </span>
    </div>
  );
}

/** Fixes the clock face at its used size (a forced layout: only when the shape or the font changes). */
function fitClockFace(element: HTMLElement): void {
  element.classList.remove('contained');
  element.style.width = '';
  element.style.height = '';
  // The used size, in the element's own CSS pixels (the page zoom is not in it).
  const style = getComputedStyle(element);
  const width = style.width;
  const height = style.height;
  if (!(Number.parseFloat(width) > 0 && Number.parseFloat(height) > 0)) return;
  element.style.width = width;
  element.style.height = height;
  element.classList.add('contained');
}
