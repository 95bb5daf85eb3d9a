// An editable draft of a report, for `nianbao convert`: the importers' drafts (and Word pasted as text)
// hold a table row per line with its cells between tabs; Markdown holds pipe tables. The prose lines are
// left as they are in both directions, and so is each line's break (LF or CRLF).

/** A line with a tab after its first cell: a table row (a tab before any text is only indentation). */
export const isTabRow = (line: string) => line.replace(/^[\t ]+/, '').includes('\t');

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const RULE_ROW = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Lines with their breaks, so that the text is put back together exactly. */
function lines(text: string): { line: string; end: string }[] {
  return (text.match(/[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$/g) ?? []).map((l) => {
    const line = l.replace(/(?:\r\n|\n|\r)$/, '');
    return { line, end: l.slice(line.length) };
  });
}

const pipeRow = (cells: string[]) => `| ${cells.map((c) => c.trim().replace(/\|/g, '\\|') || ' ').join(' | ')} |`;

/**
 * The draft with each run of tab-separated rows as a Markdown pipe table: its first row the header, then
 * the rule row (as many columns as the header), then the others, each with its own cells (a merged cell
 * keeps its empty cell, as the draft had it); a blank line before and after a table, as Markdown needs.
 */
export function draftToMarkdown(text: string): string {
  const all = lines(text);
  const eol = all.find((l) => l.end)?.end ?? '\n';
  const out: string[] = [];
  for (let i = 0; i < all.length; i++) {
    const { line, end } = all[i];
    if (!isTabRow(line)) { out.push(line + end); continue; }
    if (out.length && out[out.length - 1].trim() !== '') out.push(eol);
    const header = line.split('\t');
    out.push(pipeRow(header) + eol, `|${header.map(() => ' --- ').join('|')}|` + eol);
    let last = end;
    while (i + 1 < all.length && isTabRow(all[i + 1].line)) {
      i++;
      out.push(pipeRow(all[i].line.split('\t')) + eol);
      last = all[i].end;
    }
    if (i + 1 < all.length && all[i + 1].line.trim() !== '') out.push(eol);
    else if (!last) out[out.length - 1] = out[out.length - 1].slice(0, -eol.length);
  }
  return out.join('');
}

/** Splits a pipe row into its cells (`\|` is a pipe inside a cell). */
function pipeCells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The other way: each Markdown pipe row as a tab-separated row, the rule rows dropped; the rest as it was. */
export function markdownToDraft(text: string): string {
  const out: string[] = [];
  for (const { line, end } of lines(text)) {
    if (RULE_ROW.test(line) && line.includes('-') && line.includes('|')) continue;
    // A row of nothing but pipes is no table row (and no draft of one): it stays as it was.
    const cells = PIPE_ROW.test(line) ? pipeCells(line) : undefined;
    out.push((cells?.some((c) => c !== '') ? cells.join('\t') : line) + end);
  }
  return out.join('');
}
