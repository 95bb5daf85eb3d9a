import { drawTable, type Layout } from '../core/authoring/layout';
import type { TableKey } from '../core/format/schema';
import type { Report } from '../core/model';
import { tableRegions } from './parts';

// The report as text (nianbao export --to md|txt): every table the reader read whole drawn again, in
// one layout, as the statute draws it (the command “convert table layout” draws the same way); the
// rest of the text as it was. A table that shares a line with prose (a web page's text on one line)
// gets lines of its own; a pipe table a blank line before and after it, as Markdown needs.

const trailingBreaks = (s: string) => /(?:\r?\n[ \t]*)*$/.exec(s)![0].split('\n').length - 1;
const leadingBreaks = (s: string) => /^(?:[ \t]*\r?\n)*/.exec(s)![0].split('\n').length - 1;

export function exportText(text: string, report: Report, layout: Layout): { text: string; asWritten: TableKey[] } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const around = layout === 'markdown' ? 2 : 1;
  const asWritten: TableKey[] = [];
  let out = '', at = 0;
  for (const r of tableRegions(text, report)) {
    if (r.start < at) continue;
    if (!r.drawn) { asWritten.push(r.key); continue; }
    let before = text.slice(at, r.start);
    if (out !== '' || before.trim() !== '') {
      before = before.replace(/[ \t]+$/, '');
      before += eol.repeat(Math.max(0, around - trailingBreaks(before)));
    }
    out += before + drawTable(r.drawn, layout).join(eol);
    at = r.end;
    const rest = text.slice(at);
    if (rest.trim() !== '') out += eol.repeat(Math.max(0, around - leadingBreaks(rest)));
    if (leadingBreaks(rest) === 0) while (at < text.length && /[ \t]/.test(text[at])) at++;
  }
  return { text: out + text.slice(at), asWritten };
}
