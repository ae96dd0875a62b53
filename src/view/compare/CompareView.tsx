/**
 * Two runs side by side under one playhead: the lab's toolbar and timeline (they drive both
 * runs), the comparison's bar (title, caption, where interventions go, link, close), the two
 * compact pipelines in regions "Run A: …" and "Run B: …", the shared-axis charts and the
 * difference table. Each region provides its run's lab to the views inside it, so the lab's own
 * pipeline and context menu work unchanged; their commands go where the comparison says.
 */
import { useCallback, useMemo, useState } from 'react';
import type { Comparison, RunSide } from '../../app/comparison';
import { comparisonSideLab, comparisonTimeLab } from '../../app/comparisonLabs';
import { ContextMenu } from '../ContextMenu';
import { LabContext } from '../labContext';
import { LabUiContext, type LabUi, type MenuRequest } from '../labUiContext';
import { ShortcutHelp } from '../ShortcutHelp';
import { Timeline } from '../Timeline';
import { Toolbar } from '../Toolbar';
import { useShortcuts, type ShortcutHandlers } from '../useShortcuts';
import { CompareBar } from './CompareBar';
import { CompareCharts } from './CompareCharts';
import { DifferenceTable } from './DifferenceTable';
import { RunRegion } from './RunRegion';
import './compare.css';

interface SideMenu {
  side: RunSide;
  request: MenuRequest;
}

export function CompareView({ comparison }: { comparison: Comparison }) {
  const timeLab = useMemo(() => comparisonTimeLab(comparison), [comparison]);
  const sides = useMemo(() => ({ a: comparisonSideLab(comparison, 'a'), b: comparisonSideLab(comparison, 'b') }), [comparison]);
  const [menu, setMenu] = useState<SideMenu | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const closeMenu = useCallback(() => setMenu(null), []);
  const uiOf = useMemo(() => {
    const of = (side: RunSide): LabUi => ({ openMenu: (request) => setMenu({ side, request }), openHelp: () => setHelpOpen(true) });
    return { a: of('a'), b: of('b') };
  }, []);
  const handlers = useMemo<ShortcutHandlers>(
    () => ({
      openHelp: () => setHelpOpen(true),
      overlayOpen: () => menu !== null || helpOpen,
      closeOverlay: () => {
        if (helpOpen) setHelpOpen(false);
        else if (menu) setMenu(null);
        else return false;
        return true;
      },
    }),
    [menu, helpOpen],
  );
  return (
    <LabContext value={timeLab}>
      <LabUiContext.Provider value={uiOf.a}>
        <div className="app compare" data-testid="comparison">
          <Shortcuts handlers={handlers} />
          <Toolbar />
          <CompareBar comparison={comparison} />
          <Timeline runB={comparison.b.store} />
          <main className="compare-workspace">
            <div className="compare-runs">
              {(['a', 'b'] as const).map((side) => (
                <LabContext key={side} value={sides[side]}>
                  <LabUiContext.Provider value={uiOf[side]}>
                    <RunRegion comparison={comparison} side={side} />
                  </LabUiContext.Provider>
                </LabContext>
              ))}
            </div>
            <CompareCharts comparison={comparison} />
            <DifferenceTable comparison={comparison} />
          </main>
          {helpOpen && <ShortcutHelp onClose={() => setHelpOpen(false)} />}
          {menu && (
            <LabContext value={sides[menu.side]}>
              <ContextMenu request={menu.request} onClose={closeMenu} />
            </LabContext>
          )}
        </div>
      </LabUiContext.Provider>
    </LabContext>
  );
}

/** Keyboard shortcuts, inside the time lab's context: Space, arrows and Home move both runs. */
function Shortcuts({ handlers }: { handlers: ShortcutHandlers }) {
  useShortcuts(handlers);
  return null;
}
