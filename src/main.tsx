/**
 * Entry point: installs the test API, starts the frame loop and renders the app.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startFrameLoop } from './app/frameLoop';
import { installTestApi } from './app/testApi';
import { App } from './view/App';
import './view/styles.css';

installTestApi(window);
startFrameLoop();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
