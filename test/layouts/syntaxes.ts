import type { Draw, Style } from './render';
import { drawMarkdown } from './markdown';
import { drawSpaceAligned } from './space-aligned';
import { width } from './typeset';
import { rowSpans, type WordCell } from './word';

// Text-table syntaxes other than Markdown's and pandoc's grid that drafts and converters write:
// - org: Emacs org-mode, pipes with a |---+---| rule under the header;
// - rst: reStructuredText simple tables, columns aligned by spaces between ==== rules (above and under the header, at the end);
// - asciidoc: |=== blocks, a row a line, spans written in the cell's mark (5+|法人或其他组织, .8+|（三）不予公开, a| for content cells);
// - asciidoc-cells: the same with a cell a line and a blank line between rows (as Asciidoctor's converters write it);
// - multiline: pandoc's multiline tables, dashed rules, cells wrapped over lines, a blank line between rows;
// - excel: Excel's or WPS's clipboard: tab-separated, a cell holding a line break quoted ("商业\n企业");
// - latex: a tabular, cells parted by &, rows ended by \\, merged headers as \multicolumn.

export type SyntaxKind = 'org' | 'rst' | 'asciidoc' | 'asciidoc-cells' | 'multiline' | 'excel' | 'latex';
export const SYNTAXES: SyntaxKind[] = ['org', 'rst', 'asciidoc', 'asciidoc-cells', 'multiline', 'excel', 'latex'];
type Syntax = Extract<Style, { family: 'syntax' }>;

/** The display columns blank in every line, as a rule of `ch` over the others (rST's ==== ====, pandoc's ---- ----). */
function rule(lines: string[], ch: string): string {
  const cols: boolean[] = [];
  for (const l of lines) {
    let x = 0;
    for (const c of l) {
      const w = width(c);
      if (c !== ' ') for (let k = 0; k < w; k++) cols[x + k] = true;
      x += w;
    }
  }
  return Array.from(cols, (used) => used ? ch : ' ').join('').trimEnd();
}

/** A long label broken where Excel's Alt+Enter or a wrapped cell would: after its eighth character. */
const broken = (c: WordCell) => c.kind === 'value' ? [c.text] : c.lines.length > 1 ? c.lines : [...c.text].length > 14 ? [c.text.slice(0, 8), c.text.slice(8)] : [c.text];
const excelField = (c: WordCell) => {
  const lines = broken(c);
  return lines.length > 1 ? `"${lines.join('\n').replace(/"/g, '""')}"` : lines[0];
};

/** An AsciiDoc cell's mark: its column span (5+), its row span (.8+), both (2.3+), and a| for a label's content cell now and then. */
function adocMark(c: WordCell, rows: number, i: number): string {
  const span = c.span > 1 && rows > 1 ? `${c.span}.${rows}+` : c.span > 1 ? `${c.span}+` : rows > 1 ? `.${rows}+` : '';
  return `${span}${c.kind === 'label' && i % 3 === 0 ? 'a' : ''}|`;
}

export const drawSyntax: Draw<Syntax> = (rows, table, style) => {
  const lastHead = rows.reduce((k, r, i) => r.kind === 'head' ? i : k, -1);
  switch (style.kind) {
    case 'org': {
      const md = drawMarkdown(rows, table, { family: 'markdown', outerPipes: true, rule: false, perRow: false, merges: 'empty', br: false });
      const hline = `|${Array(table.width).fill('-----').join('+')}|`;
      return md.map((lines, i) => i === lastHead ? [...lines, hline] : lines);
    }
    case 'rst': case 'multiline': {
      const drawn = drawSpaceAligned(rows, table, { family: 'space-aligned', align: 'left', wrapLabelsAt: style.kind === 'multiline' ? 24 : undefined });
      const all = drawn.flat();
      const ch = style.kind === 'rst' ? '=' : '-';
      const cols = rule(all, ch), full = ch.repeat(Math.max(...all.map(width)));
      const top = style.kind === 'rst' ? cols : full;
      return drawn.map((lines, i) => [
        ...(i === 0 ? [top] : []),
        ...lines,
        ...(i === lastHead ? [cols] : []),
        ...(style.kind === 'multiline' && i > lastHead && i < drawn.length - 1 ? [''] : []),
        ...(i === drawn.length - 1 ? [style.kind === 'rst' ? cols : full] : []),
      ]);
    }
    case 'asciidoc': case 'asciidoc-cells': {
      const spans = rowSpans(table);
      const out = rows.map((row, r) => {
        const cells = row.cells.filter((c) => !c.below).map((c, i) => `${adocMark(c, spans.get(c) ?? 1, r + i)}${c.text}`);
        return style.kind === 'asciidoc' ? [cells.join(' ')] : [...cells, ''];
      });
      out[0] = ['[options="header"]', '|===', ...out[0]];
      out[out.length - 1] = [...out[out.length - 1], '|==='];
      return out;
    }
    case 'excel':
      return rows.map((row) => [row.cells.flatMap((c) => [c.below ? '' : excelField(c), ...Array(c.span - 1).fill('')]).join('\t')]);
    case 'latex': {
      const out = rows.map((row) => [row.cells.map((c) => c.below ? '' : c.span > 1 ? `\\multicolumn{${c.span}}{|c|}{${c.text}}` : c.text).join(' & ') + ' \\\\ \\hline']);
      out[0] = [`\\begin{tabular}{|${'c|'.repeat(table.width)}}`, '\\hline', ...out[0]];
      out[out.length - 1] = [...out[out.length - 1], '\\end{tabular}'];
      return out;
    }
  }
};
