// A unified diff of two texts, line by line, for --fix --dry-run: small on purpose (no package).
// Fixes change a few lines in place, so the lines between the common head and tail are compared
// pairwise when both sides have as many; otherwise a longest-common-subsequence table is built over
// that middle alone (a section heading inserted, a line deleted), or, past a size where the table
// would be too big, the middle is shown as removed and added whole: always a correct diff, if not the shortest.

const CONTEXT = 3;
const MAX_TABLE = 4_000_000;

type Op = { kind: ' ' | '-' | '+'; line: string };

/** The lines of a text, each with its line break, so that CRLF and a missing final break survive. */
function linesOf(text: string): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g);
  return lines ?? [];
}

function middleOps(a: string[], b: string[]): Op[] {
  if (a.length === b.length) {
    const ops: Op[] = [];
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) ops.push({ kind: ' ', line: a[i] });
      else ops.push({ kind: '-', line: a[i] }, { kind: '+', line: b[i] });
    }
    return ops;
  }
  if ((a.length + 1) * (b.length + 1) > MAX_TABLE) {
    return [...a.map((line) => ({ kind: '-' as const, line })), ...b.map((line) => ({ kind: '+' as const, line }))];
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const w = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * w);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1] + 1 : Math.max(lcs[(i + 1) * w + j], lcs[i * w + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { ops.push({ kind: ' ', line: a[i] }); i++; j++; }
    else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1]) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  while (i < a.length) ops.push({ kind: '-', line: a[i++] });
  while (j < b.length) ops.push({ kind: '+', line: b[j++] });
  return ops;
}

/** `--- old` / `+++ new` and the hunks, or '' when the texts are equal. */
export function unifiedDiff(oldName: string, newName: string, before: string, after: string): string {
  if (before === after) return '';
  const a = linesOf(before), b = linesOf(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const ops: Op[] = [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middleOps(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
  // Hunks: the changed ops with up to CONTEXT unchanged lines around them, merged when they touch.
  const changed = ops.map((op, k) => (op.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  const out = [`--- ${oldName}\n`, `+++ ${newName}\n`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k] - CONTEXT);
    let end = changed[k];
    while (k + 1 < changed.length && changed[k + 1] - end <= 2 * CONTEXT) end = changed[++k];
    k++;
    end = Math.min(ops.length - 1, end + CONTEXT);
    // Line numbers of the hunk's first line on each side.
    let oldLine = 1, newLine = 1;
    for (let m = 0; m < start; m++) { if (ops[m].kind !== '+') oldLine++; if (ops[m].kind !== '-') newLine++; }
    const hunk = ops.slice(start, end + 1);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out.push(`@@ -${oldCount ? oldLine : oldLine - 1},${oldCount} +${newCount ? newLine : newLine - 1},${newCount} @@\n`);
    for (const op of hunk) {
      out.push(op.kind + op.line);
      if (!op.line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
  }
  return out.join('');
}
