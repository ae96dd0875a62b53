/**
 * `npm run sim -- <scenario.json | preset id> --until <seconds> [--seed n] [--full-read-models]`:
 * prints the summary
 * JSON on stdout. Bad input exits 2 with one line on stderr, never a stack trace.
 */
import { runCli } from './runCli';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
