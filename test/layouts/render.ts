import type { TableKey } from '../../server/src/core/format/schema';
import { FORMATS, SECTIONS, tableSpec } from '../../server/src/core/format/statute';
import { drawCellPerLine } from './cell-per-line';
import { drawCsv } from './csv';
import { withColumns, type ExtraColumns } from './columns';
import type { Figures } from './figures';
import { withExtra, type T3Extra } from './extras';
import { drawFlattened } from './flattened';
import { drawGrid } from './grid';
import { relabel, type LabelFamily, type Renamed } from './labels';
import { drawMarkdown } from './markdown';
import { drawPdfText } from './pdf-text';
import { drawSpaceAligned } from './space-aligned';
import { drawSyntax, type SyntaxKind } from './syntaxes';
import { drawTabs } from './tabs';
import { EMPTY_CELL_LINE, wrap } from './typeset';
import { wordTable, type WordRow, type WordTable } from './word';

// Test-side renderers: a report's figures written out as text in each layout family real reports
// come in (shared/spec/report-format.md, “Layouts the parser meets”), so a parser can be tested by
// rendering known figures and reading them back. Each family draws the same Word table (word.ts);
// this file adds what is common to all of them: page breaks, blank lines, indentation, line endings,
// the report around the tables, and the named LAYOUTS the tests iterate over.

export type Family = 'tabs' | 'csv' | 'syntax' | 'cell-per-line' | 'markdown' | 'grid' | 'space-aligned' | 'pdf-text' | 'flattened' | 'picture';

export type Style =
  /** A Word table pasted as text. Merged cells: 'pad' leaves a tab for every grid column they cover; 'word' as seed 001 (a merged label one tab fewer, one more at the row's end); 'collapse' no padding; 'ragged' mixes row by row as seed 000 does. */
  | { family: 'tabs'; merges: 'pad' | 'word' | 'collapse' | 'ragged'; seed?: number }
  /** A table exported as CSV with every field quoted ("规章","0","0","0"; csv.ts); `thousands`: "1,092". */
  | { family: 'csv'; thousands: boolean }
  /** A Word document saved as text (seeds 002–004). `indent` starts every cell line; `breakHeaders` writes 商业企业 as 商业 / 企业. */
  | { family: 'cell-per-line'; indent: string; breakHeaders: boolean }
  /** Pipe tables. `merges`: a merged cell's other grid cells left empty or given its text again; `perRow`: every row its own table (rows' own cells, nothing merged); `br`: long labels broken with <br>. */
  | { family: 'markdown'; outerPipes: boolean; rule: boolean; perRow: boolean; merges: 'empty' | 'repeat'; br: boolean }
  /** Pandoc grid tables, with column spans and long texts wrapped inside their cells. */
  | { family: 'grid' }
  /** Columns aligned by display width under their headers; numbers right- or left-aligned; labels wider than `wrapLabelsAt` display columns wrapped. */
  | { family: 'space-aligned'; align: 'right' | 'left'; wrapLabelsAt?: number }
  /** A PDF's text layer. `groups`: a group label such as （三）不予公开 on lines of its own before its rows, or its pieces at the start of the rows it is centred on (as 淮安 2024 prints （四）无法提供). */
  | { family: 'pdf-text'; groups: 'own-lines' | 'interleaved'; repeatHeader: boolean; marker: 'dash' | 'em-dash' | 'page'; seed?: number }
  /** A web page's text: every table on one line, a row's cells run together. `t4`: its fifteen numbers spaced (as 平潭 2022) or run together too. */
  | { family: 'flattened'; t4: 'spaced' | 'run-together'; seed?: number }
  /** Another text-table syntax (syntaxes.ts): org-mode, reStructuredText, AsciiDoc, pandoc's multiline, Excel's clipboard, LaTeX. */
  | { family: 'syntax'; kind: SyntaxKind }
  /** No table: a picture of it, as the line that stands for it (a converter's `![](images/1.jpg)`, an `<img>`). */
  | { family: 'picture'; line: string };

export interface Noise {
  /** 'none': no blank line anywhere; 'between-rows': one between table rows (and between paragraphs); 'everywhere': one after every line. Unset: paragraphs apart, table rows together. */
  blankLines?: 'none' | 'between-rows' | 'everywhere';
  /** Put before every line that is not blank. */
  indent?: string;
  /** A page break, as a page-number line, after the n-th data row of each table that has more rows. */
  pageMarkerAfter?: number;
  /** What that page break leaves besides its place, when it is not the family's page number alone. */
  pageBreak?: PageBreak;
  crlf?: boolean;
  /** Columns a drafter adds to every table: 序号 first, 备注 last (columns.ts). */
  columns?: ExtraColumns;
  /**
   * What the tab between two cells of a tab-separated row became: a no-break space (U+00A0), an
   * ideographic space (U+3000), WPS's “paste as text” run of spaces, a space before the tab.
   */
  tabAs?: string;
  /** In a tab-separated row, a cell's lines kept as lines (Word copies a cell's paragraphs so): 商业↵企业, a long label over two. */
  cellBreaks?: boolean;
  /** A zero-width space (U+200B) after every number of a table (text copied from a web page). */
  zeroWidth?: boolean;
  /** Blanks left at the end of every line. */
  trailingSpaces?: string;
  /** A Markdown table typed with a Chinese input method on: full-width pipes (｜). */
  fullWidthPipes?: boolean;
  /**
   * Section headings as drafts write them (第一部分 总体情况, 一．总体情况, **一、总体情况**, the title in bold too,
   * （一）总体情况 numbered like sub-topics, 一是总体情况 and 第一，总体情况 numbered like the points of a speech,
   * indented with a tab, with a unit in brackets after it: 二、主动公开政府信息情况（单位：件）).
   */
  headings?: 'part' | 'dot' | 'bold' | 'paren' | 'spoken' | 'ordinal' | 'indented' | 'noted';
  /** A column, a row or a header table 3 has in a drafter's hands and not in the statute (extras.ts). */
  t3?: T3Extra;
  /** Row labels and column headers as a clerk retyped them (labels.ts). */
  labels?: LabelFamily | Renamed;
}

/** What a page break inside a table leaves in the text, as the tool that made the text leaves it. */
export interface PageBreak {
  /**
   * The lines between the two pages, instead of the family's page number: a footer and a header
   * (`- {n} -`, `第 {n} 页 共 {pages} 页`, `{n}/{pages}`, the report's `{title}` as a running header,
   * blank lines), or what a drafter writes between a table's two parts (`（续表）`). `{n}` is the
   * number of the page that ends.
   */
  lines?: string[];
  /** The header rows printed again on the new page (Word's “repeat header rows”), or not; unset: as the family does. */
  repeatHeader?: boolean;
  /**
   * The break inside the n-th data row rather than after it, where the family draws a row over
   * several lines: after its group's label, before its own (（三）不予公开 at the foot of a page, 1.属于国家秘密
   * at the top of the next); or after its label, before its numbers (a PDF's row cut by the page).
   * Before the row, in a table whose n-th data row has no group label (table 2).
   */
  within?: 'group' | 'label';
}

/** The pages a report of the tests runs to, for a footer's “共 9 页”. */
const PAGES = 9;

/** A page break's lines for the page that ends (PageBreak.lines). */
const breakLines = (lines: string[], page: number, title: string) =>
  lines.map((l) => l.replaceAll('{n}', String(page)).replaceAll('{pages}', String(PAGES)).replaceAll('{title}', title));

/**
 * A row's lines cut where a page breaks inside it: before its own label ('group'), or before its
 * numbers ('label'), which end the row: each on a line of its own (one cell per line), or after the
 * label's last piece or on a line of their own (a PDF's text).
 */
function cutRow(lines: string[], row: WordRow, within: 'group' | 'label'): [string[], string[]] {
  if (within === 'group') {
    const label = row.cells.find((c) => c.kind === 'label')!.text;
    const at = lines.findIndex((l) => l.includes(label.slice(0, 4)));
    return [lines.slice(0, at), lines.slice(at)];
  }
  const values = row.cells.filter((c) => c.kind === 'value');
  const numbers = values.filter((c) => c.text !== '').map((c) => c.text).join(' ');
  const last = lines[lines.length - 1];
  if (last === numbers) return [lines.slice(0, -1), [last]];
  if (last.endsWith(' ' + numbers)) return [[...lines.slice(0, -1), last.slice(0, -numbers.length - 1)], [numbers]];
  return [lines.slice(0, -values.length), lines.slice(-values.length)];
}

/** A long label broken where its Word cell wraps it: after its eighth character. */
const breakLabel = (cell: string) => [...cell].length > 14 && /^[^\d]/.test(cell) ? `${cell.slice(0, 8)}\n${cell.slice(8)}` : cell;

/** A tab-separated row as a drafter's tools left it (Noise.tabAs, cellBreaks, zeroWidth). */
function tabRow(line: string, noise: Noise): string {
  let cells = line.split('\t');
  // The tab renderer joins a header's lines with a space (商业 企业): as lines, they are the cell's paragraphs.
  if (noise.cellBreaks) cells = cells.map((c) => breakLabel(c.replace(/^([\u4e00-\u9fff]{2,4}) (?=[\u4e00-\u9fff]{2}$)/, '$1\n')));
  if (noise.zeroWidth) cells = cells.map((c) => c.replace(/(\d)$/, '$1\u200b'));
  return cells.join(noise.tabAs ?? '\t');
}

/** A heading or the title as `noise.headings` writes it. */
function heading(text: string, kind: 'title' | 'heading', noise: Noise): string {
  if (!noise.headings) return text;
  if (noise.headings === 'bold') return `**${text}**`;
  if (kind === 'title') return text;
  if (noise.headings === 'indented') return `\t${text}`;
  if (noise.headings === 'noted') return `${text}（单位：件）`;
  if (noise.headings === 'paren') return text.replace(/^(.)、/, '（$1）');
  if (noise.headings === 'spoken') return text.replace(/^(.)、/, '$1是');
  if (noise.headings === 'ordinal') return text.replace(/^(.)、/, '第$1，');
  return noise.headings === 'part' ? text.replace(/^(.)、/, '第$1部分 ') : text.replace(/^(.)、/, '$1．');
}

/** A family's drawing of some rows of a table: one list of lines per Word row. */
export type Draw<S> = (rows: WordRow[], table: WordTable, style: S) => string[][];

type StyleOf<F extends Family> = Extract<Style, { family: F }>;
interface FamilyDef<S> {
  draw: Draw<S>;
  /** The lines a page break leaves in this family: the page number (a converter's Markdown keeps it apart with blank lines). */
  marker(style: S, page: number): string[];
  /** Whether the header rows are printed again after a page break (a PDF or a printout repeats them; a paste does not). */
  repeatsHeader(style: S): boolean;
}
const FAMILIES: { [F in Exclude<Family, 'flattened' | 'picture'>]: FamilyDef<StyleOf<F>> } = {
  'tabs': { draw: drawTabs, marker: (_, n) => [`第 ${n} 页`], repeatsHeader: () => false },
  'csv': { draw: drawCsv, marker: (_, n) => [`第 ${n} 页`], repeatsHeader: () => false },
  'syntax': { draw: drawSyntax, marker: (_, n) => [`第 ${n} 页`], repeatsHeader: () => false },
  'cell-per-line': { draw: drawCellPerLine, marker: (_, n) => [`- ${n} -`], repeatsHeader: () => false },
  'markdown': { draw: drawMarkdown, marker: (_, n) => ['', `— ${n} —`, ''], repeatsHeader: () => false },
  'grid': { draw: drawGrid, marker: (_, n) => ['', `— ${n} —`, ''], repeatsHeader: () => false },
  'space-aligned': { draw: drawSpaceAligned, marker: (_, n) => [`第 ${n} 页`], repeatsHeader: () => true },
  'pdf-text': {
    draw: drawPdfText,
    marker: (s, n) => [s.marker === 'dash' ? `- ${n} -` : s.marker === 'em-dash' ? `— ${n} —` : `第 ${n} 页`],
    repeatsHeader: (s) => s.repeatHeader,
  },
};

/** The table's lines, before the noise that applies to the whole text (blank lines everywhere, indent, CRLF). */
function tableLines(f: Figures, key: TableKey, style: Style, noise: Noise): string[] {
  const table = withExtra(withColumns(relabel(wordTable(f, key), noise.labels), noise.columns ?? {}), noise.t3);
  if (style.family === 'flattened') return [drawFlattened(table, style)];
  if (style.family === 'picture') return [style.line];
  const family = FAMILIES[style.family] as FamilyDef<Style>;
  const draw = (rows: WordRow[]) => family.draw(rows, table, style);
  let chunks = draw(table.rows);
  // A page break after the n-th data row: the rows after it are drawn anew, as the next page shows them.
  const data = table.rows.flatMap((r, i) => r.kind === 'data' ? [i] : []);
  const n = noise.pageMarkerAfter;
  if (n !== undefined && n >= 1 && n < data.length) {
    const brk = noise.pageBreak ?? {};
    const row = table.rows[data[n - 1]];
    // Inside the row: it is drawn with those before the break, and its lines cut; a row without a group label breaks before it.
    const groupless = brk.within === 'group' && !row.cells.some((c) => c.kind === 'group' && !c.below);
    const within = groupless ? undefined : brk.within;
    const cut = data[n - 1] + (groupless ? 0 : 1);
    const head = brk.repeatHeader ?? family.repeatsHeader(style) ? table.rows.filter((r, i) => r.kind === 'head' && i < data[0]) : [];
    const page = tableSpec(f.version, key).number + 2;
    const marker = brk.lines ? breakLines(brk.lines, page, titleOf(f)) : family.marker(style, page);
    const before = draw(table.rows.slice(0, cut)), after = draw([...head, ...table.rows.slice(cut)]);
    if (within) {
      const [top, bottom] = cutRow(before.pop()!, row, within);
      before.push(top);
      after.splice(head.length, 0, bottom);
    }
    chunks = [...before, marker, ...after];
  }
  if (style.family === 'tabs' && (noise.tabAs || noise.cellBreaks || noise.zeroWidth)) chunks = chunks.map((lines) => lines.map((l) => tabRow(l, noise)));
  if (style.family === 'markdown' && noise.fullWidthPipes) chunks = chunks.map((lines) => lines.map((l) => l.replace(/\|/g, '｜')));
  if (style.family !== 'tabs' && noise.zeroWidth) chunks = chunks.map((lines) => lines.map((l) => l.replace(/(\d)(?=[\t |]|$)/g, '$1\u200b')));
  return chunks.flatMap((lines, i) => noise.blankLines === 'between-rows' && i > 0 ? ['', ...lines] : lines);
}

/** Blank lines everywhere, indentation and line endings: what happens to the text as a whole. */
function finish(lines: string[], noise: Noise): string {
  let out = lines.filter((l) => l !== '' || (noise.blankLines !== 'none' && noise.blankLines !== 'everywhere'));
  if (noise.blankLines === 'everywhere') out = out.flatMap((l) => [l, '']);
  if (noise.indent) out = out.map((l) => l === '' ? l : noise.indent + l);
  if (noise.trailingSpaces) out = out.map((l) => l + noise.trailingSpaces);
  const text = out.map((l) => l.replaceAll(EMPTY_CELL_LINE, '')).join('\n') + '\n';
  return noise.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** One table in one style. */
export function renderTable(f: Figures, key: TableKey, style: Style, noise: Noise = {}): string {
  return finish(tableLines(f, key, style, noise), noise);
}

/** The report's title, which a printed report repeats as the running header of its pages. */
const titleOf = (f: Figures) => `某某镇${f.year}年政府信息公开工作年度报告`;

/** A part of a whole report, in order: its text, or the key of the table that stands there. */
export type Part = { kind: 'title' | 'heading' | 'prose'; text: string } | { kind: 'table'; key: TableKey };

/**
 * A whole report's parts: title, preamble, the six sections with a line or two of prose each, and
 * tables 2–4 under sections 二–四. The prose has no figure from the tables (a test may change a cell
 * without making the prose disagree). Every renderer of a whole report (text, web page, Word) draws these.
 */
export function reportParts(f: Figures): Part[] {
  const y = f.year;
  const notice = FORMATS.find((x) => x.version === f.version)!.notice;
  const prose: Record<number, string[]> = {
    1: [
      `${y}年，某某镇坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》，扎实做好主动公开、依申请公开、政府信息管理、平台建设和监督保障各项工作。`,
      '依申请公开方面，严格按照法定时限答复申请人，依法做好政府信息公开行政复议、行政诉讼应诉工作。',
    ],
    2: ['本年度主动公开政府信息情况如下：'],
    3: ['本年度收到和处理政府信息公开申请情况如下：'],
    4: ['本年度因政府信息公开工作被申请行政复议、提起行政诉讼的情况如下：'],
    5: ['本年度政府信息公开工作仍存在一些不足：政策解读形式较为单一，部分栏目信息更新不够及时。', '下一步，某某镇将加强业务培训，完善信息发布审核机制，不断提升政府信息公开工作质量。'],
    6: ['本机关本年度未收取信息处理费，无其他需要报告的事项。'],
  };
  const TABLES: Record<number, TableKey> = { 2: 't2', 3: 't3', 4: 't4' };
  const parts: Part[] = [
    { kind: 'title', text: titleOf(f) },
    { kind: 'prose', text: `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${notice}）的要求编制。本报告所列数据的统计期限自${y}年1月1日起至${y}年12月31日止。如对本报告有疑问，请与某某镇人民政府党政办公室联系。` },
  ];
  for (const s of SECTIONS) {
    parts.push({ kind: 'heading', text: `${s.numeral}、${s.title}` }, ...prose[s.number].map((text) => ({ kind: 'prose' as const, text })));
    const key = TABLES[s.number];
    if (key) parts.push({ kind: 'table', key });
  }
  return parts;
}

/**
 * A whole report (reportParts), each table in its own style. The text around the tables follows
 * table 3's family: all on one line when every table is flattened, wrapped like a PDF's lines when
 * table 3 is pdf-text, paragraphs otherwise.
 */
export function renderReport(f: Figures, styles: Record<TableKey, Style>, noise: Noise = {}): string {
  type Block = { kind: Part['kind']; lines: string[] };
  const blocks: Block[] = reportParts(f).map((p) => ({
    kind: p.kind,
    lines: p.kind === 'table' ? tableLines(f, p.key, styles[p.key], noise) : [p.kind === 'prose' ? p.text : heading(p.text, p.kind, noise)],
  }));

  if (Object.values(styles).every((x) => x.family === 'flattened')) return finish([blocks.map((b) => b.lines.join(' ')).join(' ')], noise);
  if (styles.t3.family === 'pdf-text') {
    // A text layer: the title over two lines, prose broken where the page's lines end, spaces around
    // numbers (“2023 年 1 月 1 日”), and no blank lines.
    const spaced = (p: string) => p.replace(/(?<=[\u4e00-\u9fff])(\d+)/g, ' $1').replace(/(\d+)(?=[\u4e00-\u9fff])/g, '$1 ');
    return finish(blocks.flatMap((b) =>
      b.kind === 'title' ? spaced(b.lines[0]).split(/ (?=\d)/)
        : b.kind === 'prose' ? wrap(spaced(b.lines[0]), 58)
          : b.lines), noise);
  }
  return finish(blocks.flatMap((b, i) => noise.blankLines === 'none' || i === 0 ? b.lines : ['', ...b.lines]), noise);
}

/** A layout the tests iterate over: one style for all three tables, with the blank lines it implies. */
export interface Layout {
  name: string;
  family: Family;
  /** The style all three tables are drawn in. */
  style: Style;
  /** Cells are separated in the text (not run together): one wrong cell can be pinpointed. */
  separated: boolean;
  /** A blank cell is visible as such in the text (\t\t, ||, an empty grid cell, a tab-only line). */
  provesBlanks: boolean;
  render(f: Figures, noise?: Noise): string;
}

/** `noise` given to `render` overrides the layout's own (cell-per-line's blank lines, one table per row's). */
function layout(name: string, style: Style, separated: boolean, provesBlanks: boolean, own: Noise = {}): Layout {
  return {
    name, family: style.family, style, separated, provesBlanks,
    render: (f, noise = {}) => renderReport(f, { t2: style, t3: style, t4: style }, { ...own, ...noise }),
  };
}

const cellPerLine = (indent: string, name: string) => [true, false].map((blank) => layout(
  `cell-per-line/${name}/${blank ? 'blank-lines' : 'no-blank-lines'}`,
  { family: 'cell-per-line', indent, breakHeaders: true },
  // Without indentation an empty cell is an empty line, which blank-line noise makes indistinguishable.
  true, indent !== '', { blankLines: blank ? 'between-rows' : 'none' },
));
const markdown = (name: string, s: Partial<StyleOf<'markdown'>>, own: Noise = {}) => layout(`markdown/${name}`,
  { family: 'markdown', outerPipes: true, rule: true, perRow: false, merges: 'empty', br: false, ...s }, true, true, own);

export const LAYOUTS: Layout[] = [
  layout('tabs', { family: 'tabs', merges: 'word' }, true, true),
  layout('tabs/padded-merges', { family: 'tabs', merges: 'pad' }, true, true),
  layout('tabs/collapsed-merges', { family: 'tabs', merges: 'collapse' }, true, true),
  layout('tabs/ragged', { family: 'tabs', merges: 'ragged', seed: 7 }, true, true),
  layout('csv/quoted', { family: 'csv', thousands: false }, true, true),
  layout('csv/quoted-thousands', { family: 'csv', thousands: true }, true, true),
  ...cellPerLine('\t', 'tab-indent'),
  ...cellPerLine('', 'no-indent'),
  ...cellPerLine('    ', 'space-indent'),
  markdown('outer-pipes', {}),
  markdown('no-outer-pipes', { outerPipes: false }),
  markdown('no-rule-row', { rule: false }),
  markdown('table-per-row', { perRow: true }, { blankLines: 'between-rows' }),
  markdown('repeated-merges', { merges: 'repeat', br: true }),
  layout('grid', { family: 'grid' }, true, true),
  // A blank cell is only a wider gap: it shows where the header's columns are, not in the text itself.
  layout('space-aligned/right', { family: 'space-aligned', align: 'right', wrapLabelsAt: 40 }, true, false),
  layout('space-aligned/left', { family: 'space-aligned', align: 'left' }, true, false),
  layout('pdf-text', { family: 'pdf-text', groups: 'own-lines', repeatHeader: true, marker: 'dash' }, true, false),
  layout('pdf-text/interleaved-groups', { family: 'pdf-text', groups: 'interleaved', repeatHeader: false, marker: 'page', seed: 3 }, true, false),
  layout('flattened', { family: 'flattened', t4: 'spaced', seed: 1 }, false, false),
  layout('flattened/t4-run-together', { family: 'flattened', t4: 'run-together', seed: 2 }, false, false),
];
