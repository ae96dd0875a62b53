/**
 * After a crash or an accidental close, the last run (kept in localStorage) is offered back, or
 * the last comparison when one was open.
 * Non-blocking: the lab works underneath; Restore opens it, Dismiss forgets it.
 */
import { useSyncExternalStore } from 'react';
import {
  dismissSavedComparison,
  dismissSavedRun,
  getComparisonRestoreOffer,
  getRestoreOffer,
  restoreSavedComparison,
  restoreSavedRun,
  subscribeComparisonRestoreOffer,
  subscribeRestoreOffer,
} from '../../app/sharing';
import { formatSimTime } from '../formatTime';

export function RestoreBanner() {
  const offer = useSyncExternalStore(subscribeRestoreOffer, getRestoreOffer);
  const comparison = useSyncExternalStore(subscribeComparisonRestoreOffer, getComparisonRestoreOffer);
  if (comparison !== null) {
    const count = `${comparison.interventionCount} intervention${comparison.interventionCount === 1 ? '' : 's'}`;
    return (
      <section className="restore-banner" aria-labelledby="restore-title" data-testid="restore-banner">
        <p>
          <strong id="restore-title">Restore your last comparison?</strong> {comparison.title}: run A {comparison.labels.a}, run B{' '}
          {comparison.labels.b}, at t = {formatSimTime(comparison.playheadMs)}, with {count}.
        </p>
        <button type="button" className="primary" onClick={restoreSavedComparison}>
          Restore
        </button>
        <button type="button" onClick={dismissSavedComparison}>
          Dismiss
        </button>
      </section>
    );
  }
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
