/**
 * Entry point: makes the page's lab and its comparisons (two runs side by side), installs the test API, opens the run the address names
 * (and keeps the address bar and localStorage in step), starts the frame loop, registers the
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
installTestApi(window, pageLab, comparisons);
void startSharing(window, pageLab, comparisons);
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
