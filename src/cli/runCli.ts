/**
 * The CLI's logic, separate from the process so tests can call it: runs a scenario headless to
 * a virtual time and writes the summary JSON (exactly one JSON document) to `out`. Bad input
 * returns 2 with one line written to `err`; nothing throws out of here.
 */
import { createSimulation } from '../engine';
import { parseArgs } from './args';
import { loadScenario } from './loadScenario';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    const parsed = parseArgs(argv);
    if (!parsed.ok) return fail(io, parsed.error);
    const loaded = loadScenario(parsed.args.source);
    if (!loaded.ok) return fail(io, loaded.error);
    for (const warning of loaded.warnings) io.err(`warning: ${warning}\n`);
    const scenario = parsed.args.seed === undefined ? loaded.scenario : { ...loaded.scenario, seed: parsed.args.seed };
    const simulation = createSimulation(scenario);
    simulation.runUntil(Math.round(parsed.args.untilSeconds * 1000));
    io.out(`${JSON.stringify(simulation.summary(), null, 2)}\n`);
    return 0;
  } catch (error) {
    io.err(`logscope sim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function fail(io: CliIo, message: string): number {
  io.err(`logscope sim: ${message}\n`);
  return 2;
}
