import type { LineIndex, Range } from '../lineIndex';
import { tablesOf, type Report } from '../model';

// Format Document / Format Selection: the columns of Markdown pipe tables and of tab-separated tables
// aligned for display width, a Chinese character two columns wide. Only blanks change, never a cell's
// text: inside the pipes; in a tab-separated row, spaces before each tab (a tab is a cell boundary, so
// none is added or removed, and a cell of spaces only is still an empty cell to the reader).

export interface LineEdit { range: Range; newText: string }

/**
 * Columns a character takes in the editor: two for CJK and full-width forms. Unicode's “ambiguous”
 * characters (“ ” — …) are one, as a monospaced Latin font, which the editor picks them from, draws them.
 */
function charWidth(c: number): number {
  return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
}

export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** A table row: a line whose first character after its indentation is a pipe, and that has another. */
const ROW = /^([ \t]*)\|(.*\|.*)$/;
const RULE_CELL = /^:?-+:?$/;

/** The cells of a row, trimmed; a pipe after a backslash is text. The pipe that closes the row opens no cell. */
function cells(rest: string): string[] {
  const out = rest.split(/(?<!\\)\|/).map((c) => c.trim());
  if (out.length > 1 && out[out.length - 1] === '') out.pop();
  return out;
}

/** The lines of one pipe table, aligned. */
function alignBlock(lines: { indent: string; cells: string[] }[]): string[] {
  const isRule = (cs: string[]) => cs.length > 0 && cs.every((c) => RULE_CELL.test(c));
  const widths: number[] = [];
  for (const l of lines) {
    if (isRule(l.cells)) continue;
    l.cells.forEach((c, i) => { widths[i] = Math.max(widths[i] ?? 1, displayWidth(c)); });
  }
  return lines.map(({ indent, cells: cs }) => {
    const rule = isRule(cs);
    const shown = cs.map((c, i) => {
      const w = Math.max(widths[i] ?? 1, rule ? 1 : 0);
      if (!rule) return ` ${c}${' '.repeat(w - displayWidth(c))} `;
      return `${c.startsWith(':') ? ':' : '-'}${'-'.repeat(w)}${c.length > 1 && c.endsWith(':') ? ':' : '-'}`;
    });
    return `${indent}|${shown.join('|')}|`;
  });
}

/** Edits that align every pipe table of the text, or only those on the lines of `within`. */
export function alignMarkdownTables(idx: LineIndex, within?: Range): LineEdit[] {
  const edits: LineEdit[] = [];
  const first = within?.start.line ?? 0, last = within?.end.line ?? idx.lineCount - 1;
  let line = 0;
  while (line < idx.lineCount) {
    const block: { line: number; indent: string; cells: string[] }[] = [];
    for (let m; line < idx.lineCount && (m = ROW.exec(idx.lineText(line))); line++) block.push({ line, indent: m[1], cells: cells(m[2]) });
    if (!block.length) { line++; continue; }
    if (block[block.length - 1].line < first || block[0].line > last) continue;
    alignBlock(block).forEach((text, i) => {
      const at = block[i].line;
      if (text !== idx.lineText(at)) edits.push({ range: idx.lineRange(at), newText: text });
    });
  }
  return edits;
}

/**
 * A tab-separated row: text, then a tab. (A tab before any text is only indentation, as in a
 * one-cell-per-line table; a line with a pipe is read as a pipe row, its tabs are no boundaries.)
 */
const isTabRow = (line: string) => /^[\t ]*[^\t ][^\t]*\t/.test(line) && !line.includes('|');

/**
 * Tab-separated rows padded so that each column starts at the same tab stop on every row, whatever
 * the tab size: every cell but a row's last gets spaces up to its column's widest text (its own
 * trailing spaces not counted, so that a second pass changes nothing).
 */
export function alignTabRows(lines: string[]): string[] {
  const rows = lines.map((l) => l.split('\t').map((c, i, all) => (i < all.length - 1 ? c.replace(/ +$/, '') : c)));
  const widths: number[] = [];
  for (const r of rows) for (let i = 0; i < r.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(r[i]));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(widths[i] - displayWidth(c)) : c)).join('\t'));
}

/**
 * Edits that align the tab-separated rows of every table the reader read without a problem (or of
 * those on the lines of `within`). A table it could not read, or a row being typed that it cannot
 * bind yet, is left as it is: padding is only safe where the reader shows what the cells are.
 */
export function alignTabTables(report: Report, idx: LineIndex, within?: Range): LineEdit[] {
  const edits: LineEdit[] = [];
  for (const t of tablesOf(report)) {
    if (t.problems.length) continue;
    const { start, end } = t.range;
    if (within && (end.line < within.start.line || start.line > within.end.line)) continue;
    const lines: number[] = [];
    for (let l = start.line; l <= end.line; l++) {
      const text = idx.lineText(l);
      // Only lines wholly in the table: not one it shares with the text before or after it.
      if (l === start.line && text.slice(0, start.character).trim() !== '') continue;
      if (l === end.line && text.slice(end.character).replace(/[\t ]/g, '') !== '') continue;
      if (isTabRow(text)) lines.push(l);
    }
    const aligned = alignTabRows(lines.map((l) => idx.lineText(l)));
    lines.forEach((l, i) => { if (aligned[i] !== idx.lineText(l)) edits.push({ range: idx.lineRange(l), newText: aligned[i] }); });
  }
  return edits;
}
