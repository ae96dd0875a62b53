/**
 * The gallery's comparisons: presets that open as two runs side by side, each with what it
 * teaches, an Open button and its deep link (`#preset=<id>`). Shown only where the page has
 * comparisons.
 */
import { GalleryEntryText } from '../share/GalleryEntryText';
import { COMPARISON_GALLERY, openComparisonPreset } from '../../app/comparisonLinks';
import { useComparisonHost } from './comparisonContext';

export function ComparisonGallery({ onClose, absolute }: { onClose(): void; absolute(href: string): string }) {
  const host = useComparisonHost();
  if (host === null) return null;
  return (
    <>
      <h3 className="gallery-section">Comparisons: two runs side by side</h3>
      <ul className="gallery-list">
        {COMPARISON_GALLERY.map((entry) => (
          <li key={entry.id} className="gallery-item" data-comparison={entry.id}>
            <GalleryEntryText entry={entry} />
            <div className="gallery-actions">
              <button
                type="button"
                className="primary"
                onClick={() => {
                  void openComparisonPreset(host, entry.id);
                  onClose();
                }}
                aria-label={`Compare: ${entry.title}`}
              >
                Open
              </button>
              <a href={absolute(entry.href)} className="gallery-link" aria-label={`Deep link to the comparison ${entry.title}`} onClick={onClose}>
                Deep link
              </a>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
