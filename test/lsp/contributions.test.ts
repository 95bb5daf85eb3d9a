import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { FORMAT_2021, SECTION_OF, SECTIONS, TABLE_KEYS, tableSpec, type FormatVersion } from '../../server/src/core/format/statute';
import type { Report } from '../../server/src/core/model';
import { check } from '../../server/src/core/service';
import { snippetsFile } from '../../scripts/snippets';
import { expand, snippet } from './snippetText';

// The grammar and snippets the extension contributes, held against the statute data they copy.

const grammar = JSON.parse(readFileSync('syntaxes/nianbao.tmLanguage.json', 'utf8'));

/** A grammar rule's pattern; its Oniguruma syntax here is the subset JavaScript shares. */
const rule = (name: string) => new RegExp(grammar.repository[name].match);

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
  const TABLE_PREFIXES: Record<TableKey, string[]> = {
    t2: ['nianbao-table2', '表二', 'biao2', 'nianbao-table2-md', '表二md', 'biao2-md'],
    t3: ['nianbao-table3', '表三', 'biao3', 'nianbao-table3-md', '表三md', 'biao3-md'],
    t4: ['nianbao-table4', '表四', 'biao4', 'nianbao-table4-md', '表四md', 'biao4-md'],
  };

  /** Every statutory cell of the report's tables, with its value: none may be missing. */
  function assertAllZero(report: Report, version: FormatVersion, keys: TableKey[] = TABLE_KEYS) {
    for (const key of keys) {
      const table = report.tables[key];
      assert.ok(table, `${key} is read`);
      // Table 4 is the same in both formats; the reader calls it 2021.
      if (key !== 't4') assert.equal(table.version, version, key);
      assert.deepEqual(table.problems, [], key);
      for (const r of tableSpec(version, key).rows.filter((x) => !x.isGroup)) {
        for (const c of r.columns) assert.equal(table.rows[r.key]?.cells[c]?.value, 0, `${key} ${r.key} ${c}`);
      }
    }
  }

  it('snippets/nianbao.json is what scripts/gen-snippets.mjs makes from the statute (run it after changing the format data)', () => {
    assert.equal(readFileSync('snippets/nianbao.json', 'utf8'), snippetsFile());
  });

  it('the report templates have the six statutory titles in order and tab stops for the body and the year', () => {
    for (const prefix of ['年报模板', '年报模板2019']) {
      const body = snippet(prefix).body;
      assert.match(body[0], /^\$\{1:某某区人民政府\}\$\{2:20\d\d\}年政府信息公开工作年度报告$/);
      assert.deepEqual(body.filter((l) => /^[一二三四五六]、/.test(l) && !l.includes('\t')), SECTIONS.map((s) => `${s.numeral}、${s.title}`));
    }
    assert.deepEqual(snippet('nianbao-report'), snippet('年报模板'));
    assert.deepEqual(snippet('nianbao-report-2019'), snippet('年报模板2019'));
  });

  for (const [prefix, version, year] of [['nianbao-report', '2021', 2025], ['nianbao-report-2019', '2019', 2020]] as const) {
    it(`${prefix}, inserted as it comes, is a ${year} report in the ${version} format with every cell 0 and no error or warning`, () => {
      const { report, findings } = check(expand(snippet(prefix).body));
      assert.equal(report.year, year);
      assert.equal(report.format, version);
      assert.deepEqual(report.sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
      assertAllZero(report, version);
      assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
    });
  }

  for (const key of TABLE_KEYS) {
    for (const prefix of TABLE_PREFIXES[key]) {
      it(`${prefix} is read back in a report with every cell bound`, () => {
        const table = expand(snippet(prefix).body);
        // The template's own table replaced by the snippet's: the lines from the table's section heading to the next one.
        const section = SECTIONS[SECTION_OF[key] - 1], next = SECTIONS[SECTION_OF[key]];
        const text = expand(snippet('nianbao-report').body)
          .replace(new RegExp(`(${section.numeral}、${section.title}\n\n)[^]*?(\n\n${next.numeral}、)`), (_, a, b) => a + table.trimEnd() + b);
        const { report, findings } = check(text);
        assert.ok(text.includes(table.trimEnd()));
        assertAllZero(report, '2021');
        assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning'), []);
      });
    }
  }
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
