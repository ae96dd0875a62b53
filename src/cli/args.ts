/**
 * Argument parsing for `npm run sim -- <scenario.json | preset id> --until <seconds> [--seed n]`.
 * Returns a typed result or one sentence saying what is wrong; never throws.
 */
export interface SimArgs {
  source: string;
  untilSeconds: number;
  seed: number | undefined;
  /** Every read model's every entity in the summary (default: the newest 1,000 per listing). */
  fullReadModels: boolean;
  /** A folder to write the run's data files into (the page's Export… data items). */
  exportDir: string | undefined;
}

const USAGE = 'usage: npm run sim -- <scenario.json | preset id> --until <seconds> [--seed n] [--full-read-models] [--export <dir>]';
const MAX_SECONDS = 86_400;

export function parseArgs(argv: readonly string[]): { ok: true; args: SimArgs } | { ok: false; error: string } {
  let source: string | undefined;
  let until: number | undefined;
  let seed: number | undefined;
  let fullReadModels = false;
  let exportDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--full-read-models') {
      fullReadModels = true;
    } else if (arg === '--export') {
      const value = argv[i + 1];
      if (value === undefined || value.trim() === '' || value.startsWith('-')) return { ok: false, error: `--export needs a folder. ${USAGE}` };
      exportDir = value;
      i++;
    } else if (arg === '--until' || arg === '--seed') {
      const value = argv[i + 1];
      if (value === undefined) return { ok: false, error: `${arg} needs a value. ${USAGE}` };
      i++;
      const number = Number(value);
      if (arg === '--until') {
        if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > MAX_SECONDS) {
          return { ok: false, error: `--until must be a number of seconds from 0 to ${MAX_SECONDS} (got "${value}")` };
        }
        until = number;
      } else {
        if (!/^\d+$/.test(value) || number > 4_294_967_295) {
          return { ok: false, error: `--seed must be an integer from 0 to 4294967295 (got "${value}")` };
        }
        seed = number;
      }
    } else if (arg.startsWith('-')) {
      return { ok: false, error: `unknown option "${arg}". ${USAGE}` };
    } else if (source === undefined) {
      source = arg;
    } else {
      return { ok: false, error: `unexpected argument "${arg}". ${USAGE}` };
    }
  }
  if (source === undefined) return { ok: false, error: `missing scenario file or preset id. ${USAGE}` };
  if (until === undefined) return { ok: false, error: `missing --until <seconds>. ${USAGE}` };
  return { ok: true, args: { source, untilSeconds: until, seed, fullReadModels, exportDir } };
}
