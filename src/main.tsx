/**
 * Entry point: makes the page's lab and its comparisons (two runs side by side), opens the run the address names
 * (then installs the test API; and keeps the address bar and localStorage in step), starts the frame loop, registers the
 * offline service worker (built by vite.config.ts as dist/sw.js) and renders the app with the lab
 * in context.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFrameLoop } from './app/frameLoop';
import { createLab } from './app/lab';
import { createComparisonHost } from './app/comparisonHost';
import { registerOffline } from './app/offline';
import { startSharing } from './app/sharing';
import { installTestApi } from './app/testApi';
import { PageView } from './view/compare/PageView';
import { ComparisonHostContext } from './view/compare/comparisonContext';
import { LabContext } from './view/labContext';
import { OfflineNote } from './view/offline/OfflineNote';
import './view/styles.css';

const pageLab = createLab();
const comparisons = createComparisonHost(pageLab);
// The browser API appears once the run the address names is shown (a linked run opens over a
// few tasks, src/app/openInTasks.ts), so a script never reads the default run in its place.
void Promise.resolve(startSharing(window, pageLab, comparisons))
  .catch(() => undefined)
  .then(() => installTestApi(window, pageLab, comparisons));
startFrameLoop(comparisons.frameTarget);
const offline = registerOffline(window);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabContext value={pageLab}>
      <ComparisonHostContext value={comparisons}>
        <PageView />
      </ComparisonHostContext>
      <OfflineNote offline={offline} />
    </LabContext>
  </StrictMode>,
);
