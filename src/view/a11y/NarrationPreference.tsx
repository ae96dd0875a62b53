/**
 * The narration's setting: everything (default), answers to the learner's own actions only, or
 * off. A native select with a visible label; the choice is kept for the next visit.
 */
import { useId, useSyncExternalStore } from 'react';
import { isNarrationSetting, NARRATION_SETTINGS } from '../../app/narrationSetting';
import { useNarrationFeed } from './useNarrationFeed';

export function NarrationPreference() {
  const feed = useNarrationFeed();
  const setting = useSyncExternalStore(feed.subscribe, feed.setting);
  const id = useId();
  return (
    <section className="a11y-preference" aria-label="Preferences">
      <label htmlFor={id} title="What the screen reader hears as the run goes on">
        Narration
      </label>
      <select
        id={id}
        value={setting}
        onChange={(event) => {
          if (isNarrationSetting(event.target.value)) feed.setSetting(event.target.value);
        }}
      >
        {NARRATION_SETTINGS.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
    </section>
  );
}
