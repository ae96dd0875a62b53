/**
 * Entry point: makes the page's lab, installs the test API, opens the run the address names
 * (and keeps the address bar and localStorage in step), starts the frame loop, registers the
 * offline service worker (built by vite.config.ts as dist/sw.js) and renders the app with the lab
 * in context.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFrameLoop } from './app/frameLoop';
import { createLab } from './app/lab';
import { registerOffline } from './app/offline';
import { startSharing } from './app/sharing';
import { installTestApi } from './app/testApi';
import { App } from './view/App';
import { LabContext } from './view/labContext';
import { OfflineNote } from './view/offline/OfflineNote';
import './view/styles.css';

const pageLab = createLab();
installTestApi(window, pageLab);
startSharing(window, pageLab);
startFrameLoop(pageLab);
const offline = registerOffline(window);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabContext value={pageLab}>
      <App />
      <OfflineNote offline={offline} />
    </LabContext>
  </StrictMode>,
);
