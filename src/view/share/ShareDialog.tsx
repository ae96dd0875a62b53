/**
 * "Share this run": the link (scenario, seed, interventions, playhead, selection and view), a
 * button that copies it, and its QR code for a classroom screen. Playback pauses while the
 * dialog is open, so the link and the QR code show one moment.
 */
import { uiZoom } from '../uiZoom';
import { useRef, useState } from 'react';
import { useLab } from '../labContext';
import { currentShareUrl, linkIsLoopback } from '../../app/sharing';
import { type AppState, selectNowMs } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { formatSimTime } from '../formatTime';
import { QrCode } from './QrCode';
import { keepKeysInside, useModalDialog } from './useModalDialog';

const selectInterventionCount = (state: AppState) => state.run.interventions.length;

/** As large as the window allows, for a classroom screen, leaving room for the dialog's chrome. */
function largeQrSizePx(): number {
  // Window sizes are unzoomed pixels; the QR is drawn in the page's zoomed ones.
  const zoom = uiZoom();
  return Math.max(300, Math.min(window.innerWidth / zoom - 120, window.innerHeight / zoom - 230));
}

type CopyStatus = { kind: 'idle' } | { kind: 'copied' } | { kind: 'failed' };

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const { pause } = lab;
  const ref = useModalDialog(onClose);
  const [url] = useState(() => {
    pause();
    return currentShareUrl(lab, window.location);
  });
  const nowMs = useAppStore(selectNowMs);
  const interventionCount = useAppStore(selectInterventionCount);
  const [status, setStatus] = useState<CopyStatus>({ kind: 'idle' });
  const [largeQr, setLargeQr] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'copied' });
    } catch {
      // No clipboard permission (e.g. an insecure origin): select the text for Ctrl+C instead.
      input.current?.focus();
      input.current?.select();
      setStatus({ kind: 'failed' });
    }
  };

  return (
    <dialog ref={ref} className="share-dialog" aria-labelledby="share-dialog-title" onKeyDown={keepKeysInside}>
      <div className="dialog-head">
        <h2 id="share-dialog-title">Share this run</h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className={largeQr ? 'share-body share-body-large' : 'share-body'}>
        {!largeQr && (
          <div className="share-link">
            <p>
              Anyone who opens this link sees the same run, paused at{' '}
              <strong className="share-time">t = {formatSimTime(nowMs)}</strong>: the scenario and its seed,{' '}
              {interventionCount === 0
                ? 'no interventions yet'
                : `your ${interventionCount} intervention${interventionCount === 1 ? '' : 's'}`}
              , the selection and the view settings.
            </p>
            <label htmlFor="share-url">Link ({url.length} characters)</label>
            <div className="share-copy-row">
              <input
                id="share-url"
                ref={input}
                type="text"
                readOnly
                value={url}
                onFocus={(event) => event.currentTarget.select()}
                data-testid="share-url"
              />
              <button type="button" className="primary" onClick={copy}>
                Copy link
              </button>
            </div>
            <p role="status" className="share-status">
              {status.kind === 'copied' && 'Copied to the clipboard.'}
              {status.kind === 'failed' && 'The clipboard is not available here: the link is selected, press Ctrl+C (⌘C) to copy it.'}
            </p>
            <p className="share-hint">
              The address bar always holds this link too, so bookmarking or reloading the page keeps the run.
            </p>
            {linkIsLoopback(url) && (
              <p className="share-warning" data-testid="share-loopback">
                This address only works on this computer ({new URL(url).hostname}): phones and other screens cannot open it. Serve
                the lab on your network (for example <code>npm start -- --host 0.0.0.0</code>) and open it by this
                computer&apos;s address to share it in class.
              </p>
            )}
          </div>
        )}
        <figure className="share-qr">
          <QrCode url={url} sizePx={largeQr ? largeQrSizePx() : 300} />
          <figcaption>Scan to open this run on a phone or another screen.</figcaption>
          <button type="button" onClick={() => setLargeQr(!largeQr)} aria-pressed={largeQr}>
            {largeQr ? 'Show the link again' : 'Enlarge the QR code'}
          </button>
        </figure>
      </div>
    </dialog>
  );
}
