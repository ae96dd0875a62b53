/**
 * Sharing and scenarios, in one strip under the toolbar: the gallery, open and save a file,
 * share the run (link, copy, QR). Also mounts the restore offer and the page-wide drop zone.
 */
import { lazy, Suspense, useCallback, useState } from 'react';
import { GALLERY } from '../../app/sharing';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';
import { DropZone } from './DropZone';
import { ExportMenu } from './ExportMenu';
import { FileButtons } from './FileButtons';
import { CompareWithButton } from '../compare/CompareWithButton';
import { RestoreBanner } from './RestoreBanner';
import './share.css';

// The dialogs load when first opened: showing a run never needs them.
const ScenarioEditor = lazy(() => import('../editor/ScenarioEditor').then((m) => ({ default: m.ScenarioEditor })));
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));
const GalleryDialog = lazy(() => import('./GalleryDialog').then((m) => ({ default: m.GalleryDialog })));

const selectPresetId = (state: AppState) => state.run.presetId;

export function ShareBar() {
  const [dialog, setDialog] = useState<'share' | 'gallery' | 'editor' | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const presetId = useAppStore(selectPresetId);
  return (
    <>
      <RestoreBanner />
      <nav className="share-bar" aria-label="Scenarios and sharing">
        <ScenarioLabel presetId={presetId} />
        <button type="button" onClick={() => setDialog('gallery')} aria-haspopup="dialog">
          Gallery
        </button>
        <button type="button" onClick={() => setDialog('editor')} aria-haspopup="dialog" data-chrome="prepare">
          Edit scenario
        </button>
        <CompareWithButton />
        <FileButtons />
        <ExportMenu />
        <button type="button" className="primary" onClick={() => setDialog('share')} aria-haspopup="dialog">
          Share…
        </button>
      </nav>
      <Suspense fallback={null}>
        {dialog === 'share' && <ShareDialog onClose={close} />}
        {dialog === 'gallery' && <GalleryDialog onClose={close} />}
        {dialog === 'editor' && <ScenarioEditor onClose={close} />}
      </Suspense>
      <DropZone />
    </>
  );
}

/** The scenario's title and, for a gallery preset, the concept it teaches. */
const selectTitle = (state: AppState) => state.run.scenario.title ?? 'Untitled scenario';

/** In a lesson: what it teaches (the lesson's own title is the scenario's). */
const selectLessonConcept = (state: AppState) => state.lesson?.lesson.concept ?? null;

function ScenarioLabel({ presetId }: { presetId: string | null }) {
  const title = useAppStore(selectTitle);
  const lessonConcept = useAppStore(selectLessonConcept);
  const entry = GALLERY.find((candidate) => candidate.id === presetId);
  const detail =
    lessonConcept !== null ? ` · lesson: ${lessonConcept}` : entry ? ` · teaches: ${entry.concept}` : ' (custom scenario)';
  return (
    <span className="share-bar-scenario" data-testid="scenario-label" data-preset={entry?.id ?? ''} title={`${title}${detail}`}>
      <strong className="scenario-title">{title}</strong>
      {detail}
    </span>
  );
}
