import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, type Settings } from '../core/settings';

// The command line's share of .nianbao.json (the editor's: server/src/lsp/config.ts): the nearest
// one in the folder of the file checked or above it, up to the repository root (a folder with .git)
// or the file system's root. The batch applies its `rules` to each file's findings; `validate` and
// `inlayHints` mean nothing here, and --locale says the language.

export interface SettingsFile { path?: string; settings: Partial<Settings>; problems: string[]; told?: boolean }

/** Per folder: a batch's files share a few folders, and each look-up is a climb to the root. */
const found = new Map<string, SettingsFile>();

export function settingsFileFor(file: string): SettingsFile {
  const folder = path.dirname(path.resolve(file));
  let known = found.get(folder);
  if (!known) found.set(folder, known = look(folder));
  return known;
}

function look(folder: string): SettingsFile {
  for (let dir = folder; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '.nianbao.json');
    if (existsSync(candidate)) {
      try {
        return { path: candidate, ...readSettings(JSON.parse(readFileSync(candidate, 'utf8').replace(/^\uFEFF/, ''))) };
      } catch (error) {
        return { path: candidate, settings: {}, problems: [error instanceof Error ? error.message : String(error)] };
      }
    }
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return { settings: {}, problems: [] };
  }
}
