import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/** The file the offline plugin writes next to index.html; src/app/offline.ts registers it. */
const WORKER_FILE = 'sw.js';

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/**
 * The service worker's source. Plain JavaScript in a string: it runs as a classic worker script
 * exactly as written, so no build step may wrap it in helpers. Paths are relative to the worker,
 * which sits beside index.html, so a build deployed under a sub-path works unchanged.
 */
function workerSource(version: string, assets: readonly string[]): string {
  return `// LogScope's service worker, written at build time by the offline plugin in vite.config.ts.
'use strict';
const VERSION = ${JSON.stringify(version)};
const ASSETS = ${JSON.stringify(assets, null, 2)};

// Cache storage is shared by the whole origin: the scope keeps two deployments on one origin
// (say /logscope/ and /logscope-next/) from deleting each other's caches.
const PREFIX = 'logscope ' + self.registration.scope + ' ';
const CACHE = PREFIX + VERSION;
const SCOPE_PATH = new URL(self.registration.scope).pathname;
const INDEX_URL = new URL('index.html', self.location).href;

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(
    ASSETS.map(async (asset) => {
      const url = new URL(asset, self.location).href;
      // 'reload' skips the HTTP cache: a stale index.html from it would pin old asset names.
      const response = await fetch(url, { cache: 'reload' });
      if (!response.ok) throw new Error(asset + ': HTTP ' + response.status);
      // A host that redirects index.html to its folder gives a redirected response, which the
      // browser refuses to use for a navigation: store a plain copy instead.
      const stored = response.redirected
        ? new Response(response.body, {
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
          })
        : response;
      await cache.put(url, stored);
    }),
  );
}

self.addEventListener('install', (event) => {
  // A failed download fails the install, so a half-filled cache never takes over; the browser
  // tries again on a later visit. The new build replaces the old one at once: every asset name
  // is hashed, so the old page keeps working with what it has already loaded.
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
      await Promise.all(stale.map((name) => caches.delete(name)));
      // Take over the page that installed this worker, so it is covered without a reload.
      await self.clients.claim();
    })(),
  );
});

async function cached(url) {
  const cache = await caches.open(CACHE);
  return cache.match(url, { ignoreSearch: true });
}

async function respond(request) {
  const url = new URL(request.url);
  if (request.mode === 'navigate') {
    // The lab's own address (with any ?scenario= or #preset=) is always the cached page.
    const hit = url.pathname === SCOPE_PATH ? await cached(INDEX_URL) : await cached(url.href);
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      const page = await cached(INDEX_URL);
      if (page) return page;
      throw error;
    }
  }
  const hit = await cached(url.href);
  return hit ?? fetch(request);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Only this origin's reads: anything else goes to the network as if there were no worker.
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(respond(request));
});
`;
}

/**
 * Writes dist/sw.js, the service worker that keeps the lab usable offline. It precaches exactly
 * what the build ships: the bundle (index.html, hashed JS and CSS) plus the copied public
 * folder; the cache version is a hash of those files' names and contents, so any change to the
 * build gives a new worker, and an unchanged build an identical one.
 */
function offlineWorker(): Plugin {
  let publicDir: string | false = false;
  return {
    name: 'logscope:offline-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.build.copyPublicDir && config.publicDir ? config.publicDir : false;
    },
    generateBundle: {
      // After Vite's own plugins, so index.html and the CSS are already in the bundle.
      order: 'post',
      handler(_options, bundle) {
        const files = new Map<string, string | Uint8Array>();
        for (const name of publicDir ? filesUnder(publicDir) : []) {
          files.set(name, fs.readFileSync(path.join(publicDir as string, name)));
        }
        for (const [name, output] of Object.entries(bundle)) {
          files.set(name, output.type === 'chunk' ? output.code : output.source);
        }
        // Source maps are for developer tools, which fetch them online.
        const assets = [...files.keys()].filter((name) => !name.endsWith('.map')).sort();
        if (!assets.includes('index.html'))
          this.error('offline worker: the build has no index.html to precache');
        if (assets.includes(WORKER_FILE))
          this.error(`offline worker: the build already has a ${WORKER_FILE}`);
        const hash = createHash('sha256');
        for (const name of assets)
          hash.update(name).update('\0').update(files.get(name)!).update('\0');
        const version = hash.digest('hex').slice(0, 16);
        this.emitFile({
          type: 'asset',
          fileName: WORKER_FILE,
          source: workerSource(version, assets),
        });
      },
    },
  };
}

// One config for the app build and for Vitest. Unit tests live beside their source; e2e specs
// belong to Playwright and must not be picked up here.
export default defineConfig({
  plugins: [react(), offlineWorker()],
  base: './',
  build: { target: 'es2022', sourcemap: false },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/app/loadDecoders.setup.ts'],
    environment: 'node',
    testTimeout: 60000,
  },
});
