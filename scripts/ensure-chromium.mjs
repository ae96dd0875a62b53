#!/usr/bin/env node
// Makes sure a Chromium binary exists for Playwright before the e2e suite starts.
//
// Playwright's own browser download cannot reach its host on these machines, so the e2e suite
// uses Debian's `chromium` package (README, "Run it"). Looks at $CHROMIUM_PATH, else
// /usr/bin/chromium (the same default as playwright.config.ts). When it is missing and we are
// root with apt-get, installs it; otherwise prints the exact command to run and exits 1.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_PATH;

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function run(command) {
  console.log(`ensure-chromium: ${command}`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`ensure-chromium: "${command}" failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

if (isExecutable(chromiumPath)) {
  process.exit(0);
}

if (process.env.CHROMIUM_PATH) {
  console.error(
    `ensure-chromium: CHROMIUM_PATH=${chromiumPath} is not an executable file.\n` +
      `Point CHROMIUM_PATH at a Chromium binary, or unset it and run: sudo apt-get install chromium`,
  );
  process.exit(1);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && hasAptGet()) {
  console.log(`ensure-chromium: ${DEFAULT_PATH} not found, installing Debian's chromium package.`);
  run('apt-get update');
  run('DEBIAN_FRONTEND=noninteractive apt-get install -y chromium');
  if (isExecutable(DEFAULT_PATH)) process.exit(0);
  console.error(`ensure-chromium: installed chromium but ${DEFAULT_PATH} is still missing.`);
  process.exit(1);
}

console.error(
  `ensure-chromium: Chromium not found at ${DEFAULT_PATH}.\n` +
    'Install it with:  sudo apt-get install chromium\n' +
    'or point CHROMIUM_PATH at an existing Chromium/Chrome binary, e.g.\n' +
    '  CHROMIUM_PATH=/path/to/chromium npm test',
);
process.exit(1);
