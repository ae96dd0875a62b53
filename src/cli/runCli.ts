/**
 * The CLI's logic, separate from the process so tests can call it: runs a scenario headless to
 * a virtual time and writes the summary JSON (exactly one JSON document) to `out`. Bad input
 * returns 2 with one line written to `err`; nothing throws out of here.
 */
import { createSimulation, NoProgressError } from '../engine';
import { describeRate, estimateWork, millions, WORK_BUDGET, workBudgetEndMs } from '../scenarios/workBudget';
import { DATA_EXPORTS, dataExport } from '../share';
import { parseArgs } from './args';
import { writeExports } from './writeExports';
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
    const untilMs = Math.round(parsed.args.untilSeconds * 1000);
    const estimate = estimateWork(scenario);
    const endMs = workBudgetEndMs(estimate);
    if (untilMs > endMs) {
      return fail(
        io,
        `--until ${parsed.args.untilSeconds} is past what the work budget allows for this scenario: at ${describeRate(estimate)} ` +
          `it can run to ${(endMs / 1000).toFixed(3).replace(/\.?0+$/, '')} s at most (budget: ${millions(WORK_BUDGET)} units of work)`,
      );
    }
    const simulation = createSimulation(scenario);
    simulation.runUntil(untilMs);
    if (parsed.args.exportDir !== undefined) {
      const files = DATA_EXPORTS.map(({ name }) => dataExport(name, simulation, { scenario, interventions: [] }));
      const written = writeExports(parsed.args.exportDir, files);
      if (!written.ok) return fail(io, written.error);
    }
    io.out(`${JSON.stringify(simulation.summary({ fullReadModels: parsed.args.fullReadModels }), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof NoProgressError) return fail(io, error.message);
    io.err(`logscope sim: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function fail(io: CliIo, message: string): number {
  io.err(`logscope sim: ${message}\n`);
  return 2;
}
