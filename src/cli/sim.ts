/**
 * The CLI: runs a scenario headless to a virtual time and prints the summary JSON (exactly one
 * JSON document on stdout). Bad input exits 2 with one line on stderr, never a stack trace.
 */
import { createSimulation } from '../engine';
import { parseArgs } from './args';
import { loadScenario } from './loadScenario';

function main(argv: readonly string[]): number {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return fail(parsed.error);
  const loaded = loadScenario(parsed.args.source);
  if (!loaded.ok) return fail(loaded.error);
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${warning}\n`);
  const scenario = parsed.args.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: parsed.args.seed };
  const simulation = createSimulation(scenario);
  simulation.runUntil(Math.round(parsed.args.untilSeconds * 1000));
  process.stdout.write(`${JSON.stringify(simulation.summary(), null, 2)}\n`);
  return 0;
}

function fail(message: string): number {
  process.stderr.write(`logscope sim: ${message}\n`);
  return 2;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`logscope sim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
