// zod/mini, not zod: the same checks in ~30 KB of bundle instead of ~700 KB, ~100 ms of server start-up.
import * as z from 'zod/mini';
import { RULES } from './rules/index';
import type { Severity } from './rules/types';

// The user's options: the editor settings `nianbao.*` and a workspace file `.nianbao.json` with the
// same keys, for offices that share one setup. The zod schema below is the one definition: the
// server checks both sources with it, schemas/nianbao.schema.json is generated from it and the
// contributions test holds package.json's `contributes.configuration` against it.
//
// Precedence, per key: built-in defaults < .nianbao.json < the editor settings the user has set
// (user, workspace or folder). `rules` merge per rule code, so a workspace file can turn a rule off
// and a user can still change another rule's severity.

export const LEVELS = ['off', 'error', 'warning', 'information', 'hint'] as const;
export type Level = (typeof LEVELS)[number];

const Level = z.enum(LEVELS);
const described = <T extends z.ZodMiniType>(schema: T, description: string) => z.optional(schema.check(z.describe(description)));

/** The choices of each setting with a fixed set of values. */
const CHOICES = {
  validate: z.enum(['onType', 'onSave']),
  inlayHints: z.enum(['wrongTotals', 'off']),
  language: z.enum(['zh', 'en', 'auto']),
};
/** Only in .nianbao.json (they name files of the folder it is in): the checks across years. */
const AcrossYears = z.strictObject({
  previous: z.optional(z.record(z.string(), z.nullable(z.string())).check(z.describe(
    '每份报告的上年报告，写明时不按机关名称和年度配对；路径相对于本文件所在的文件夹；null 表示没有上年报告。· Last year\'s report of a report, instead of pairing by body and year; paths relative to this file\'s folder; null: none.'))),
  copiedTextWarning: z.optional(z.number().check(z.gte(0), z.lte(1), z.describe(
    '一个部分照搬上年报告的文字超过这一比例时，copied-text 为警告（默认 0.5）。· Above this share of a section copied from last year, copied-text is a warning (default 0.5).'))),
});
/** The keys only .nianbao.json has: the editor's settings have no such entries. */
export const FILE_ONLY_SETTINGS = ['acrossYears'];
const Rules = z.strictObject(Object.fromEntries(RULES.map((r) => [r.code, described(Level, `${r.title.zh} · ${r.title.en}`)])));

export const SettingsSchema = z.strictObject({
  $schema: z.optional(z.string()),
  validate: described(CHOICES.validate, '何时检查：输入时（默认）或保存时。· When to check: as you type (default) or on save.'),
  rules: described(Rules, '按规则代码关闭规则（off）或改变其严重程度。· Turn a rule off or change its severity, by rule code.'),
  inlayHints: described(CHOICES.inlayHints, '在勾稽关系不符的格子旁显示应填的数（默认），或不显示。· Show the value the identities determine next to a wrong cell (default), or nothing.'),
  language: described(CHOICES.language, '检查结果和修正的语言：中文（默认）、English，或跟随 VS Code 显示语言（auto）。· The language of diagnostics and fixes.'),
  acrossYears: described(AcrossYears, '与上年报告的核对（只在 .nianbao.json 中）。· Checks against last year\'s report (in .nianbao.json only).'),
});

export interface Settings {
  validate: 'onType' | 'onSave';
  /** Only the rules whose level differs from their default need be here. */
  rules: Partial<Record<string, Level>>;
  inlayHints: 'wrongTotals' | 'off';
  language: 'zh' | 'en' | 'auto';
  /** From .nianbao.json only; `previous` paths are relative to its folder. */
  acrossYears?: { previous?: Record<string, string | null>; copiedTextWarning?: number };
}

export const DEFAULT_SETTINGS: Settings = { validate: 'onType', rules: {}, inlayHints: 'wrongTotals', language: 'zh' };

/** The JSON schema of .nianbao.json (draft 7, which VS Code's JSON editor reads fully). */
export const settingsJsonSchema = () => z.toJSONSchema(SettingsSchema, { target: 'draft-7', io: 'input' });

/**
 * The valid part of a raw settings object (from the editor or a file): each key is checked on its
 * own, so one typo costs that key, never the others. `problems` lists what was ignored, for one log line.
 */
export function readSettings(raw: unknown): { settings: Partial<Settings>; problems: string[] } {
  const settings: Partial<Settings> = {}, problems: string[] = [];
  if (raw === null || raw === undefined) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) return { settings, problems: ['not an object'] };
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === null || key === '$schema') continue;
    if (key === 'rules') {
      if (typeof value !== 'object' || Array.isArray(value)) { problems.push('rules: not an object'); continue; }
      const rules: Partial<Record<string, Level>> = {};
      for (const [code, level] of Object.entries(value)) {
        if (!(code in Rules.shape)) problems.push(`rules.${code}: no such rule`);
        else if (!Level.safeParse(level).success) problems.push(`rules.${code}: ${JSON.stringify(level)} is not one of ${LEVELS.join('|')}`);
        else rules[code] = level as Level;
      }
      settings.rules = rules;
    } else if (key === 'acrossYears') {
      const parsed = AcrossYears.safeParse(value);
      if (parsed.success) settings.acrossYears = parsed.data;
      else problems.push(`acrossYears: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join(', ')}`);
    } else if (key === 'validate' || key === 'inlayHints' || key === 'language') {
      const parsed = CHOICES[key].safeParse(value);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
      else problems.push(`${key}: ${JSON.stringify(value)} is not one of ${CHOICES[key].options.join('|')}`);
    } else {
      problems.push(`${key}: no such setting`);
    }
  }
  return { settings, problems };
}

/** Later sources win, key by key; `rules` merge rule by rule. */
export function mergeSettings(...sources: Partial<Settings>[]): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  for (const s of sources) {
    if (s.validate) out.validate = s.validate;
    if (s.inlayHints) out.inlayHints = s.inlayHints;
    if (s.language) out.language = s.language;
    if (s.rules) Object.assign(out.rules, s.rules);
    if (s.acrossYears) out.acrossYears = s.acrossYears;
  }
  return out;
}

/** The findings as the settings want them shown: a rule turned off is dropped, a changed severity applied. */
export function applyRuleLevels<F extends { code: string; severity: Severity }>(findings: F[], rules: Settings['rules']): F[] {
  const out: F[] = [];
  for (const f of findings) {
    const level = rules[f.code];
    if (level === 'off') continue;
    out.push(level && level !== f.severity ? { ...f, severity: level } : f);
  }
  return out;
}
