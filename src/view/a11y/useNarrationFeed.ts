/** The narration of the lab this view shows (one per lab: each run narrates itself). */
import { narrationFeedOf, type NarrationFeed } from '../../app/narrationFeed';
import { useLab } from '../labContext';

export function useNarrationFeed(): NarrationFeed {
  return narrationFeedOf(useLab().store);
}
