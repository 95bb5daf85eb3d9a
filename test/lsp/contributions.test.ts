import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { FORMAT_2021, SECTION_OF, SECTIONS, TABLE_KEYS, tableSpec, type FormatVersion } from '../../server/src/core/format/statute';
import type { Report } from '../../server/src/core/model';
import { readHeading } from '../../server/src/core/parse/sections';
import { check } from '../../server/src/core/service';
import { documentKind, EXTENSIONS } from '../../server/src/import/formats';
import { snippetsFile } from '../../scripts/snippets';
import { expand, snippet } from './snippetText';

// The grammar and snippets the extension contributes, held against the statute data they copy.

const grammar = JSON.parse(readFileSync('syntaxes/nianbao.tmLanguage.json', 'utf8'));

/** A grammar rule's pattern; its Oniguruma syntax here is the subset JavaScript shares. */
const rule = (name: string) => new RegExp(grammar.repository[name].match);
/** Each statutory title and variant, as printed, to its section. */
const SECTION_OF_TITLE = new Map(SECTIONS.flatMap((s) => [s.title, ...s.variants].map((t) => [t, s.number] as const)));

describe('grammar', () => {
  const heading = rule('section-heading');
  const FULL_WIDTH = '０１２３４５６７８９';
  /** The numberings drafts put before a title, as readHeading reads them (numbering.ts readNumbering). */
  const numberings = (numeral: string, number: number) => [
    '', `${numeral}、`, `${numeral}.`, `${numeral}．`, `${numeral}，`, `${numeral} `, `${numeral}　`, `${numeral} 、 `,
    `${number}、`, `${number}.`, `${number}. `, `${FULL_WIDTH[number]}．`, `0${number}、`,
    `第${numeral}部分`, `第${numeral}部分 `, `第${numeral}部分：`, `第${numeral}部分:`, `第${number}部分　`,
  ];
  /** What Markdown and word processors put around a heading line. */
  const WRAPPINGS = [(h: string) => h, (h: string) => `**${h}**`, (h: string) => `## ${h}`, (h: string) => `### ${h}：`,
    (h: string) => `  ${h} `, (h: string) => `> ${h}`, (h: string) => `${h}:`, (h: string) => `\u3000\u3000${h}`];

  it('marks every heading form the parser reads: 二、 二. 二． 2、 第二部分(：) **…** ## …, each title and variant', () => {
    let lines = 0;
    for (const s of SECTIONS) {
      for (const title of [s.title, ...s.variants]) {
        for (const numbering of numberings(s.numeral, s.number)) {
          for (const wrap of WRAPPINGS) {
            const line = wrap(numbering + title);
            const read = readHeading(line);
            assert.deepEqual(read && [read.number, read.statutory], [s.number, true], `the parser reads ${line}`);
            assert.match(line, heading);
            lines++;
          }
        }
      }
    }
    assert.equal(lines, 8 * 18 * WRAPPINGS.length);
  });

  it('marks no line the parser does not read as a statutory section heading', () => {
    // Near misses of every part: numerals the parser does not read as a numbering, no separator where
    // one is needed, titles in other words, with a slip or not a section's, a tab, a line too long.
    const numerals = ['一', '二', '十', '十二', '二十', '二十三', '十十', '〇', '2', '12', '123', '0', '００', '（二）', '(2)', '第二', '第二部分', '第二十三部分', '第二章'];
    const separators = ['', '、', '.', '．', '，', ' ', '：', '是', '.5'];
    const titles = [...SECTIONS.flatMap((s) => [s.title, ...s.variants]), '主动公开情况', '行政法复议、行政诉讼情况', '政府信息公开行政复议、提起行政诉讼情况',
      '总体情况良好', '本年新收政府信息公开申请数量', '政府信息公开行政复议和行政诉讼情况', '其他需要报告的事项。'];
    const wrappings = [...WRAPPINGS, (h: string) => `${h}\t`, (h: string) => `${h}${' '.repeat(60)}`, (h: string) => `（${h}）`];
    let marked = 0, refused = 0;
    for (const numeral of numerals) {
      for (const separator of separators) {
        for (const title of titles) {
          for (const wrap of wrappings) {
            const line = wrap(numeral + separator + title);
            if (!heading.test(line)) { refused++; continue; }
            const read = readHeading(line);
            assert.ok(read?.statutory, `marked but not read as a section heading: ${JSON.stringify(line)}`);
            assert.equal(read.number, SECTION_OF_TITLE.get(title), line);
            marked++;
          }
        }
      }
    }
    assert.ok(marked > 1000 && refused > 10000, `${marked} marked, ${refused} not`);
    for (const line of ['一总体情况', '二十三、总体情况', '（一）总体情况', '一是总体情况', '第二章 总体情况', '一、本年新收政府信息公开申请数量', '一、总体情况\t', `一、总体情况${' '.repeat(60)}`]) {
      assert.doesNotMatch(line, heading);
    }
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

describe('the explorer\'s menus', () => {
  it('offer “convert to draft” and “export” on every document formats.ts reads (.docx, .doc, .wps, .pdf, .html…), and on no text file', () => {
    const { contributes } = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { menus: Record<string, { command: string; when: string }[]> } };
    for (const command of ['nianbao.convertToDraft', 'nianbao.exportWord']) {
      const { when } = contributes.menus['explorer/context'].find((m) => m.command === command)!;
      const pattern = new RegExp(/resourceExtname =~ \/(.*)\/i/.exec(when)![1], 'i');
      for (const extension of EXTENSIONS) assert.equal(pattern.test(extension), documentKind(extension) !== 'text', `${command} ${extension}`);
    }
  });
});
