/**
 * The preset gallery: each scenario with a one-line description, the concept it teaches, a
 * button that opens it and its deep link (`#preset=<id>`) to share or bookmark.
 */
import { GalleryEntryText } from './GalleryEntryText';
import { GALLERY, openPreset } from '../../app/sharing';
import { LESSON_LIST } from '../../app/lessonSession';
import { withHistoryEntryLater } from '../../app/urlSync';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { keepKeysInside, useModalDialog } from './useModalDialog';
import { useLab } from '../labContext';
import { ComparisonGallery } from '../compare/ComparisonGallery';

const selectPresetId = (state: AppState) => state.run.presetId;

/** A full address (not a bare `#…`, which reads as an in-page skip link), to copy or bookmark. */
function absolute(href: string): string {
  return new URL(href, window.location.href).href;
}

export function GalleryDialog({ onClose }: { onClose: () => void }) {
  const lab = useLab();
  const ref = useModalDialog(onClose);
  const current = useAppStore(selectPresetId);
  const open = (id: string) => {
    void openPreset(lab, id);
    onClose();
  };
  const startLesson = (id: string) => {
    void withHistoryEntryLater(async () => ((await lab.lessons.openById(id)).ok ? 'opened' : 'refused'));
    onClose();
  };
  return (
    <dialog
      ref={ref}
      className="gallery-dialog"
      aria-labelledby="gallery-title"
      onKeyDown={keepKeysInside}
    >
      <div className="dialog-head">
        <h2 id="gallery-title">Scenario gallery</h2>
        <button type="button" className="dialog-close" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <p className="gallery-hint">
        Opening a lesson or a scenario replaces the current run; the browser&apos;s Back button
        brings it back.
      </p>
      <div className="gallery-body">
        <h3 className="gallery-section">Lessons</h3>
        <ol className="gallery-list lesson-list">
          {LESSON_LIST.map((entry) => (
            <li key={entry.id} className="gallery-item" data-lesson={entry.id}>
              <div className="gallery-text">
                <h4>{entry.title}</h4>
                <p className="gallery-description">{entry.concept}</p>
                <p className="gallery-concept">
                  <span className="gallery-concept-label">The trap:</span> {entry.trap} · about{' '}
                  {entry.minutes} min
                </p>
              </div>
              <div className="gallery-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => startLesson(entry.id)}
                  aria-label={`Start lesson: ${entry.title}`}
                >
                  Start
                </button>
                <a
                  href={absolute(entry.href)}
                  className="gallery-link"
                  aria-label={`Link to the lesson ${entry.title}`}
                  onClick={onClose}
                >
                  Link
                </a>
              </div>
            </li>
          ))}
        </ol>
        <ComparisonGallery onClose={onClose} absolute={absolute} />
        <h3 className="gallery-section">Scenarios</h3>
        <ul className="gallery-list">
          {GALLERY.map((entry) => (
            <li
              key={entry.id}
              className="gallery-item"
              data-preset={entry.id}
              aria-current={entry.id === current ? 'true' : undefined}
            >
              <GalleryEntryText entry={entry} />
              <div className="gallery-actions">
                <button
                  type="button"
                  className="primary"
                  onClick={() => open(entry.id)}
                  aria-label={`Open ${entry.title}`}
                >
                  Open
                </button>
                <a
                  href={absolute(entry.href)}
                  className="gallery-link"
                  aria-label={`Deep link to ${entry.title}`}
                  onClick={onClose}
                >
                  Deep link
                </a>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
