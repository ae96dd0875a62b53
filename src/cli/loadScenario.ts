/**
 * Resolves the CLI's scenario argument: a preset id, or a path to a scenario JSON file,
 * validated exactly as links and files are in the app.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { limits, type Scenario } from '../engine';
import { findPreset, PRESETS } from '../scenarios/presets';
import { formatScenarioErrors, parseScenarioJson } from '../scenarios/parseScenario';

export type Loaded = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string };

/** Scenario files are read up to the input limit, in bytes. */
const MAX_FILE_BYTES = limits.MAX_INPUT_CHARS;

export function loadScenario(source: string): Loaded {
  const preset = findPreset(source);
  if (preset) return { ok: true, scenario: preset.scenario, warnings: [] };
  if (!source.toLowerCase().endsWith('.json')) {
    return { ok: false, error: `"${source}" is neither a preset (${PRESETS.map((p) => p.id).join(', ')}) nor a .json file` };
  }
  const read = readRegularFile(source);
  if (!read.ok) return read;
  const text = read.text;
  const parsed = parseScenarioJson(text);
  if (!parsed.ok) return { ok: false, error: `${source}: ${formatScenarioErrors(parsed.errors).split('\n').join('; ')}` };
  return { ok: true, scenario: parsed.scenario, warnings: parsed.warnings };
}

/**
 * Reads a regular file of at most MAX_FILE_BYTES. The type is checked before opening, because
 * opening a named pipe blocks until a writer comes and a device such as /dev/zero never ends;
 * the read stops one byte past the limit, whatever the file claims its size is.
 */
function readRegularFile(path: string): { ok: true; text: string } | { ok: false; error: string } {
  let fd: number | undefined;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) {
      const kind = stats.isDirectory() ? 'a directory' : stats.isFIFO() ? 'a named pipe' : stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : stats.isSocket() ? 'a socket' : 'not a regular file';
      return { ok: false, error: `${path} is ${kind}; the scenario must be a regular .json file` };
    }
    if (stats.size > MAX_FILE_BYTES) return { ok: false, error: `${path} is ${stats.size} bytes; scenario files are limited to ${MAX_FILE_BYTES}` };
    fd = openSync(path, 'r');
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > MAX_FILE_BYTES) return { ok: false, error: `${path} is more than ${MAX_FILE_BYTES} bytes; scenario files are limited to ${MAX_FILE_BYTES}` };
    }
    return { ok: true, text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: code === 'ENOENT' ? `no such file: ${path}` : `cannot read ${path}: ${code ?? String(error)}` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
