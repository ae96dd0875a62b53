/**
 * "Works offline": a one-line note in the page's corner once the service worker has cached the
 * whole build (src/app/offline.ts), so a teacher knows the lab will reload, and open presets and
 * links, without a network. Nothing is shown before that, in dev, or where workers are off.
 */
import { useSyncExternalStore } from 'react';
import type { Offline } from '../../app/offline';
import './offline.css';

export function OfflineNote({ offline }: { offline: Offline }) {
  const status = useSyncExternalStore(offline.subscribe, offline.status);
  if (status !== 'ready') return null;
  return (
    <footer className="offline-note" data-chrome="prepare">
      <span aria-hidden="true">✓ </span>Works offline
    </footer>
  );
}
