import type { Claim, Report, Table } from '../model';
import { quantityName, readQuantity, termName, type Quantity } from '../prose/quantities';
import { cellVerdicts } from './identityFindings';
import { cellName, columnName, num, tableName, tableNameEn } from './names';
import { perReport } from './perReport';
import type { Fix, Msg, RawFinding } from './types';

// The prose repeats figures of the tables; the parser's claims say which (prose/claims.ts). A claim
// passes when any reading of its words matches the table. A false alarm costs the author's trust,
// so a claim whose scope is open gets a hint (prose-unclear), never a warning (prose-mismatch).
// Both rules take their findings from one pass over the claims, made once per report; so does
// prose-breakdown, which leaves alone a list whose figures are already flagged.

export const EPS = 1e-6;

/**
 * A table reading of a claim, with the table as its identities say it should be: a cell they pin
 * (the one wrong cell, a blank they fill in) counts with that value. `pinned`: the cells so read;
 * `doubtful`: a cell of it may be wrong and they cannot say its value.
 */
interface Reading extends Quantity { pinned: { row: string; col: string; written: number | null }[]; doubtful: boolean }

/** The table readings of a claim that exist in this report: its quantity first, then the alternatives. */
function readings(report: Report, c: Claim): Reading[] {
  const verdicts = cellVerdicts(report);
  const verdict = (table: Table, row: string, col: string) => verdicts.get(`${table.key}|${row}|${col}`);
  // Most reports' tables add up: no verdict, and the plain reading.
  const valueOf = verdicts.size ? (t: Table, row: string, col: string) => { const v = verdict(t, row, col); return typeof v === 'object' ? v.value : undefined; } : undefined;
  const out: Reading[] = [];
  for (const key of [c.quantity, ...(c.alternatives ?? [])]) {
    const q = readQuantity(report, key, valueOf);
    if (!q) continue;
    // Field by field: a spread ({ ...q }) copies through a generic path, ~8 times slower here.
    const reading: Reading = { key: q.key, table: q.table, value: q.value, terms: q.terms, pinned: [], doubtful: false };
    if (valueOf) {
      for (const t of q.terms) {
        const v = verdict(q.table, t.row, t.col);
        if (v === 'doubtful') reading.doubtful = true;
        else if (v) reading.pinned.push({ row: t.row, col: t.col, written: q.table.rows[t.row].cells[t.col].value });
      }
    }
    out.push(reading);
  }
  return out;
}

/** “表三“本年新收…”行“总计”列填的是 33，本身有误” — why the prose is held against another figure than the table's. */
function pinnedNote(r: Reading): Msg {
  const { row, col, written } = r.pinned[0];
  const where = cellName(r.table, row, col);
  return written === null
    ? { zh: `${where.zh}没有可用的数字，此为由勾稽关系算出的值`, en: `${where.en} holds no usable number; this is the value the identities give` }
    : { zh: `${where.zh}填的是 ${num(written)}，本身有误`, en: `${where.en} reads ${num(written)}, which is itself wrong` };
}

const same = (a: number, b: number) => Math.abs(a - b) < EPS;

/** “表四行政诉讼总计为 0 件（未经复议直接起诉 0 + 复议后起诉 0）” */
function says(q: Quantity, unit: string): Msg {
  const name = quantityName(q);
  // (Terms of one row are its columns: 结果维持 0 + 其他结果 0.)
  const oneRow = q.terms.every((t) => t.row === q.terms[0].row);
  const termOf = (t: Quantity['terms'][number]) => (oneRow ? { zh: columnName(q.table, t.col), en: t.col } : termName(q.table, t.row));
  const terms = q.terms.length >= 2 && q.terms.length <= 3 ? q.terms.map((t) => ({ name: termOf(t), value: num(t.value) })) : [];
  return {
    zh: `${tableName(q.table.key)}${name.zh}为 ${num(q.value)} ${unit}${terms.length ? `（${terms.map((t) => `${t.name.zh} ${t.value}`).join(' + ')}）` : ''}`,
    en: `${tableNameEn(q.table.key)} gives ${num(q.value)} for ${name.en}${terms.length ? ` (${terms.map((t) => `${t.name.en} ${t.value}`).join(' + ')})` : ''}`,
  };
}

/** All readings with distinct values: “表三本年新收申请为 63 件，本年新收与上年结转申请合计为 64 件”. */
function saysAll(qs: Quantity[], unit: string): Msg {
  const distinct = qs.filter((q, i) => qs.findIndex((r) => same(r.value, q.value)) === i);
  const parts = distinct.map((q, i) => {
    if (i === 0) return says(q, unit);
    const name = quantityName(q);
    return { zh: `${name.zh}为 ${num(q.value)} ${unit}`, en: `${num(q.value)} for ${name.en}` };
  });
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', and ') };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9.]/g, (c) => (c === '.' ? '．' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));

/** The table value written as the author wrote the number: Arabic stays Arabic, ２３ stays full-width, 二十三 becomes 23. */
function fixFor(c: Claim, value: number): Fix | undefined {
  if (c.form === 'zero' || c.form === 'all' || c.atMost || value < 0) return undefined;
  const text = c.form === 'fullwidth' ? FULL_WIDTH(num(value)) : num(value);
  // Never certain: the prose may be the right side and the table wrong.
  return { title: { zh: `改为 ${text}`, en: `Change to ${text}` }, edits: [{ range: c.range, newText: text }], safe: false };
}

/** 均胜诉 vs table 4: the cells that say otherwise, “行政复议尚未审结 7 件”. */
function against(q: Quantity): Msg {
  const bad = q.terms.filter((t) => t.value > 0);
  return {
    zh: bad.map((t) => `${termName(q.table, t.row).zh}${columnName(q.table, t.col)} ${num(t.value)} 件`).join('、'),
    en: bad.map((t) => `${termName(q.table, t.row).en} ${t.col} ${num(t.value)}`).join(', '),
  };
}

/** What a statement of results says, by the columns it leaves empty: “all corrected”. */
const allSaid = (key: string) => key.endsWith('.upheld+other+pending') ? 'all corrected' : key.endsWith('.upheld+corrected+other') ? 'all pending'
  : key.endsWith('.pending') ? 'none pending' : 'all upheld or won';

function mismatch(c: Claim, qs: Reading[]): RawFinding {
  const q = qs[0];
  if (c.form === 'all') {
    const message: Msg = q.key === 't3.4.total'
      ? { zh: `正文说“${c.phrase}”，但表三结转下年度继续办理为 ${num(q.value)} 件：并非全部办结。`, en: `The text says “${c.phrase}” (all concluded), but table 3 carries ${num(q.value)} applications forward.` }
      : {
        zh: `正文说“${c.phrase}”，但表四有${against(q).zh}。`,
        en: `The text says “${c.phrase}” (${allSaid(q.key)}), but table 4 has ${against(q).en}.`,
      };
    return { code: 'prose-mismatch', message, range: c.range };
  }
  const s = saysAll(qs, c.unit || '件');
  // (撤回2件，答复23件: the table's figure without those withdrawn is a reading too.)
  if (c.less !== undefined) {
    s.zh += `（不计撤回的 ${num(c.less)} 件为 ${num(q.value - c.less)} 件）`;
    s.en += ` (${num(q.value - c.less)} without the ${num(c.less)} withdrawn)`;
  }
  const zero = c.form === 'zero' ? { zh: `（即 0 ${c.unit || '件'}）`, en: ' (that is, none)' }
    : c.atMost ? { zh: '（是其中的一部分，不能多于表中的数）', en: ' (some of them, which cannot be more than the table’s)' } : { zh: '', en: '' };
  const finding: RawFinding = {
    code: c.unclear ? 'prose-unclear' : 'prose-mismatch',
    message: c.unclear
      ? { zh: `正文说“${c.phrase}”，而${s.zh}；若统计口径相同，请核对。`, en: `The text says “${c.phrase}”, while ${s.en}; if both count the same thing, check the figure.` }
      : { zh: `正文说“${c.phrase}”${zero.zh}，但${s.zh}。`, en: `The text says “${c.phrase}”${zero.en}, but ${s.en}.` },
    range: c.range,
  };
  // A table figure that its own identities flag is no figure to copy: say so, and offer no fix.
  if (qs.some((r) => r.doubtful)) {
    finding.message = {
      zh: `${finding.message.zh.replace(/。$/, '')}；但表中该格本身有误（所在的勾稽关系不成立），请先核对表格。`,
      en: `${finding.message.en.replace(/\.$/, '')}; but that table figure is itself in doubt (its identities do not hold): check the table first.`,
    };
    return finding;
  }
  if (q.pinned.length) {
    const note = pinnedNote(q);
    finding.message = { zh: `${finding.message.zh.replace(/。$/, '')}（按勾稽关系；${note.zh}）。`, en: `${finding.message.en.replace(/\.$/, '')} (by the identities; ${note.en}).` };
  }
  const fix = c.unclear ? undefined : fixFor(c, q.value);
  if (fix) finding.fix = fix;
  return finding;
}

export interface ProseFindings {
  /** prose-mismatch and prose-unclear findings, in the order of the claims. */
  mismatches: RawFinding[];
  /** The indices of the claims they are about. */
  flagged: Set<number>;
}

/** The claims that disagree with every reading of the tables, worked out once per report. */
export const proseFindings = perReport((report: Report): ProseFindings => {
  const mismatches: RawFinding[] = [], flagged = new Set<number>();
  report.claims.forEach((c, i) => {
    const qs = readings(report, c);
    if (!qs.length || qs.some((q) => same(q.value, c.value) || (c.less !== undefined && same(q.value - c.less, c.value)) || (c.atMost && c.value < q.value + EPS))) return;
    flagged.add(i);
    mismatches.push(mismatch(c, qs));
  });
  return { mismatches, flagged };
});
