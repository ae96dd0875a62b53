/**
 * Presenter mode for a projected classroom: the projector colour profile, large type, only the
 * panels in use, captions large at the bottom, and an optional spotlight on the selection. It is
 * a view setting (`presenter`), so it travels in share links; `?presenter` in the address turns
 * it on too. The page root carries `data-presenter`, `data-profile` and `data-spotlight`, which
 * presenter.css styles.
 */
import { useEffect } from 'react';
import type { AppState } from '../../app/store';
import { useAppStore } from '../useAppStore';

export const selectPresenter = (state: AppState) => state.ui.view['presenter'] === true;
export const selectSpotlight = (state: AppState) => state.ui.view['spotlight'] === true;

export function usePresenterMode(): void {
  const presenter = useAppStore(selectPresenter);
  const spotlight = useAppStore(selectSpotlight);
  useEffect(() => {
    const root = document.documentElement;
    if (presenter) {
      root.dataset.presenter = 'on';
      root.dataset.profile = 'projector';
    } else {
      delete root.dataset.presenter;
      delete root.dataset.profile;
    }
    if (presenter && spotlight) root.dataset.spotlight = 'on';
    else delete root.dataset.spotlight;
  }, [presenter, spotlight]);
}
