/**
 * The narration's polite live region: present and empty from the first render (a region added
 * later may not be announced), each message a new line so a repeated text is announced again.
 * Only the last few lines are kept; removing old ones is not announced.
 */
import { useSyncExternalStore } from 'react';
import { useNarrationFeed } from './useNarrationFeed';

const LINES_KEPT = 3;

export function NarrationRegion() {
  const feed = useNarrationFeed();
  const messages = useSyncExternalStore(feed.subscribe, feed.messages);
  return (
    <div className="visually-hidden" aria-live="polite" data-testid="narration">
      {messages.slice(-LINES_KEPT).map((m) => (
        <p key={m.id}>{m.text}</p>
      ))}
    </div>
  );
}
