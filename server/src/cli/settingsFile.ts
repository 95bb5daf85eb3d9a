import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, type Settings } from '../core/settings';

// The command line's share of .nianbao.json (the editor's: server/src/lsp/config.ts): the nearest
// one in the folder of the file checked or above it, up to the repository root (a folder with .git)
// or the file system's root. Not wired in yet: the caller applies `rules` with applyRuleLevels
// (core/settings.ts) to each file's findings; `validate` and `inlayHints` mean nothing here, and
// --locale says the language.

export interface SettingsFile { path?: string; settings: Partial<Settings>; problems: string[] }

export function settingsFileFor(file: string): SettingsFile {
  for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
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
