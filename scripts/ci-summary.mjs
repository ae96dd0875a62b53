#!/usr/bin/env node
// Prints one CI line summed over Vitest's and Playwright's JSON reports, as the LAST line:
//
//   tests: N passed, N failed, N skipped
//
// Usage: node scripts/ci-summary.mjs [unitReport] [e2eReport]
//   defaults: $UNIT_REPORT or reports/unit.json, $E2E_REPORT or reports/e2e.json (from repo root)
//
// Exit code 1 when anything failed, when a report is missing or unreadable, or when nothing ran
// (zero tests passed or failed). Things that are not tests but still mean "broken" are counted as
// failures so the line and the exit code never disagree: a missing or unreadable report, a Vitest
// file that failed without a failing test (import error, failing hook), and each Playwright
// top-level error (spec that does not compile, web server that does not start).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fromRoot = (relative) => path.resolve(repoRoot, relative);

const unitPath = path.resolve(
  process.argv[2] ?? process.env.UNIT_REPORT ?? fromRoot('reports/unit.json'),
);
const e2ePath = path.resolve(
  process.argv[3] ?? process.env.E2E_REPORT ?? fromRoot('reports/e2e.json'),
);

const isCount = (value) => Number.isInteger(value) && value >= 0;
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')[0]
    .slice(0, 200);
const display = (file) => path.relative(process.cwd(), file) || file;

/** @returns {{ passed: number, failed: number, skipped: number, notes: string[] }} */
function readReport(file, runner, summarise) {
  if (!existsSync(file)) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`missing report ${display(file)} (did ${runner} run?)`],
    };
  }
  let report;
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`unreadable report ${display(file)}: ${firstLine(error.message)}`],
    };
  }
  try {
    return summarise(report);
  } catch (error) {
    return {
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [
        `unexpected ${runner} report format in ${display(file)}: ${firstLine(error.message)}`,
      ],
    };
  }
}

/** Vitest `--reporter=json`: numPassedTests, numFailedTests, numPendingTests (skipped), numTodoTests. */
function summariseVitest(report) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults } = report;
  if (
    ![numPassedTests, numFailedTests, numPendingTests, numTodoTests].every(isCount) ||
    !Array.isArray(testResults)
  ) {
    throw new Error(
      'expected numPassedTests, numFailedTests, numPendingTests, numTodoTests, testResults',
    );
  }
  const notes = [];
  // A file can fail with no failing test: it threw on import, or a hook failed (its tests then
  // show as skipped). Count each such file once.
  let brokenFiles = 0;
  for (const result of testResults) {
    const hasFailedTest = (result.assertionResults ?? []).some((test) => test.status === 'failed');
    if (result.status === 'failed' && !hasFailedTest) {
      brokenFiles += 1;
      notes.push(
        `test file failed outside any test: ${display(result.name)}: ${firstLine(result.message) || 'see log above'}`,
      );
    }
  }
  return {
    passed: numPassedTests,
    failed: numFailedTests + brokenFiles,
    skipped: numPendingTests + numTodoTests,
    notes,
  };
}

/** Playwright `json` reporter: stats.expected / unexpected / flaky / skipped, plus top-level errors. */
function summarisePlaywright(report) {
  const stats = report.stats ?? {};
  const { expected, unexpected, flaky, skipped } = stats;
  if (![expected, unexpected, flaky, skipped].every(isCount)) {
    throw new Error('expected stats.expected, stats.unexpected, stats.flaky, stats.skipped');
  }
  const errors = Array.isArray(report.errors) ? report.errors : [];
  const notes = errors.map(
    (error) => `playwright error: ${firstLine(error.message ?? error.value)}`,
  );
  if (flaky > 0)
    notes.push(`${flaky} flaky e2e test(s) passed only on retry: counted as passed, fix them`);
  return { passed: expected + flaky, failed: unexpected + errors.length, skipped, notes };
}

const runs = [
  { name: 'unit (vitest)', ...readReport(unitPath, 'vitest', summariseVitest) },
  { name: 'e2e (playwright)', ...readReport(e2ePath, 'playwright', summarisePlaywright) },
];

const total = { passed: 0, failed: 0, skipped: 0 };
for (const run of runs) {
  console.log(`${run.name}: ${run.passed} passed, ${run.failed} failed, ${run.skipped} skipped`);
  for (const note of run.notes) console.log(`  ${note}`);
  total.passed += run.passed;
  total.failed += run.failed;
  total.skipped += run.skipped;
}

const nothingRan = total.passed + total.failed === 0;
if (nothingRan) console.log('no tests ran');

console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 || nothingRan ? 1 : 0;
