import type { TableKey } from './format/schema';
import type { Family } from './format/proseWords';
import type { FormatVersion } from './format/statute';
import { tableSpec } from './format/statute';
import type { LineIndex, Range } from './lineIndex';

/**
 * How a cell's text reads: a number, nothing, a placeholder such as “/” or “无”, something else, or
 * — in digits run together without separators — one of several numbers the identities leave open.
 */
export type CellKind = 'number' | 'blank' | 'placeholder' | 'invalid' | 'ambiguous';

export interface Cell {
  /** The number, or null when the cell is blank, a placeholder or not a number. Blank is not zero. */
  value: number | null;
  /** The cell's text as written, without surrounding blanks. */
  raw: string;
  /** Where `raw` stands; an empty range where a blank cell is. (The parser builds it when it is read.) */
  readonly range: Range;
  kind: CellKind;
  /** A unit written inside the cell (“万元”, “件”), if any. */
  unit: string | undefined;
  /** Written with full-width digits or a thousands separator. */
  nonstandard: boolean;
  /**
   * Cut from digits run together without separators: the row's identities (or a figure in the prose)
   * chose where it ends. The identities that chose it cannot also confirm it, nor blame it.
   */
  inferred: boolean;
}

/**
 * Where the reader could not bind numbers to cells without guessing:
 * - 'too-few' / 'too-many': a row has fewer or more numbers than columns (`found`, `expected`);
 * - 'ambiguous': digits run together can be cut in several ways that fit (`readings`);
 * - 'unreadable': a row the reader cannot read (`cause`), or a table none of whose rows it can;
 * - 'stray': numbers in the table that belong to no row the reader found.
 */
export interface TableProblem {
  kind: 'too-few' | 'too-many' | 'ambiguous' | 'unreadable' | 'stray';
  /** The row's key; table 4's fifteen numbers are read as one row, keyed by its first block. Undefined for stray numbers. */
  row: string | undefined;
  range: Range;
  found: number;
  expected: number;
  /** 'ambiguous': the cuts that fit, each the row's cells by column. */
  readings?: Record<string, Cell>[];
  /**
   * 'unreadable': 'split' — its run-together digits cannot be cut so that the row adds up; 'long' —
   * they are too long to try; 'short' — too few numbers in a table with stray numbers (they may be its);
   * 'mixed' — header words stand among its numbers (a PDF's text that lost the table's shape);
   * 'glyphs' — the table's numbers are a PDF font's glyph codes ((cid:18)), not digits (a table, not a row);
   * 'sentences' — the table is written as sentences, each number after its column's name (a table, not a row);
   * 'unnamed' — in a table written a row a line naming its columns (table 2), a number whose words name no column of
   * a row (or the same cell again), `label` its line. 'too-few': 'unnamed' — such a row's line names not all its
   * columns, `label` the headers of those it leaves out.
   * 'header' — the header's columns stand in an order no table has (总计 among 法人或其他组织's: merges lost), and the
   *   statute's order does not fit every row either: which number is whose cannot be told (a table, not a row; `range`: the header).
   * 'mirrored' — the table's labels stand on the right, each after its row's numbers (a table, not a row; `range`: the first).
   * 'transposed' — the table's rows stand as columns, their labels on one line (a table, not a row; `range`: the first).
   * 'group' — in table 3 written a row a line, a number after 法人或其他组织 (not 0): the sum of the five columns under it,
   *   none of which it is (`label` its line).
   * 'extra' — the header names a column the statute has not (合计 beside 总计, 小计, 占比) and the row has a number for it,
   *   which the reader cannot tell from the others (the text shows neither cells nor aligned columns to place it).
   *   'repeat' — the 合计 beside 总计 that the table's rows show repeating each row's total (columns.ts `repeat`), where this
   *   row's last two numbers differ: which of them is 总计 cannot be told.
   * 'too-many': 'twice' — the row is written twice with other numbers (pasted again), the second at `again`.
   * 'ambiguous': 'broken' — one of the row's numbers is broken over a line end (a narrow PDF cell), and which one the
   *   identities do not tell (or the rest alone may be a page's number).
   */
  cause?: 'split' | 'long' | 'short' | 'mixed' | 'twice' | 'glyphs' | 'sentences' | 'unnamed' | 'header' | 'mirrored' | 'transposed' | 'group' | 'broken' | 'extra' | 'repeat';
  again?: Range;
  /** 'stray': the words before the numbers, which name no row of the statute (a label reworded past recognition, or as near two rows). */
  label?: string;
}

export interface TableRow {
  key: string;
  /** Keyed by column; empty when the row's numbers could not be bound (see `Table.problems`). */
  cells: Record<string, Cell>;
}

export interface Table {
  key: TableKey;
  /** The format version this table is written in (it may differ from the report's). */
  version: FormatVersion;
  range: Range;
  rows: Record<string, TableRow>;
  /** Where the reader could not bind numbers to cells, in the order they were read. */
  problems: TableProblem[];
}

export interface Section {
  number: number;
  /** The title as written, without numbering. */
  title: string;
  /** The heading line, without surrounding blanks (two lines, for a heading a PDF broke over them). */
  headingRange: Range;
  /** The numeral as written (“一”, “2”), or null when the heading has none. */
  numeral: string | null;
  /** The numeral's value (三 → 3, whichever section it heads), or null when the heading has none. */
  numeralValue: number | null;
  /** The numbering as written — numeral, separator and the blanks after it (“2、 ”); empty, at the title, when there is none. */
  numberingRange: Range;
  /** Where the title stands. */
  titleRange: Range;
  /** The title is the statute's wording or one of its accepted variants (not, e.g., 主动公开情况). */
  statutory: boolean;
  /** From the heading to the line before the next section heading. */
  range: Range;
}

/** The lines of the sections' headings (a heading may be broken over two). */
export function headingLines(sections: readonly Section[]): number[] {
  const lines: number[] = [];
  for (const { headingRange: { start, end } } of sections) for (let l = start.line; l <= end.line; l++) lines.push(l);
  return lines;
}

/** A line of 一、总体情况 numbered like a section (“二、”, “三．”), where a sub-topic's （二） （三） is meant. */
export interface SubtopicNumbering {
  /** The numeral and its separator (“二、”). */
  range: Range;
  /** As written (“二、”). */
  written: string;
  /** The numeral (“二”) and its value. */
  numeral: string;
  value: number;
}

export interface Report {
  /** The report's year: the title's, unless the statistical period and the prose say another by a majority (parse/year.ts). */
  year: number | null;
  /** The year the title states, or null. */
  titleYear: number | null;
  /** Where the title's year stands; null when it has none. */
  yearRange: Range | null;
  /** The version of the statistical tables, or null when no table was found. */
  format: FormatVersion | null;
  /** The title says 政府信息公开工作年度报告, or a statutory table was found. */
  looksLikeReport: boolean;
  sections: Section[];
  tables: Partial<Record<TableKey, Table>>;
  /** Figures stated in the prose, each bound to a table quantity. */
  claims: Claim[];
  /** Lines of 一、总体情况 numbered like the sections (table rows, numbered so too, excepted). */
  subtopicNumberings: SubtopicNumbering[];
  /** Statutory tables not found as text whose section holds a picture (parse/pictures.ts): where the picture is. */
  pictures: Partial<Record<TableKey, Range>>;
}

/** How a number is written: 23, ２３ or 二十三. */
export type NumberForm = 'arabic' | 'fullwidth' | 'chinese';

export type ClaimForm = NumberForm | 'zero' | 'all';

/** A figure the prose states. */
export interface Claim {
  /**
   * The table quantity it speaks of (format/proseWords.ts), e.g. 't3.1.total', 't4.suit.total'; or, for
   * a part of a breakdown no table holds, 'channel' (当面申请 3 件), 'applicant' or 'other'.
   */
  quantity: string;
  /** Other quantities the wording may equally mean (收到 may count the carried-over too): any match passes. */
  alternatives?: string[];
  value: number;
  /** The number as written (“23”, “二十三”, “２３”), or the words of a zero claim or statement (“未收到”, “均已办结”). */
  raw: string;
  /** Where `raw` stands: the digits a fix replaces. */
  range: Range;
  /** 'zero': 未收到…申请, 无…复议; 'all': 均已办结, 均胜诉 (the quantity named is nil). */
  form: ClaimForm;
  unit: string;
  /** The words as the report has them, for messages: “受理依申请公开事项69件”. */
  phrase: string;
  family?: Family;
  /** A scope word leaves it open what is counted: a disagreement is only a hint. */
  unclear?: boolean;
  /** The index (in the same claims list) of the total this figure is a part of (其中 …). */
  partOf?: number;
  /**
   * Applications withdrawn that its sentence names (撤回2件，依法答复处理24件): the figure may leave them
   * out, so the quantity less this many passes too.
   */
  less?: number;
  /**
   * The figure counts some of the quantity, perhaps all (按时答复10件: those answered on time; 驳回1件 beside other results:
   * upheld or ended otherwise): it disagrees only when it is more.
   */
  atMost?: boolean;
}

/** The tables the report holds, in the order they were found. */
export const tablesOf = (report: Report): Table[] => Object.values(report.tables).filter((t): t is Table => t !== undefined);

/** Where the report's tables stand, as [start, end] offsets, in document order (a table may start and end inside a line). */
export function tableSpans(idx: LineIndex, report: Report): [number, number][] {
  return tablesOf(report).map((t): [number, number] => [idx.offset(t.range.start), idx.offset(t.range.end)]).sort((a, b) => a[0] - b[0]);
}

/** Visits every cell of a table with the keys of its row and column, in the format's order. */
export function eachCell(table: Table, visit: (cell: Cell, row: string, col: string) => void): void {
  for (const spec of tableSpec(table.version, table.key).rows) {
    const row = table.rows[spec.key];
    if (!row) continue;
    // The parser fills a row's cells in the order of its columns; `for…in` reads them without a lookup by name.
    const cells = row.cells;
    for (const col in cells) visit(cells[col], spec.key, col);
  }
}

/** A line's part inside a section's body (after its heading), and where that part starts in the line. */
export interface BodyLine { line: number; from: number; text: string }

/** The lines of a section's body, each cut to the part inside the section (a section may start or end inside a line). */
export function sectionBody(idx: LineIndex, s: Section): BodyLine[] {
  const start = idx.offset(s.headingRange.end), end = idx.offset(s.range.end);
  const out: BodyLine[] = [];
  for (let l = s.headingRange.end.line; l <= s.range.end.line; l++) {
    const at = idx.lineStart(l), text = idx.lineText(l);
    const from = Math.max(start - at, 0), to = Math.min(end - at, text.length);
    if (from < to) out.push({ line: l, from, text: from === 0 && to === text.length ? text : text.slice(from, to) });
  }
  return out;
}
