import type { LineIndex, Range } from '../lineIndex';

// Format Document / Format Selection: the columns of Markdown pipe tables aligned for display width,
// a Chinese character two columns wide. Only blanks inside the pipes change, never a cell's text.
// Tab-separated tables are left as they are: a tab is a cell boundary there, so padding one with
// tabs or spaces would change its cells (and an editor's tab stops cannot fit two-column characters).

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
