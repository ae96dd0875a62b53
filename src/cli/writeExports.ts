/**
 * `--export <dir>`: the run's data files written into a folder (made if missing). A path that is
 * not a folder, or a write that fails, gives one sentence; nothing throws.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFile } from '../share';

export function writeExports(dir: string, files: readonly ExportFile[]): { ok: true } | { ok: false; error: string } {
  try {
    let isFolder = false;
    try {
      isFolder = statSync(dir).isDirectory();
      if (!isFolder) return { ok: false, error: `--export ${dir} is not a folder` };
    } catch {
      mkdirSync(dir, { recursive: true });
    }
    for (const file of files) writeFileSync(join(dir, file.name), file.text);
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, error: `--export ${dir} could not be written${code ? ` (${code})` : ''}` };
  }
}
