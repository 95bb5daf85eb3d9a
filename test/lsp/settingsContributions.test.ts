import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { settingsFileFor } from '../../server/src/cli/settingsFile';
import { RULES } from '../../server/src/core/service';
import { DEFAULT_SETTINGS, FILE_ONLY_SETTINGS, LEVELS, mergeSettings, readSettings, settingsJsonSchema } from '../../server/src/core/settings';

// The settings' three faces held against the one zod schema (server/src/core/settings.ts): the JSON
// schema of .nianbao.json, package.json's contributes.configuration, and the strings of both locales.
// NIANBAO_UPDATE_SCHEMA=1 npm test writes schemas/nianbao.schema.json anew.

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const en = JSON.parse(readFileSync('package.nls.json', 'utf8'));
const zh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
const SCHEMA = 'schemas/nianbao.schema.json';

describe('settings schema', () => {
  it('schemas/nianbao.schema.json is generated from the zod schema', () => {
    const generated = JSON.stringify(settingsJsonSchema(), null, 2) + '\n';
    if (process.env.NIANBAO_UPDATE_SCHEMA) writeFileSync(SCHEMA, generated);
    assert.equal(readFileSync(SCHEMA, 'utf8'), generated, 'stale: run NIANBAO_UPDATE_SCHEMA=1 npm test');
    const [validation] = manifest.contributes.jsonValidation;
    assert.deepEqual(validation, { fileMatch: '.nianbao.json', url: './schemas/nianbao.schema.json' });
    assert.ok(readFileSync('.vscodeignore', 'utf8').includes('!schemas/**'), 'the schema ships in the .vsix');
  });

  it('contributes.configuration has every setting of the zod schema, with the same values and defaults', () => {
    const props = manifest.contributes.configuration.properties;
    const schema = settingsJsonSchema() as { properties: Record<string, { enum?: string[]; properties?: Record<string, { enum: string[] }> }> };
    assert.deepEqual(Object.keys(props).sort(), Object.keys(schema.properties).filter((k) => k !== '$schema' && !FILE_ONLY_SETTINGS.includes(k)).map((k) => `nianbao.${k}`).sort());
    for (const key of ['validate', 'inlayHints', 'language'] as const) {
      assert.deepEqual(props[`nianbao.${key}`].enum, schema.properties[key].enum, key);
      assert.equal(props[`nianbao.${key}`].default, DEFAULT_SETTINGS[key], key);
      assert.ok(schema.properties[key].enum?.includes(DEFAULT_SETTINGS[key]), key);
    }
    const rules = props['nianbao.rules'];
    assert.deepEqual(rules.propertyNames.enum, RULES.map((r) => r.code));
    assert.deepEqual(Object.keys(schema.properties.rules.properties ?? {}), RULES.map((r) => r.code));
    for (const r of Object.values(schema.properties.rules.properties ?? {})) assert.deepEqual(r.enum, [...LEVELS]);
    assert.deepEqual(rules.additionalProperties.enum, [...LEVELS]);
    assert.deepEqual(rules.default, {});
  });

  it('every setting and command has its English (default) and Chinese strings', () => {
    const keys = [...JSON.stringify(manifest.contributes).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const key of keys) {
      assert.match(zh[key] ?? '', /[\u4e00-\u9fff]|^English$/, `zh-cn: ${key}`);
      assert.ok(en[key] && !/[\u4e00-\u9fff]/.test(en[key]), `en: ${key}`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const { command } of manifest.contributes.commands) assert.ok(keys.includes(`command.${command.replace(/^nianbao\./, '')}`), command);
  });
});

describe('settings parsing', () => {
  it('keeps the valid keys and names the rest', () => {
    const { settings, problems } = readSettings({ validate: 'onSave', inlayHints: 'sometimes', rules: { 'cell-unit': 'off', nope: 'off', 'cell-blank': 'loud' }, extra: 1 });
    assert.deepEqual(settings, { validate: 'onSave', rules: { 'cell-unit': 'off' } });
    assert.equal(problems.length, 4, problems.join('; '));
    assert.deepEqual(readSettings('onSave').problems, ['not an object']);
    assert.deepEqual(readSettings(undefined), { settings: {}, problems: [] });
  });

  it('merges later sources over earlier ones, rules rule by rule', () => {
    const merged = mergeSettings({ validate: 'onSave', rules: { 'cell-unit': 'off', 'cell-blank': 'hint' } }, { rules: { 'cell-blank': 'error' } });
    assert.deepEqual(merged, { ...DEFAULT_SETTINGS, validate: 'onSave', rules: { 'cell-unit': 'off', 'cell-blank': 'error' } });
    assert.deepEqual(DEFAULT_SETTINGS.rules, {}, 'merging leaves the defaults alone');
  });
});

describe('client strings (vscode.l10n)', () => {
  const bundle = JSON.parse(readFileSync('l10n/bundle.l10n.zh-cn.json', 'utf8')) as Record<string, string>;
  const sources = readdirSync('client/src').filter((f) => f.endsWith('.ts')).map((f) => readFileSync(`client/src/${f}`, 'utf8')).join('\n');
  // The messages are English source strings in single quotes or backquote-free template literals with {0} placeholders.
  const messages = [...sources.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => m[1].replace(/\\'/g, "'"));

  it('every message of the client has its Chinese translation, with the same placeholders, and no translation is stale', () => {
    assert.ok(messages.length > 10, 'the client speaks through l10n.t');
    for (const m of messages) {
      assert.ok(bundle[m], `no Chinese for: ${m}`);
      assert.deepEqual(bundle[m].match(/\{\d+\}/g)?.sort() ?? [], m.match(/\{\d+\}/g)?.sort() ?? [], m);
    }
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.includes(k)), [], 'translations nothing uses');
    assert.equal(manifest.l10n, './l10n');
    assert.ok(existsSync('l10n/bundle.l10n.zh-cn.json'));
  });

  it('no user-visible Chinese is left in the client outside the bundle', () => {
    const code = sources.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    assert.deepEqual(code.match(/'[^'\n]*[\u4e00-\u9fff][^'\n]*'|`[^`]*[\u4e00-\u9fff][^`]*`/g) ?? [], []);
  });
});

describe('.nianbao.json for the command line', () => {
  it('is the nearest one above the file, and a broken one says why', () => {
    const root = mkdtempSync(join(tmpdir(), 'nianbao-cli-settings-'));
    try {
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
      // (Each folder is looked up once per run: the cases below ask from folders not asked before.)
      assert.deepEqual(settingsFileFor(join(root, 'a', 'b', 'c', 'r.txt')), { settings: {}, problems: [] }, 'none up to the repository root');
      writeFileSync(join(root, '.nianbao.json'), '{"rules": {"cell-unit": "off"}}');
      writeFileSync(join(root, 'a', '.nianbao.json'), '\uFEFF{"rules": {"cell-blank": "hint"}, "validate": "never"}');
      const found = settingsFileFor(join(root, 'a', 'b', 'r.txt'));
      assert.equal(found.path, join(root, 'a', '.nianbao.json'));
      assert.deepEqual(found.settings, { rules: { 'cell-blank': 'hint' } });
      assert.equal(found.problems.length, 1);
      writeFileSync(join(root, 'a', '.nianbao.json'), '{');
      assert.equal(settingsFileFor(join(root, 'a', 'r.txt')).problems.length, 1);
      assert.deepEqual(settingsFileFor(join(root, 'r.txt')).settings, { rules: { 'cell-unit': 'off' } });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
