import type { TableKey } from '../server/src/core/format/schema';
import { FORMATS, SECTIONS, SECTION_OF, tableSpec, TABLE_KEYS, type FormatVersion } from '../server/src/core/format/statute';
import type { Figures } from '../test/layouts/figures';
import { drawMarkdown } from '../test/layouts/markdown';
import { wordTable, type WordTable } from '../test/layouts/word';

// snippets/nianbao.json, made from the statute data: the six-section template (2021 and 2019 formats)
// with all three tables filled with zeros, and each table on its own, tab-separated and Markdown.
// The tables are drawn from the model of the statutory Word table the layout tests use (test/layouts/word.ts),
// so a snippet is laid out as the reader has been tested to read it. scripts/gen-snippets.mjs writes
// the file; test/lsp/contributions.test.ts fails when the file is not what this makes.

type Flavour = 'tabs' | 'markdown';
interface Snippet { prefix: string[]; description: string; body: string[] }

/** Stands for a cell in the drawn table until the snippet's own text (a tab stop, a plain 0) replaces it. */
const CELL = '\u0001';

/** Snippet syntax gives `$`, `}` and `\` a meaning: the statute's text is written with them escaped. */
const escape = (s: string) => s.replace(/[\\$}]/g, (c) => `\\${c}`);

function blankFigures(version: FormatVersion): Figures {
  const table = (key: TableKey) => Object.fromEntries(tableSpec(version, key).rows.filter((r) => !r.isGroup)
    .map((r) => [r.key, Object.fromEntries(r.columns.map((c) => [c, CELL]))]));
  return { year: 0, version, cells: { t2: table('t2'), t3: table('t3'), t4: table('t4') } };
}

/**
 * A Word table pasted as text: one line per row, a tab between cells and one more for every grid
 * column a merged cell covers, so that every value stands under its header. A header keeps its
 * words together (结果维持, not Word's wrapped 结果 维持).
 */
function drawTabs(table: WordTable): string[] {
  return table.rows.map((row) => row.cells.map((c) => c.text + '\t'.repeat(c.span - 1)).join('\t').replace(/\t+$/, ''));
}

function drawTable(version: FormatVersion, key: TableKey, flavour: Flavour): string[] {
  const table = wordTable(blankFigures(version), key);
  if (flavour === 'tabs') return drawTabs(table);
  return drawMarkdown(table.rows, table, { family: 'markdown', outerPipes: true, rule: true, perRow: false, merges: 'empty', br: false }).flat();
}

/** The table's lines with each cell made by `cell` (given its running number from 1), the rest escaped. */
function tableBody(version: FormatVersion, key: TableKey, flavour: Flavour, cell: (n: number) => string): string[] {
  let n = 0;
  return drawTable(version, key, flavour).map((line) => escape(line).split(CELL).reduce((a, b) => `${a}${cell(++n)}${b}`));
}

/** The sub-topics of 一、总体情况 the format names, each under its （一）…（五）. */
const SUBTOPICS = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）平台建设', '（五）监督保障'];

/** The whole report, its tables all zeros; tab stops for the body's name, the year and each piece of prose. */
function template(version: FormatVersion, year: number): string[] {
  const notice = FORMATS.find((f) => f.version === version)!.notice;
  let stop = 2;
  const prose = (text = '') => `\${${++stop}${text ? `:${escape(text)}` : ''}}`;
  const lines = [
    `\${1:某某区人民政府}\${2:${year}}年政府信息公开工作年度报告`,
    '',
    escape(`本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${notice}）的要求编制。`)
      + '本报告所列数据的统计期限自${2}年1月1日起至${2}年12月31日止。',
  ];
  for (const s of SECTIONS) {
    lines.push('', `${s.numeral}、${s.title}`, '');
    const key = TABLE_KEYS.find((k) => SECTION_OF[k] === s.number);
    if (s.number === 1) lines.push(...SUBTOPICS.flatMap((t) => [t, '', prose(), '']).slice(0, -1));
    else if (key) lines.push(...tableBody(version, key, 'tabs', () => '0'));
    else if (s.number === 6) lines.push(prose('本年度未发出收费通知，未收取信息处理费。'));
    else lines.push(prose());
  }
  return [...lines, '$0'];
}

const TABLE_WORDS: Record<TableKey, string> = { t2: '表二', t3: '表三', t4: '表四' };

/** Every snippet, in the order the file lists them. */
export function makeSnippets(): Record<string, Snippet> {
  const out: Record<string, Snippet> = {};
  for (const f of FORMATS) {
    const year = f.version === '2021' ? 2025 : 2020;
    const suffix = f.version === '2021' ? '' : '-2019';
    const name = f.version === '2021' ? '政府信息公开工作年度报告模板' : '政府信息公开工作年度报告模板（2019年试行格式）';
    out[name] = {
      prefix: [`nianbao-report${suffix}`, `年报模板${suffix.replace('-', '')}`],
      description: `政府信息公开工作年度报告的六个部分和三张统计表（${f.notice}），表中各格为 0`,
      body: template(f.version, year),
    };
  }
  for (const key of TABLE_KEYS) {
    const spec = tableSpec('2021', key), word = TABLE_WORDS[key], n = spec.number;
    for (const flavour of ['tabs', 'markdown'] as const) {
      const md = flavour === 'markdown';
      out[`${word}：${spec.title}（${md ? 'Markdown' : '制表符分隔'}）`] = {
        prefix: md ? [`nianbao-table${n}-md`, `${word}md`, `biao${n}-md`] : [`nianbao-table${n}`, word, `biao${n}`],
        description: `${word}（${FORMATS[0].notice}）${md ? '，Markdown 表格' : '，以制表符分隔（同从 Word 粘贴）'}，各格为 0，按 Tab 逐格填写`,
        body: [...tableBody('2021', key, flavour, (i) => `\${${i}:0}`), '$0'],
      };
    }
  }
  return out;
}

/** The file's text: what scripts/gen-snippets.mjs writes and the test compares. */
export const snippetsFile = () => JSON.stringify(makeSnippets(), null, 2) + '\n';
