/**
 * The lab: time controls and the timeline on top, captions and messages under them; the
 * pipeline and the partition lanes in the middle; on the right the selected entity's panel
 * over the consumer groups or the event log. Dialogs and the context menu float above.
 */
import { useCallback, useMemo, useState } from 'react';
import { useLab } from './labContext';
import { Accessibility } from './a11y/Accessibility';
import { ContextMenu } from './ContextMenu';
import { ForkDialog } from './ForkDialog';
import { Inspector } from './inspector/Inspector';
import { LabUiContext, type LabUi, type MenuRequest } from './labUiContext';
import { InsightsPanel } from './insight/InsightsPanel';
import { LessonSlot } from './lesson/LessonSlot';
import { MessageBar } from './MessageBar';
import { PipelineView } from './pipeline/PipelineView';
import { ShortcutHelp } from './ShortcutHelp';
import { ShareBar } from './share/ShareBar';
import { SidePanel } from './SidePanel';
import { Timeline } from './Timeline';
import { Toolbar } from './Toolbar';
import { useShortcuts, type ShortcutHandlers } from './useShortcuts';
import { usePresenterMode } from './presenter/usePresenterMode';

export function App() {
  const { store: appStore, cancelFork } = useLab();
  const [menu, setMenu] = useState<MenuRequest | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const closeMenu = useCallback(() => setMenu(null), []);
  const labUi = useMemo<LabUi>(() => ({ openMenu: setMenu, openHelp: () => setHelpOpen(true) }), []);
  const handlers = useMemo<ShortcutHandlers>(
    () => ({
      openHelp: () => setHelpOpen(true),
      overlayOpen: () => menu !== null || helpOpen || appStore.getState().lab.forkPrompt !== null,
      closeOverlay: () => {
        if (helpOpen) setHelpOpen(false);
        else if (menu) setMenu(null);
        else if (appStore.getState().lab.forkPrompt) cancelFork();
        else return false;
        return true;
      },
    }),
    [menu, helpOpen, appStore, cancelFork],
  );
  useShortcuts(handlers);
  usePresenterMode();
  return (
    <LabUiContext.Provider value={labUi}>
      <div className="app">
        <Accessibility />
        <Toolbar />
        <ShareBar />
        <Timeline />
        <MessageBar />
        <main className="workspace">
          <div className="stage">
            <PipelineView />
            <InsightsPanel />
          </div>
          <aside className="side">
            <LessonSlot />
            <Inspector />
            <SidePanel />
          </aside>
        </main>
        <ForkDialog />
        {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
        {menu && <ContextMenu request={menu} onClose={closeMenu} />}
      </div>
    </LabUiContext.Provider>
  );
}
