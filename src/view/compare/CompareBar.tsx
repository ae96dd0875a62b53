/**
 * The comparison's bar: its title, the caption for this moment (a note true of both runs),
 * where a run's own intervention menu sends commands (that run, or both), the link to these two
 * runs at this playhead, and closing back to the page's run. Messages about the page (a link
 * that could not be opened) show here too.
 */
import { useState } from 'react';
import { useStore } from 'zustand';
import type { Comparison, ComparisonState } from '../../app/comparison';
import { comparisonLink } from '../../app/comparisonLinks';
import type { AppState } from '../../app/store';
import { formatSimTime } from '../formatTime';
import { useComparisonHost } from './comparisonContext';

const selectTitle = (state: ComparisonState) => state.title;
const selectCaption = (state: ComparisonState) => state.caption;
const selectTarget = (state: ComparisonState) => state.target;
const selectPageMessage = (state: AppState) => state.ui.message;
const NO_MESSAGE = { getState: () => null, subscribe: () => () => {} };

export function CompareBar({ comparison }: { comparison: Comparison }) {
  const host = useComparisonHost();
  const title = useStore(comparison.store, selectTitle);
  const caption = useStore(comparison.store, selectCaption);
  const target = useStore(comparison.store, selectTarget);
  const pageMessage = useStore((host?.pageLab.store ?? NO_MESSAGE) as NonNullable<typeof host>['pageLab']['store'], selectPageMessage);
  const [copied, setCopied] = useState<string | null>(null);
  const copyLink = () => {
    if (!host) return;
    const url = comparisonLink(host, window.location);
    if (url === null) return;
    void navigator.clipboard?.writeText(url).then(
      () => setCopied('Link copied: it opens these two runs at this moment.'),
      () => setCopied(`Copy this link: ${url}`),
    );
  };
  return (
    <section className="compare-bar" aria-label="Comparison">
      <div className="compare-bar-row">
        <h2 className="compare-title">
          <span className="compare-kicker">Two runs side by side:</span> {title}
        </h2>
        <fieldset className="compare-target">
          <legend>A run&apos;s menu acts on</legend>
          <label>
            <input type="radio" name="compare-target" checked={target === 'this run'} onChange={() => comparison.setTarget('this run')} /> that run
          </label>
          <label>
            <input type="radio" name="compare-target" checked={target === 'both'} onChange={() => comparison.setTarget('both')} /> both runs
          </label>
        </fieldset>
        <button type="button" onClick={copyLink} disabled={!host}>
          Copy link
        </button>
        <button type="button" className="primary" onClick={() => host?.close()} disabled={!host}>
          Close comparison
        </button>
      </div>
      <p className="caption compare-caption" data-testid="comparison-caption" aria-live="polite">
        {caption ? (
          <>
            <span className="caption-time">{formatSimTime(caption.atMs).replace(/\.000$/, '')}</span> {caption.text}
          </>
        ) : null}
      </p>
      {copied && (
        <p className="compare-status" role="status">
          {copied}
        </p>
      )}
      {pageMessage && (
        <p className={`compare-run-message ${pageMessage.kind}`} role={pageMessage.kind === 'error' ? 'alert' : 'status'}>
          {pageMessage.text}
        </p>
      )}
    </section>
  );
}
