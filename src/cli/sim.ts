/**
 * `npm run sim -- <scenario.json | preset id> --until <seconds> [--seed n] [--full-read-models] [--export <dir>]`:
 * prints the summary JSON on stdout and, with --export, writes the run's data files into that
 * folder. Bad input exits 2 with one line on stderr, never a stack trace.
 */
import { runCli } from './runCli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
