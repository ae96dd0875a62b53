/**
 * Entry point: installs the test API, opens the run the address names (and keeps the address
 * bar and localStorage in step), starts the frame loop and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFrameLoop } from './app/frameLoop';
import { startSharing } from './app/sharing';
import { installTestApi } from './app/testApi';
import { App } from './view/App';
import './view/styles.css';

installTestApi(window);
startSharing(window);
startFrameLoop();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
