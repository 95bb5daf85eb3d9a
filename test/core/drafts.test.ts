import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TableKey } from '../../server/src/core/format/schema';
import { SECTIONS, tableSpec } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { readCell } from '../../server/src/core/parse/values';
import { check } from '../../server/src/core/service';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS, renderReport, type Noise } from '../layouts/render';
import { EXPECTED } from './expected';
import { ARITHMETIC, assertPinpointed, READER, sliceAt } from './seeds';

// Every seed's figures in the layouts of test/layouts, with what real drafts and published pages
// add to them (render.ts Noise, columns.ts, cell texts): no-break, ideographic or WPS's spaces where
// Word had tabs, a cell's lines kept in a tab row, zero-width spaces, trailing blanks, headings
// written otherwise, a 序号 and a 备注 column, 0件 and placeholders, full-width pipes, bold Markdown cells,
// and tables split over two pages (footers, running headers, the header repeated, 续表, a row cut). Read back:
// every cell bound with its value and a range on it, no table finding; one wrong cell pinpointed.

const KEYS: TableKey[] = ['t2', 't3', 't4'];
const FIGURES: Figures[] = Object.values(EXPECTED).flatMap((e) => [figuresOf(e), figures2019(e)]);
const layout = (name: string) => LAYOUTS.find((l) => l.name === name)!;

function* cellsOf(f: Figures) {
  for (const key of KEYS) for (const r of tableSpec(f.version, key).rows) if (!r.isGroup) for (const col of r.columns) yield { key, row: r.key, col, text: f.cells[key][r.key][col] };
}

const mapCells = (f: Figures, to: (text: string, key: TableKey, i: number) => string): Figures => {
  let i = 0;
  const cells = Object.fromEntries(KEYS.map((k) => [k, Object.fromEntries(Object.entries(f.cells[k]).map(([row, cols]) =>
    [row, Object.fromEntries(Object.entries(cols).map(([c, v]) => [c, to(v, k, i++)]))]))]));
  return { ...f, cells: cells as Figures['cells'] };
};
const withCell = (f: Figures, key: TableKey, row: string, col: string, text: string): Figures =>
  ({ ...f, cells: { ...f.cells, [key]: { ...f.cells[key], [row]: { ...f.cells[key][row], [col]: text } } } });

/** The cells not read as written: each bound as its text reads (a number, a placeholder), its range on its digits. */
function misread(text: string, f: Figures, keys = KEYS): string[] {
  const report = parseReport(text);
  const out: string[] = [];
  for (const { key, row, col, text: want } of cellsOf(f)) {
    if (!keys.includes(key)) continue;
    const cell = report.tables[key]?.rows[row]?.cells[col], r = readCell(want);
    const where = `${key} ${row} ${col}`;
    if (!cell) out.push(`${where} missing`);
    else if (cell.kind !== r.kind || cell.value !== r.value) out.push(`${where} reads ${cell.kind} ${cell.value}, not ${want}`);
    else if (r.kind === 'number' && readCell(sliceAt(text, cell.range).replace(/\u200b/g, '')).value !== r.value) out.push(`${where}: its range holds “${sliceAt(text, cell.range)}”`);
  }
  return out;
}
const tableFindings = (text: string, but: string[] = []) =>
  check(text).findings.filter((f) => READER.has(f.code) && !but.includes(f.code)).map((f) => `${f.code} ${f.message}`);

/** Each section's heading joined to the paragraph after it by a colon (六、其他需要报告的事项：本机关本年度…). */
const runIn = (text: string) => SECTIONS.reduce((t, s) => t.replace(new RegExp(`^(${s.numeral}、${s.title})\\n+(?![\\t|+\\s])`, 'm'), '$1：'), text);

/** Every other row of tables 2 and 3 with its last cell blank. */
const lastBlank = (f: Figures): Figures => {
  let out = f, i = 0;
  for (const key of ['t2', 't3'] as const) for (const [row, cols] of Object.entries(f.cells[key])) {
    const cs = Object.keys(cols);
    if (cs.length > 1 && i++ % 2 === 0) out = withCell(out, key, row, cs[cs.length - 1], '');
  }
  return out;
};

interface Variant { name: string; layouts: string[]; noise?: Noise; cells?: (f: Figures) => Figures; render?: (f: Figures, layout: string) => string }
const TABS = ['tabs', 'tabs/padded-merges', 'tabs/collapsed-merges', 'tabs/ragged'];
const CELL_PER_LINE = LAYOUTS.filter((l) => l.family === 'cell-per-line').map((l) => l.name);
const MARKDOWN = ['markdown/outer-pipes', 'markdown/no-outer-pipes', 'markdown/no-rule-row', 'markdown/repeated-merges'];
const LABELLED = LAYOUTS.filter((l) => l.family !== 'flattened').map((l) => l.name);
const ALL_SEPARATED = LAYOUTS.filter((l) => l.separated).map((l) => l.name);
const SEPARATED = [...TABS, 'cell-per-line/tab-indent/blank-lines', 'cell-per-line/no-indent/no-blank-lines', ...MARKDOWN, 'grid', 'space-aligned/right', 'space-aligned/left', 'pdf-text'];

const VARIANTS: Variant[] = [
  { name: 'no-break spaces (U+00A0) for tabs', layouts: TABS, noise: { tabAs: '\u00a0' } },
  { name: 'ideographic spaces (U+3000) for tabs', layouts: TABS, noise: { tabAs: '\u3000' } },
  { name: 'WPS “paste as text”: two spaces for each tab', layouts: TABS, noise: { tabAs: '  ' } },
  { name: 'a space before each tab', layouts: TABS, noise: { tabAs: ' \t' } },
  // Word's and WPS's 表格转换成文本 with 逗号 or another character: a label's note in brackets keeps its commas.
  { name: 'a table converted to text with commas (规章,0,0,0)', layouts: TABS, noise: { tabAs: ',' } },
  { name: 'with full-width commas (规章，0，0，0)', layouts: TABS, noise: { tabAs: '，' } },
  { name: 'with semicolons', layouts: TABS, noise: { tabAs: ';' } },
  { name: 'with full-width semicolons', layouts: TABS, noise: { tabAs: '；' } },
  { name: 'with full-width commas, a cell\'s lines kept and blanks at the lines\' ends', layouts: TABS, noise: { tabAs: '，', cellBreaks: true, trailingSpaces: ' ' } },
  { name: 'a cell\'s lines kept in a tab row (商业↵企业, labels over two lines)', layouts: TABS, noise: { cellBreaks: true } },
  { name: 'zero-width spaces after the numbers', layouts: [...TABS, ...MARKDOWN, 'cell-per-line/tab-indent/blank-lines'], noise: { zeroWidth: true } },
  { name: 'CRLF and trailing blanks', layouts: SEPARATED, noise: { crlf: true, trailingSpaces: '  ' } },
  { name: 'headings as 第一部分 总体情况', layouts: SEPARATED, noise: { headings: 'part' } },
  { name: 'headings as 一．总体情况', layouts: SEPARATED, noise: { headings: 'dot' } },
  { name: 'headings indented with a tab', layouts: SEPARATED, noise: { headings: 'indented' } },
  { name: 'a unit in brackets after each heading (二、主动公开政府信息情况（单位：件）)', layouts: SEPARATED, noise: { headings: 'noted' } },
  { name: 'each heading run into its first paragraph after a colon (六、其他需要报告的事项：本机关…)', layouts: SEPARATED, render: (f, l) => runIn(layout(l).render(f)) },
  { name: 'title and headings in bold (**…**)', layouts: [...TABS, ...MARKDOWN, 'cell-per-line/tab-indent/blank-lines'], noise: { headings: 'bold' } },
  // (A PDF's text too since the thirteenth session, whose generator now draws them: read already. Remarks that wrap in a PDF's
  // narrow 备注 column, after a label over three lines, are left: docs/drafts.md.)
  { name: 'a 序号 column', layouts: [...TABS, ...CELL_PER_LINE, ...MARKDOWN, 'grid', 'space-aligned/right', 'space-aligned/left', 'pdf-text', 'pdf-text/interleaved-groups'], noise: { columns: { serial: true } } },
  { name: 'an empty 备注 column', layouts: [...TABS, ...CELL_PER_LINE, ...MARKDOWN, 'grid', 'space-aligned/right', 'space-aligned/left', 'pdf-text', 'pdf-text/interleaved-groups'], noise: { columns: { remarks: true } } },
  // (In a grid table a remark beside a label wrapped over two lines lost the row's numbers: row-cells “没有数字”, until the sixth round.)
  { name: 'a 备注 column with remarks (其中网上申请3件)', layouts: [...TABS, ...CELL_PER_LINE, ...MARKDOWN, 'grid', 'space-aligned/right', 'space-aligned/left'], noise: { columns: { remarks: true, remarkEvery: 3 } } },
  { name: 'a 序号 column and a 备注 column with remarks', layouts: [...TABS, ...CELL_PER_LINE, ...MARKDOWN, 'grid', 'space-aligned/right', 'space-aligned/left'], noise: { columns: { serial: true, remarks: true, remarkEvery: 2 } } },
  { name: 'zero written 0件', layouts: SEPARATED, cells: (f) => mapCells(f, (v, k) => k !== 't2' && v === '0' ? '0件' : v) },
  { name: 'zero written —, -, /, 无 or 0', layouts: SEPARATED, cells: (f) => mapCells(f, (v, _, i) => v === '0' ? ['—', '-', '/', '无', '0'][i % 5] : v) },
  // 〇 for zero (a clerk's Chinese input, a PDF's text): read as 0, in every layout whose cells are separated.
  { name: 'zero written 〇', layouts: ALL_SEPARATED, cells: (f) => mapCells(f, (v) => v === '0' ? '〇' : v) },
  // An editor's “trim trailing whitespace” (VS Code's files.trimTrailingWhitespace, an OA system's text box) drops a
  // blank last cell's tab: the rows with all their numbers show which cell each row's first column is in.
  { name: 'every other row\'s 总计 (table 2: 现行有效件数) left blank, trailing tabs trimmed', layouts: ['tabs', 'tabs/padded-merges', 'tabs/collapsed-merges'], cells: lastBlank,
    render: (f, l) => layout(l).render(lastBlank(f)).replace(/[ \t]+$/gm, '') },
  // A narrow label column, cells top-aligned (a PDF's text, a web page printed): a wrapped label's numbers
  // stand on its first line, its tail on the lines after them (2.其他法律行政法 0 0 … / 规禁止公开 / 3.危及…).
  { name: 'a narrow label column, numbers on each wrapped label\'s first line (space-aligned, wrapped at 8, 10 … 24 columns)', layouts: ['8', '10', '12', '14', '16', '18', '20', '22', '24'],
    render: (f, at) => { const style = { family: 'space-aligned', align: 'right', wrapLabelsAt: Number(at) } as const; return renderReport(f, { t2: style, t3: style, t4: style }); } },
  { name: 'Markdown typed with full-width pipes (｜)', layouts: [...MARKDOWN, 'markdown/table-per-row'], noise: { fullWidthPipes: true } },
  { name: 'Markdown cells in bold (**0**)', layouts: MARKDOWN, render: (f, l) => layout(l).render(mapCells(f, (v) => `**${v}**`)) },
  // Labels as clerks retype them (labels.ts), in every layout whose cells are separated.
  { name: 'labels without their numbering (予以公开)', layouts: LABELLED, noise: { labels: 'numbering-dropped' } },
  { name: 'numbering restyled ((一), （1）, 1、, 一., a space after it)', layouts: LABELLED, noise: { labels: 'numbering-restyled' } },
  { name: 'row labels reworded (本年新收申请数量, （七）合计, 结转下年继续办理, 2019 wording)', layouts: LABELLED, noise: { labels: 'rows-reworded' } },
  { name: 'headers reworded (合计, 自然人（件）, 法人或 / 其他组织)', layouts: LABELLED, noise: { labels: 'headers-reworded' } },
  { name: 'WPS spaces inside labels (予 以 公 开, 总　计) and trailing colons', layouts: LABELLED, noise: { labels: 'spaced' } },
  { name: 'long labels over two lines, one cell per line', layouts: CELL_PER_LINE, noise: { labels: 'broken' } },
  { name: 'a one-character slip in each label (部份公开, 重新出据, 公升, 其它)', layouts: LABELLED, noise: { labels: 'typos' } },
  { name: 'labels and headers in traditional characters', layouts: LABELLED, noise: { labels: 'traditional' } },
  { name: 'a province\'s notes in brackets after labels (规章（设区的市、自治州人民政府应提供相关数据）, （七）总计（件）)', layouts: LABELLED, noise: { labels: 'notes' } },
];

// Tables split over two pages (docs/drafts.md): what the split leaves between the rows, in each family
// that shows it. At the 4th data row table 2 splits inside a block (第二十条第（六）项) and table 3 before
// （三）不予公开; at the 9th table 3 splits inside （三）不予公开; the 5th is table 3's 1.属于国家秘密, the
// first row of its group.
const PASTED = [...TABS, ...CELL_PER_LINE];
const PDF_TEXT = ['pdf-text', 'pdf-text/interleaved-groups', 'space-aligned/right', 'space-aligned/left'];
const pages = (at: number, lines: string[], repeatHeader: boolean, within?: 'group' | 'label'): Noise =>
  ({ pageMarkerAfter: at, pageBreak: { lines, repeatHeader, within } });
const PAGE_VARIANTS: Variant[] = [
  { name: 'pasted from Word/WPS: 第 n 页 共 m 页 mid-table, the header rows again (Word repeats them)', layouts: PASTED, noise: pages(9, ['第 {n} 页 共 {pages} 页'], true) },
  { name: 'pasted: a footer, blank lines and the report\'s title as the running header, the header rows again', layouts: PASTED, noise: pages(4, ['', '- {n} -', '', '{title}', ''], true) },
  { name: 'pasted: a footer n/m, blank lines, no header again', layouts: PASTED, noise: pages(9, ['', '{n}/{pages}', ''], false) },
  { name: 'a running header with the page number on its line (某某…年度报告　第 n 页)', layouts: ALL_SEPARATED, noise: pages(9, ['{title}　第 {n} 页'], true) },
  { name: 'a running header after a footer, the page number on its line (某某…年度报告    - n -)', layouts: ALL_SEPARATED, noise: pages(4, ['{title}        - {n} -'], false) },
  { name: 'Markdown and grid tables: two tables, （续表） between, the header again', layouts: [...MARKDOWN, 'markdown/table-per-row', 'grid'], noise: pages(9, ['', '（续表）', ''], true) },
  { name: 'Markdown and grid tables: two tables, 表三（续） between, the continuation\'s first row as its header', layouts: [...MARKDOWN, 'markdown/table-per-row', 'grid'], noise: pages(4, ['', '表三（续）', ''], false) },
  { name: 'Markdown: two tables apart by a blank line only', layouts: MARKDOWN, noise: pages(9, [''], false) },
  { name: 'PDF text: a footer and the running header mid-table, the header again', layouts: PDF_TEXT, noise: pages(9, ['- {n} -', '{title}'], true) },
  { name: 'PDF text: 第 n 页 共 m 页 and the running header, no header again', layouts: PDF_TEXT, noise: pages(4, ['第 {n} 页 共 {pages} 页', '{title}'], false) },
  { name: 'a group\'s label at the foot of a page, its rows on the next (（三）不予公开 | 1.属于国家秘密)', layouts: ['pdf-text', ...CELL_PER_LINE], noise: pages(5, ['- {n} -', '{title}'], true, 'group') },
  { name: 'a row\'s label at the foot of a page, its numbers on the next, under the header again', layouts: ['pdf-text', 'pdf-text/interleaved-groups', ...CELL_PER_LINE], noise: pages(4, ['- {n} -', '{title}'], true, 'label') },
  { name: 'a row\'s label and its numbers on two pages, inside a group, no header again', layouts: ['pdf-text', 'pdf-text/interleaved-groups', ...CELL_PER_LINE], noise: pages(9, ['第 {n} 页'], false, 'label') },
];

const render = (v: Variant, l: string, f: Figures) => v.render ? v.render(f, l) : layout(l).render(v.cells ? v.cells(f) : f, v.noise);

describe('drafts as real tools leave them: every seed, every cell', () => {
  for (const v of [...VARIANTS, ...PAGE_VARIANTS]) {
    it(`${v.name}: every cell bound as written, no table finding (${v.layouts.length} layouts × ${FIGURES.length} reports)`, () => {
      for (const l of v.layouts) {
        for (const f of FIGURES) {
          const text = render(v, l, f);
          const where = `${l}, ${f.year}`;
          assert.deepEqual(misread(text, v.cells ? v.cells(f) : f), [], where);
          // Placeholders are blank cells to the statute: the author's to fill, and said so.
          assert.deepEqual(tableFindings(text, ['cell-blank']), [], where);
          assert.equal(parseReport(text).sections.length, 6, where);
        }
      }
    });
  }
});

describe('a table converted to text with a character that also stands in cells', () => {
  // “/” is what a blank cell is filled with, and “、” ends a row's numbering (三、本年度办理结果): which is which is open.
  for (const tabAs of ['/', '、']) {
    it(`${tabAs} between cells: said to be unreadable, never blamed on the author`, () => {
      for (const f of FIGURES) {
        const text = layout('tabs').render(f, { tabAs });
        const codes = check(text).findings.map((x) => x.code);
        assert.ok(codes.includes('table-unreadable'), `${f.year}`);
        assert.deepEqual(codes.filter((c) => ARITHMETIC.has(c) || c === 'row-missing' || c === 'table-missing' || c === 'cell-blank'), [], `${f.year}`);
      }
    });
  }
});

describe('a 序号 column written one cell per line', () => {
  it('table 4\'s one row with a serial too many, wrong: said to have a number too many, never blamed on a total', () => {
    const f = FIGURES[4];
    const text = layout('cell-per-line/tab-indent/blank-lines').render(withCell(f, 't4', 'review', 'upheld', String(Number(f.cells.t4.review.upheld) + 1)), { columns: { serial: true } });
    assert.deepEqual(check(text).findings.filter((x) => READER.has(x.code)).map((x) => x.code), ['row-cells']);
  });
});

describe('labels the reader cannot name: never bound to another row', () => {
  const cellsRead = (text: string, f: Figures) => {
    const report = parseReport(text);
    const wrong: string[] = [], missing: string[] = [];
    for (const { key, row, col, text: want } of cellsOf(f)) {
      const cell = report.tables[key]?.rows[row]?.cells[col];
      if (!cell || cell.kind === 'ambiguous') missing.push(`${key} ${row} ${col}`);
      else if (cell.value !== readCell(want).value) wrong.push(`${key} ${row} ${col} reads ${cell.value}, not ${want}`);
    }
    return { wrong, missing };
  };
  const unreadable = (text: string) => check(text).findings.filter((x) => x.code === 'table-unreadable').map((x) => x.message).join('\n');
  // One layout of each family, and the web page's text (its rows run on one line).
  const ONE_EACH = ['tabs/ragged', 'cell-per-line/no-indent/no-blank-lines', 'markdown/table-per-row', 'grid', 'space-aligned/left', 'pdf-text/interleaved-groups', 'flattened'];

  it('any one row\'s label in words that name no row (某某情形): its numbers unread and said so, every other cell its own', () => {
    for (const f of [FIGURES[0], FIGURES[3]]) {
      for (const key of ['t2', 't3'] as const) {
        for (const r of tableSpec(f.version, key).rows.filter((x) => !x.isGroup)) {
          for (const l of ONE_EACH) {
            const text = layout(l).render(f, { labels: { label: r.label, as: '某某情形' } });
            const where = `${l}, ${f.year}, ${key} ${r.key}`;
            const { wrong, missing } = cellsRead(text, f);
            assert.deepEqual(wrong, [], where);
            if (missing.length) assert.match(unreadable(text), /./, `${where}: ${missing.join(', ')} unread without a word`);
          }
        }
      }
    }
  });

  it('a slip as near two rows (行政许罚: 行政许可 or 行政处罚?) names neither', () => {
    const f = FIGURES[2];
    for (const l of ONE_EACH.slice(0, -1)) {
      const text = layout(l).render(f, { labels: { label: '行政许可', as: '行政许罚' } });
      const t2 = parseReport(text).tables.t2!;
      assert.equal(t2.rows.licensing?.cells.decisions, undefined, l);
      assert.equal(t2.rows.penalty.cells.decisions.value, Number(f.cells.t2.penalty.decisions), l);
      assert.match(unreadable(text), /“行政许罚”对不上表二中任何一行的名称/, l);
    }
  });

  it('the words 其他处理 1 and 2 share (行政机关不再处理其政府信息公开申请) name neither row', () => {
    const f = FIGURES[4];
    for (const l of ONE_EACH.slice(0, -1)) {
      const text = layout(l).render(f, { labels: { label: tableSpec('2021', 't3').rows.find((r) => r.key === '3.6.1')!.label, as: '1.行政机关不再处理其政府信息公开申请' } });
      const t3 = parseReport(text).tables.t3!;
      assert.deepEqual(t3.rows['3.6.1']?.cells ?? {}, {}, l);
      assert.equal(t3.rows['3.6.2'].cells.total.value, Number(f.cells.t3['3.6.2'].total), l);
      assert.match(unreadable(text), /行政机关不再处理/, l);
    }
  });

  it('every label rewritten its own way, slips on reworded words among them: what is read is right, what is not is said', () => {
    for (const l of [...LABELLED, 'flattened']) {
      for (const f of FIGURES) {
        const text = layout(l).render(f, { labels: 'mixed' });
        const where = `${l}, ${f.year}`;
        const { wrong, missing } = cellsRead(text, f);
        assert.deepEqual(wrong, [], where);
        if (missing.length && l !== 'flattened') assert.match(unreadable(text), /对不上表三中任何一行的名称/, where);
        // No finding blames the author: no arithmetic, no missing row.
        assert.deepEqual(check(text).findings.filter((x) => ARITHMETIC.has(x.code) || x.code === 'row-missing').map((x) => x.code), [], where);
      }
    }
  });
});

describe('one wrong cell in a draft\'s noise', () => {
  const picks: [string, string, Noise | undefined, ((f: Figures) => Figures) | undefined][] = [
    ['no-break spaces for tabs', 'tabs', { tabAs: '\u00a0' }, undefined],
    ['WPS spaces', 'tabs/padded-merges', { tabAs: '  ' }, undefined],
    ['converted to text with commas', 'tabs', { tabAs: ',' }, undefined],
    ['converted to text with full-width commas', 'tabs/ragged', { tabAs: '，' }, undefined],
    ['cell breaks', 'tabs/collapsed-merges', { cellBreaks: true }, undefined],
    ['序号 column', 'markdown/outer-pipes', { columns: { serial: true } }, undefined],
    ['序号 column, one cell per line', 'cell-per-line/tab-indent/blank-lines', { columns: { serial: true } }, undefined],
    ['备注 column', 'cell-per-line/no-indent/no-blank-lines', { columns: { remarks: true } }, undefined],
    ['0件', 'pdf-text', undefined, (f) => mapCells(f, (v, k) => k !== 't2' && v === '0' ? '0件' : v)],
    ['a page break, footer, running header and header rows mid-table', 'tabs', pages(9, ['', '- {n} -', '', '{title}', ''], true), undefined],
    ['two Markdown tables, （续表） between', 'markdown/outer-pipes', pages(9, ['', '（续表）', ''], true), undefined],
    ['a group\'s label at the foot of a page', 'cell-per-line/tab-indent/blank-lines', pages(5, ['- {n} -', '{title}'], true, 'group'), undefined],
    ['a row\'s label and its numbers on two pages', 'pdf-text', pages(4, ['- {n} -', '{title}'], true, 'label'), undefined],
    ['a running header with the page number', 'space-aligned/right', pages(9, ['{title}　第 {n} 页'], true), undefined],
    ['序号 and 备注 columns with remarks, a grid table', 'grid', { columns: { serial: true, remarks: true, remarkEvery: 2 } }, undefined],
    ['labels reworded', 'cell-per-line/no-indent/no-blank-lines', { labels: 'rows-reworded' }, undefined],
    ['slips in the labels', 'tabs/ragged', { labels: 'typos' }, undefined],
    ['numbering restyled', 'space-aligned/right', { labels: 'numbering-restyled' }, undefined],
    ['traditional characters', 'markdown/repeated-merges', { labels: 'traditional' }, undefined],
    ['WPS spaces in labels', 'pdf-text/interleaved-groups', { labels: 'spaced' }, undefined],
  ];
  picks.forEach(([name, l, noise, cells], i) => {
    it(`${name} (${l}): every third cell of table 3 made one more is named, and its fix restores it`, () => {
      const f = (cells ?? ((x: Figures) => x))(FIGURES[(2 * i) % FIGURES.length]);
      let k = 0;
      for (const { key, row, col, text } of cellsOf(f)) {
        if (key !== 't3' || k++ % 3 !== 0) continue;
        const value = readCell(text).value!;
        const mutated = layout(l).render(withCell(f, key, row, col, String(value + 1)), noise);
        assertPinpointed(mutated, { key, row, col }, String(value), String(value + 1), `${row} ${col}`);
      }
    });
  });
});

describe('parse(render(figures)) = figures, with any of the drafts\' noise', () => {
  const noise: fc.Arbitrary<Noise> = fc.record({
    tabAs: fc.constantFrom(undefined, '\u00a0', '\u3000', '  ', ' \t', ',', '，', '；'),
    cellBreaks: fc.boolean(),
    zeroWidth: fc.boolean(),
    trailingSpaces: fc.constantFrom(undefined, ' ', '\u3000', '\t'),
    headings: fc.constantFrom(undefined, 'part' as const, 'dot' as const, 'bold' as const),
    columns: fc.constantFrom(undefined, { serial: true }, { remarks: true }, { serial: true, remarks: true }),
    fullWidthPipes: fc.boolean(),
    crlf: fc.boolean(),
    labels: fc.constantFrom(undefined, 'numbering-dropped' as const, 'numbering-restyled' as const, 'rows-reworded' as const, 'headers-reworded' as const, 'spaced' as const, 'typos' as const, 'traditional' as const),
  }, { requiredKeys: [] });
  it('tab-separated and Markdown layouts: every cell bound', () => {
    fc.assert(fc.property(fc.constantFrom(...FIGURES), fc.constantFrom(...TABS, ...MARKDOWN.slice(0, 2)), noise, (f, l, n) => {
      // A trailing tab is a blank cell of its own; a separator of spaces and a 备注 column's blanks cannot be told apart.
      if (n.trailingSpaces === '\t' && l.startsWith('tabs')) n = { ...n, trailingSpaces: ' ' };
      if (n.tabAs && n.columns?.remarks) n = { ...n, columns: { serial: n.columns.serial } };
      const text = layout(l).render(f, n);
      assert.deepEqual(misread(text, f), []);
    }), { numRuns: 120 });
  });
});

// A 备注 column with remarks (其中网上申请3件) in a web page's text run together (thirteenth session): the clause cut out
// before the version is told (a remark's words say nothing of it) ran back to the text's start, no clause mark between the
// cells, taking （六）其他处理 with it: every 2019-form report was told its table 3 is the 2021 form (format-version, a
// warning blaming the drafter) and its table 3 read in the wrong form. Now a digit ends the clause too (the number
// before the remark, the next row's numbering): the version as written, every cell read as with the 备注 column empty.
describe('remarks in a web page\'s text run together', () => {
  for (const layout of LAYOUTS.filter((l) => l.family === 'flattened')) {
    it(`${layout.name}: every seed, both formats: no format-version, table 3 in its form, the cells the empty column's text reads`, () => {
      for (const version of ['2021', '2019'] as const) {
        for (const [name, expected] of Object.entries(EXPECTED)) {
          const f = version === '2021' ? figuresOf(expected) : figures2019(expected);
          const text = layout.render(f, { columns: { remarks: true, remarkEvery: 3 } }), where = `${name} ${version}`;
          assert.deepEqual(check(text).findings.filter((x) => x.code === 'format-version').map((x) => x.message), [], where);
          const t3 = parseReport(text).tables.t3!, empty = parseReport(layout.render(f, { columns: { remarks: true } })).tables.t3!;
          assert.equal(t3.version, f.version, where);
          for (const r of tableSpec(f.version, 't3').rows) {
            for (const col of r.columns) if (empty.rows[r.key]?.cells[col]?.kind === 'number') assert.equal(t3.rows[r.key]?.cells[col]?.value, empty.rows[r.key].cells[col].value, `${where} ${r.key} ${col}`);
          }
        }
      }
    });
  }
});
