import type { Figures } from './figures';
import { placeKey, rowspans, type CellPlaces } from './html';
import { renderTable, reportParts } from './render';
import { wordTable } from './word';

// A draft whose tables are HTML inside its Markdown: what converters of PDFs to Markdown write for
// tables with merged cells. MinerU writes each table on one line, inside <html><body>…</body></html>,
// its cells as <td> with rowspan and colspan; pandoc spreads a table over many lines, its first row
// in <thead> as <th>, the rest in <tbody>, a cell's lines joined by <br />. The rest of the report
// is Markdown (# title, ## headings, paragraphs). `markdownT2`: table 2, whose merges a converter
// can do without, written as a pipe table, the others as HTML, as converters mix them.

export type HtmlInText = 'mineru' | 'pandoc';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as such a draft, and where each statutory cell's number is in it. */
export function renderHtmlInText(f: Figures, style: HtmlInText, { markdownT2 = false } = {}): { text: string; places: CellPlaces } {
  let text = '';
  const places: CellPlaces = new Map();
  for (const p of reportParts(f)) {
    if (p.kind !== 'table') {
      text += `${p.kind === 'title' ? '# ' : p.kind === 'heading' ? '## ' : ''}${p.text}\n\n`;
      continue;
    }
    if (p.key === 't2' && markdownT2) {
      text += `${renderTable(f, 't2', { family: 'markdown', outerPipes: true, rule: true, perRow: false, merges: 'empty', br: false })}\n\n`;
      continue;
    }
    const table = wordTable(f, p.key);
    const spans = rowspans(table);
    const pandoc = style === 'pandoc';
    text += pandoc ? '<table>\n<thead>\n' : '<html><body><table>';
    table.rows.forEach((row, r) => {
      if (pandoc && r === 1) text += '</thead>\n<tbody>\n';
      text += pandoc ? `<tr class="${r % 2 ? 'even' : 'odd'}">\n` : '<tr>';
      for (const c of row.cells) {
        if (c.below) continue;
        const tag = pandoc && r === 0 ? 'th' : 'td';
        const rowspan = spans.get(c) ?? 1;
        text += `<${tag}${c.span > 1 ? ` colspan="${c.span}"` : ''}${rowspan > 1 ? ` rowspan="${rowspan}"` : ''}>`;
        if (c.kind === 'value') {
          const start = text.length;
          text += escape(c.text);
          if (c.text !== '') places.set(placeKey(table.key, c.at!.row, c.at!.col), { start, end: text.length });
        } else {
          text += c.lines.map(escape).join(pandoc ? '<br />' : '');
        }
        text += `</${tag}>${pandoc ? '\n' : ''}`;
      }
      text += pandoc ? '</tr>\n' : '</tr>';
    });
    text += pandoc ? '</tbody>\n</table>\n\n' : '</table></body></html>\n\n';
  }
  return { text, places };
}
