/**
 * The toolbar's Presenter toggle and, in presenter mode, the Spotlight toggle (dims everything
 * but the selected entity). Both are pressed-state buttons.
 */
import type { AppState } from '../../app/store';
import { useLab } from '../labContext';
import { useAppStore } from '../useAppStore';
import { selectPresenter, selectSpotlight } from './usePresenterMode';
import './presenter.css';

const selectHasSelection = (state: AppState) => state.ui.selection !== null;
const selectSlowMotionSetting = (state: AppState) => state.ui.view['slowMotion'] === true;

export function PresenterControls() {
  const { setView } = useLab();
  const presenter = useAppStore(selectPresenter);
  const spotlight = useAppStore(selectSpotlight);
  const hasSelection = useAppStore(selectHasSelection);
  const slowMotion = useAppStore(selectSlowMotionSetting);
  return (
    <>
      <button
        type="button"
        aria-pressed={presenter}
        onClick={() => setView('presenter', !presenter)}
        title="Presenter mode: large type, projector colours, captions at the bottom; PageDown / PageUp step"
      >
        Presenter
      </button>
      {presenter && (
        <button
          type="button"
          aria-pressed={spotlight}
          onClick={() => setView('spotlight', !spotlight)}
          title={hasSelection ? 'Dim everything but the selected entity' : 'Select an entity, then dim everything else'}
        >
          Spotlight
        </button>
      )}
      {presenter && (
        <button
          type="button"
          aria-pressed={slowMotion}
          onClick={() => setView('slowMotion', !slowMotion)}
          title="After an intervention, a rebalance or a catch-up, play at 0.25× for 3 virtual seconds"
        >
          Slow motion
        </button>
      )}
    </>
  );
}
