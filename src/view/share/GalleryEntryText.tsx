/** A gallery entry's title, description and what it teaches (presets and comparisons alike). */
export function GalleryEntryText({ entry }: { entry: { title: string; description: string; concept: string } }) {
  return (
    <div className="gallery-text">
      <h4>{entry.title}</h4>
      <p className="gallery-description">{entry.description}</p>
      <p className="gallery-concept">
        <span className="gallery-concept-label">Teaches:</span> {entry.concept}
      </p>
    </div>
  );
}
