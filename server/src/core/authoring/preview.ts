import type { TableKey } from '../format/schema';
import { IDENTITY_CODES, tableSpec } from '../format/statute';
import { evaluate, instances } from '../identities';
import { comparePositions, within, type Range } from '../lineIndex';
import type { Cell, Report, Table } from '../model';
import { cellName, num, tableName, tableNameEn } from '../rules/names';
import { required } from '../rules/requiredValue';
import type { Finding, Locale } from '../service';
import { expectedValues } from './expected';
import { starts, wordTable, type WordTable } from './wordTable';

// The table preview (the client's webview, request nianbao/preview): tables 2, 3 and 4 drawn as the
// statutory Word template draws them (wordTable.ts, merged cells and all), each statutory cell with
// its value and what the checker makes of it. Plain data, so that the server can send it as it is
// and the webview only draws it; every text in the document's locale.

/** 'read': every number bound; 'partly': some could not be; 'unreadable': none; 'picture': given as a picture; 'missing': not found. */
export type TableState = 'read' | 'partly' | 'unreadable' | 'picture' | 'missing';

export function tableState(report: Report, key: TableKey): TableState {
  if (report.pictures[key]) return 'picture';
  const table = report.tables[key];
  if (!table) return 'missing';
  const bound = Object.values(table.rows).some((r) => Object.keys(r.cells).length > 0);
  return !bound ? 'unreadable' : table.problems.length ? 'partly' : 'read';
}

/**
 * What a statutory cell holds, as far as the checker can tell:
 * - 'consistent': a number, and the identities it takes part in hold (or a wrong cell elsewhere explains them);
 * - 'unchecked': a number no identity checks (table 2; a row with a blank), or whose finding is not shown;
 * - 'wrong': the one cell that explains every broken identity — `expected` is what they make it;
 * - 'doubtful': may be wrong where the identities cannot tell which cell is (`expected`, for a total: what its parts add up to);
 * - 'inferred': cut from digits run together, where the identities put the cut (they cannot also confirm it);
 * - 'ambiguous': digits run together that can be cut in several ways (`readings`);
 * - 'blank', 'placeholder' (/, -, 无), 'invalid' (not a number): no number — blank is not zero (`expected`, when the identities tell);
 * - 'missing': the row was not found, or its numbers could not be bound.
 */
export type CellState = 'consistent' | 'unchecked' | 'wrong' | 'doubtful' | 'inferred' | 'ambiguous' | 'blank' | 'placeholder' | 'invalid' | 'missing';

export interface PreviewCell {
  kind: 'label' | 'group' | 'head' | 'value';
  /** A label's or header's text; a value cell's text as written. */
  text: string;
  colspan: number;
  rowspan: number;
  /** Value cells only, from here on: the statutory cell (canonical keys, as in `nianbao parse`). */
  row?: string;
  col?: string;
  state?: CellState;
  value?: number | null;
  expected?: number;
  /** 'ambiguous': the values its cuts give it. */
  readings?: number[];
  /** A short word under the value: 应为 23, 推断, 空白 … */
  note?: string;
  /** The tooltip: the cell's row and column, its state, and the findings shown at it. */
  title?: string;
  /** Where the cell is in the document; absent when the cell was not read. */
  range?: Range;
}

export interface PreviewTable {
  key: TableKey;
  /** 表三 收到和处理政府信息公开申请情况 */
  title: string;
  state: TableState;
  /** What is wrong with the table as a whole: not found, could not be read, rows missing … */
  notes: string[];
  /** Rows of the drawn grid; a merged cell appears once, with its spans. Empty for a missing table. */
  rows: PreviewCell[][];
}

export interface Preview {
  locale: Locale;
  year: number | null;
  format: string | null;
  tables: PreviewTable[];
  /** The states' names and what they mean, for the legend. */
  legend: { state: CellState; label: string; meaning: string }[];
  /** What the webview prints about itself. */
  text: { heading: string; click: string };
}

export interface PreviewOptions {
  locale: Locale;
  /** Where a range of the text checked is in the document shown (a web page's HTML); by default where it is. */
  place?: (r: Range) => Range;
}

const TABLE_RULES = new Set(['table-missing', 'table-unreadable', 'row-missing', 'row-cells']);
const TABLES: TableKey[] = ['t2', 't3', 't4'];

const STATES: Record<CellState, { zh: [string, string]; en: [string, string] }> = {
  consistent: { zh: ['一致', '符合它所在的勾稽关系'], en: ['consistent', 'agrees with the identities it takes part in'] },
  unchecked: { zh: ['未核对', '没有可核对的勾稽关系（如表二），或所在关系中有空白格'], en: ['not checked', 'no identity checks it (table 2), or one of its identities has a blank'] },
  wrong: { zh: ['有误', '唯一与勾稽关系不符的一格；下方为按其余数字应填的数'], en: ['wrong', 'the one cell that breaks the identities; below it, what the other figures make it'] },
  doubtful: { zh: ['可能有误', '不止一处有误，无法确定是哪一格；总计格下方为各项之和'], en: ['may be wrong', 'more than one figure is wrong and which cannot be told; under a total, what its parts add up to'] },
  inferred: { zh: ['推断', '由连在一起的数字拆出：只有一种拆法说得通'], en: ['inferred', 'cut from digits run together: only one cut fits'] },
  ambiguous: { zh: ['有几种拆法', '连在一起的数字可以拆成几种，无法确定是哪一种'], en: ['ambiguous', 'digits run together that can be cut more than one way'] },
  blank: { zh: ['空白', '空白不等于 0；能由勾稽关系算出时下方为算出的数'], en: ['blank', 'blank is not zero; below it, the value the identities give, if they do'] },
  placeholder: { zh: ['占位符', '“/”“-”“无”等不等于 0'], en: ['placeholder', '“/”, “-” or “无” is not zero'] },
  invalid: { zh: ['不是数字', '无法读作数字，或不是非负整数'], en: ['not a number', 'cannot be read as a count'] },
  missing: { zh: ['未读到', '这一行没有找到，或其中的数字无法归到各格'], en: ['not read', 'the row was not found, or its numbers could not be bound to cells'] },
};

const TABLE_STATES: Record<TableState, { zh: string; en: string }> = {
  read: { zh: '已读懂', en: 'read' },
  partly: { zh: '部分读懂', en: 'partly read' },
  unreadable: { zh: '读不懂：其中的数字无法归到各格', en: 'could not be read: its numbers could not be bound to cells' },
  picture: { zh: '是图片：其中的数字读不出，未核对', en: 'a picture: its numbers cannot be read and are not checked' },
  missing: { zh: '未找到这张表', en: 'this table was not found' },
};

const key = (row: string, col: string) => `${row}|${col}`;
const inside = (inner: Range, outer: Range) => within(inner.start, outer) && within(inner.end, outer);
const same = (a: Range, b: Range) => comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;

/** What the identities say of a cell that takes part in a broken one. */
interface Verdict { state: 'wrong' | 'doubtful' | 'unchecked'; expected?: number }

/** The verdicts on a table's cells, by `row|col`, given where identity findings are shown (a hidden finding takes its verdict with it). */
function verdicts(table: Table, shown: (r: Range) => boolean): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  const evaluation = evaluate(table);
  const expected = expectedValues(table, evaluation);
  if (evaluation.blame) {
    const { row, col, cell, value } = expected[0];
    out.set(key(row, col), shown(cell.range) ? { state: 'wrong', expected: value } : { state: 'unchecked' });
    return out;
  }
  // Without one cell to blame, each broken identity's finding stands at its total and names its suspects.
  evaluation.broken.forEach((inst, k) => {
    const verdict = shown(inst.total.cell.range) ? 'doubtful' : 'unchecked';
    for (const t of [inst.total, ...(evaluation.suspects?.[k] ?? [])]) {
      if (t.cell.inferred || out.get(key(t.row, t.col))?.state === 'doubtful') continue;
      out.set(key(t.row, t.col), { state: verdict });
    }
  });
  for (const e of expected) {
    const v = out.get(key(e.row, e.col));
    if (v?.state === 'doubtful') v.expected = e.value;
  }
  return out;
}

/** The preview of a checked report: its tables and the findings shown for it (ranges in the document shown). */
export function preview(report: Report, findings: Finding[], { locale, place = (r) => r }: PreviewOptions): Preview {
  const en = locale === 'en';
  const say = (m: { zh: string; en: string }) => m[locale];
  const identityFindings = findings.filter((f) => IDENTITY_CODES.has(f.code));

  function drawTable(k: TableKey): PreviewTable {
    const table = report.tables[k];
    const state = tableState(report, k);
    const spec = tableSpec(table?.version ?? report.format ?? '2021', k);
    const title = `${en ? tableNameEn(k) : tableName(k)} ${spec.title}`;
    if (!table) return { key: k, title, state, notes: [say(TABLE_STATES[state])], rows: [] };
    const where = place(table.range);
    const notes = [
      ...(state === 'read' ? [] : [say(TABLE_STATES[state])]),
      ...findings.filter((f) => TABLE_RULES.has(f.code) && inside(f.range, where)).map((f) => f.message),
    ];
    const shownAt = (r: Range) => { const p = place(r); return identityFindings.some((f) => same(f.range, p)); };
    const judged = verdicts(table, shownAt);
    // Cells some evaluable identity checks.
    const checked = new Set(instances(table).flatMap((i) => i.terms.map((t) => key(t.row, t.col))));
    const word = wordTable(table.version, k, (row, col) => table.rows[row]?.cells[col]?.raw ?? '');
    const valueCell = (row: string, col: string): Omit<PreviewCell, 'kind' | 'colspan' | 'rowspan'> => {
      const cell = table.rows[row]?.cells[col];
      const name = say(cellName(table, row, col));
      if (!cell) return { text: '', state: 'missing', value: null, note: STATES.missing[locale][0], title: `${name}\n${STATES.missing[locale][1]}` };
      const out = describe(table, row, col, cell, judged.get(key(row, col)), checked.has(key(row, col)));
      const range = place(cell.range);
      const at = findings.filter((f) => inside(range, f.range)).map((f) => f.message);
      return {
        ...out, text: cell.raw, value: cell.value, range, note: noteText(out, locale),
        title: [name, `${STATES[out.state][locale][0]}：${STATES[out.state][locale][1]}`, ...at].join('\n'),
      };
    };
    return { key: k, title, state, notes, rows: grid(word, valueCell) };
  }

  return {
    locale, year: report.year, format: report.format,
    tables: TABLES.map(drawTable),
    legend: (Object.keys(STATES) as CellState[]).map((state) => ({ state, label: STATES[state][locale][0], meaning: STATES[state][locale][1] })),
    text: en
      ? { heading: report.year ? `Statistical tables of the ${report.year} annual report` : 'Statistical tables of the annual report', click: 'Click a cell to select it in the draft.' }
      : { heading: report.year ? `${report.year} 年度报告统计表` : '年度报告统计表', click: '点击一格，在草稿中选中它。' },
  };
}

type Judged = { state: CellState; expected?: number; readings?: number[] };

function describe(table: Table, row: string, col: string, cell: Cell, verdict: Verdict | undefined, checked: boolean): Judged {
  switch (cell.kind) {
    case 'ambiguous': {
      const readings = table.problems.filter((p) => p.kind === 'ambiguous' && p.row === row)
        .flatMap((p) => p.readings ?? []).map((r) => r[col]?.value).filter((v): v is number => v !== null && v !== undefined);
      return { state: 'ambiguous', readings: [...new Set(readings)] };
    }
    case 'blank': case 'placeholder': case 'invalid':
      return { state: cell.kind, expected: required(table, row, col)?.value };
    case 'number': {
      // A negative count or a fraction of one is no count (cell-invalid).
      const column = tableSpec(table.version, table.key).columns.find((c) => c.key === col)!;
      if ((!column.signed && cell.value! < 0) || (!column.decimals && !Number.isInteger(cell.value))) {
        return { state: 'invalid', expected: required(table, row, col)?.value };
      }
      if (verdict) return verdict.expected === undefined ? { state: verdict.state } : { state: verdict.state, expected: verdict.expected };
      if (cell.inferred) return { state: 'inferred' };
      return { state: checked ? 'consistent' : 'unchecked' };
    }
  }
}

/** The word under a value: what it should be, what it may be, or its state. */
function noteText({ state, expected, readings }: Judged, locale: Locale): string | undefined {
  const en = locale === 'en';
  if (expected !== undefined) {
    const v = num(expected);
    if (state === 'doubtful') return en ? `parts give ${v}` : `按各项 ${v}`;
    if (state === 'wrong') return en ? `should be ${v}` : `应为 ${v}`;
    return en ? `${STATES[state].en[0]}, should be ${v}` : `${STATES[state].zh[0]}，应为 ${v}`;
  }
  if (state === 'ambiguous' && readings?.length) return (en ? 'one of ' : '可能为 ') + readings.map(num).join(' / ');
  return state === 'consistent' || state === 'unchecked' ? undefined : STATES[state][locale][0];
}

/**
 * The Word table's rows as a grid for an HTML table: a merged cell once, with its column span and,
 * for a vertical merge, as many rows as the `below` cells under it.
 */
function grid(word: WordTable, valueCell: (row: string, col: string) => Omit<PreviewCell, 'kind' | 'colspan' | 'rowspan'>): PreviewCell[][] {
  const columns = word.rows.map(starts);
  return word.rows.map((r, y) => r.cells.flatMap((c, i): PreviewCell[] => {
    if (c.below) return [];
    let rowspan = 1;
    while (word.rows[y + rowspan]?.cells.some((d, j) => d.below && columns[y + rowspan][j] === columns[y][i])) rowspan++;
    const base = { kind: c.kind, text: c.text, colspan: c.span, rowspan };
    return [c.kind === 'value' && c.at ? { ...base, row: c.at.row, col: c.at.col, ...valueCell(c.at.row, c.at.col) } : base];
  }));
}
