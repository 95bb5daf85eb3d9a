import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { FORMAT_2021, SECTIONS } from '../../server/src/core/format/statute';
import { check } from '../../server/src/core/service';

// The grammar and snippets the extension contributes, held against the statute data they copy.

const grammar = JSON.parse(readFileSync('syntaxes/nianbao.tmLanguage.json', 'utf8'));
const snippets = JSON.parse(readFileSync('snippets/nianbao.json', 'utf8'));

/** A grammar rule's pattern; its Oniguruma syntax here is the subset JavaScript shares. */
const rule = (name: string) => new RegExp(grammar.repository[name].match);

/** The text a snippet inserts when every placeholder keeps its default (mirrors repeat it). */
function expand(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1], m[2]);
  return text.replace(/\$\{(\d+)(?::[^}]*)?\}|\$(\d+)/g, (_, a, b) => defaults.get(a ?? b) ?? '');
}

interface Snippet { prefix: string[]; body: string[] }
const snippet = (prefix: string) =>
  Object.values(snippets as Record<string, Snippet>).find((s) => s.prefix.includes(prefix))!;

describe('grammar', () => {
  it('marks the six section headings, with or without their numeral, and nothing else', () => {
    const heading = rule('section-heading');
    for (const s of SECTIONS) {
      for (const title of [s.title, ...s.variants]) {
        assert.match(`${s.numeral}、${title}`, heading);
        assert.match(title, heading);
        assert.match(`${s.number}、${title}`, heading);
      }
    }
    assert.doesNotMatch('一、本年新收政府信息公开申请数量', heading);
    assert.doesNotMatch('本年度总体情况良好，共收到申请23件。', heading);
  });

  it('marks the statute items of table 2 and the figures', () => {
    for (const r of FORMAT_2021.tables.find((t) => t.key === 't2')!.rows) assert.match(r.block!, rule('statute-item'));
    assert.equal('本年收费金额30.62万元，共２３件'.match(new RegExp(rule('number'), 'g'))?.join(' '), '30.62 ２３');
  });
});

describe('snippets', () => {
  it('the report template has the six statutory titles in order and a year placeholder in the title', () => {
    const body = snippet('年报模板').body;
    assert.deepEqual(snippet('nianbao-report'), snippet('年报模板'));
    assert.equal(body[0], '${1:2025}年政府信息公开工作年度报告');
    assert.deepEqual(body.filter((l) => /^[一二三四五六]、/.test(l)), SECTIONS.map((s) => `${s.numeral}、${s.title}`));
  });

  it('the report template with the table-4 skeleton reads as a report with an all-zero table 4', () => {
    const table4 = expand(snippet('nianbao-table4').body);
    const text = expand(snippet('nianbao-report').body).replace('（表四）', table4);
    const { report, findings } = check(text);
    assert.equal(report.looksLikeReport, true);
    assert.equal(report.year, 2025);
    assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    const cells = Object.values(report.tables.t4?.rows ?? {}).flatMap((r) => Object.values(r.cells));
    assert.equal(cells.length, 15);
    assert.ok(cells.every((c) => c.value === 0));
    assert.ok(!findings.some((f) => f.code.startsWith('table4')), JSON.stringify(findings));
  });
});

describe('commands', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  // VS Code's display language picks the file: Chinese for zh-cn, English (the default file) otherwise.
  const zh = JSON.parse(readFileSync('package.nls.zh-cn.json', 'utf8'));
  const en = JSON.parse(readFileSync('package.nls.json', 'utf8'));
  const client = readdirSync('client/src').map((f) => readFileSync(`client/src/${f}`, 'utf8')).join('\n');

  it('each has a Chinese and an English title and is registered by the client', () => {
    const commands: { command: string; title: string }[] = manifest.contributes.commands;
    assert.ok(commands.length >= 2);
    for (const { command, title } of commands) {
      const key = title.replace(/^%|%$/g, '');
      assert.match(zh[key], /[\u4e00-\u9fff]/, command);
      assert.match(en[key], /^[A-Z][ -~]+$/, command);
      assert.ok(client.includes(`registerCommand('${command}'`), `${command} is registered`);
    }
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  });
});

describe('workspace trust', () => {
  it('is declared safe in Restricted Mode and in virtual workspaces: it runs nothing from the workspace', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.deepEqual(manifest.capabilities, { untrustedWorkspaces: { supported: true }, virtualWorkspaces: true });
  });
});
