/**
 * After a crash or an accidental close, the last run (kept in localStorage) is offered back.
 * Non-blocking: the lab works underneath; Restore opens it, Dismiss forgets it.
 */
import { useSyncExternalStore } from 'react';
import { dismissSavedRun, getRestoreOffer, restoreSavedRun, subscribeRestoreOffer } from '../../app/sharing';
import { formatSimTime } from '../formatTime';

export function RestoreBanner() {
  const offer = useSyncExternalStore(subscribeRestoreOffer, getRestoreOffer);
  if (offer === null) return null;
  const interventions = `${offer.interventionCount} intervention${offer.interventionCount === 1 ? '' : 's'}`;
  return (
    <section className="restore-banner" aria-labelledby="restore-title" data-testid="restore-banner">
      <p>
        <strong id="restore-title">Restore your last run?</strong> {offer.title}, at t = {formatSimTime(offer.playheadMs)},
        with {interventions}.
      </p>
      <button type="button" className="primary" onClick={restoreSavedRun}>
        Restore
      </button>
      <button type="button" onClick={dismissSavedRun}>
        Dismiss
      </button>
    </section>
  );
}
