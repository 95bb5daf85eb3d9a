import { tableSpec } from '../format/statute';
import { evaluate, solve, type Evaluation, type Instance, type Term } from '../identities';
import type { Cell, Table } from '../model';
import { cellName, columnName, num, rowName, tableName, tableNameEn } from './names';
import { oddCells } from './oddCells';
import { perReport } from './perReport';
import { required } from './requiredValue';
import type { Report } from '../model';
import type { Msg, RawFinding, Related, Rule, RuleMeta } from './types';

// The findings of the identity rules (table3-balance, table3-outcome-total, table3-row-total,
// table4-total), made together: table 3's identities cross like a parity check, and when the broken
// ones are all explained by one cell, that cell and its value are known (core/identities.ts:
// evaluate); the one finding that names it carries the code of the first identity it breaks. Only
// that cell gets a fix, and a certain one. With no such cell (two mistakes or more), each broken
// identity names the cells that may be wrong and offers no fix: setting its total would copy the
// other mistake (two wrong cells: fix-all left four errors, two of them new). Table 4's blocks only
// say that they disagree; by the format's convention (shared/spec) the total is offered as their fix,
// one explicit quick fix, never applied by fix-all.

function describe(inst: Instance, table: Table): Msg {
  const t = tableName(table.key);
  if (inst.spec.per === 'row') {
    return { zh: `${t}“${rowName(table, inst.along)}”行的总计`, en: `the total of row “${rowName(table, inst.along)}”` };
  }
  const c = columnName(table, inst.along);
  return inst.spec.code === 'table3-balance'
    ? { zh: `“${c}”列的勾稽关系（第一项加第二项之和等于第三项加第四项之和）`, en: `the balance of column “${c}” (received + carried over = concluded + carried forward)` }
    : { zh: `“${c}”列的（七）总计`, en: `the outcome total of column “${c}”` };
}

const sumText = (terms: Term[]) => terms.map((t) => num(t.value)).join(' + ');

/** The message of one broken identity, with the numbers involved. */
function brokenMessage(inst: Instance, table: Table): Msg {
  const plus = inst.terms.filter((t) => t.sign === 1), minus = inst.terms.filter((t) => t.sign === -1);
  const s = (ts: Term[]) => ts.reduce((a, t) => a + t.value, 0);
  switch (inst.spec.code) {
    case 'table3-balance': {
      const c = columnName(table, inst.along);
      return {
        zh: `表三“${c}”列不平衡：本年新收 ${sumText(plus.slice(0, 1))} + 上年结转 ${sumText(plus.slice(1))} = ${num(s(plus))}，而办理结果总计 ${sumText(minus.slice(0, 1))} + 结转下年度 ${sumText(minus.slice(1))} = ${num(s(minus))}。`,
        en: `Table 3, column “${c}” does not balance: received ${sumText(plus.slice(0, 1))} + carried over ${sumText(plus.slice(1))} = ${num(s(plus))}, but concluded ${sumText(minus.slice(0, 1))} + carried forward ${sumText(minus.slice(1))} = ${num(s(minus))}.`,
      };
    }
    case 'table3-outcome-total': {
      const c = columnName(table, inst.along);
      return {
        zh: `表三“${c}”列：（七）总计为 ${num(s(plus))}，但（一）至（六）各项办理结果之和为 ${num(s(minus))}。`,
        en: `Table 3, column “${c}”: the outcome total is ${num(s(plus))}, but the outcomes add up to ${num(s(minus))}.`,
      };
    }
    default: {
      const t = tableName(table.key), r = rowName(table, inst.along);
      const what = table.key === 't4' ? '结果维持、结果纠正、其他结果、尚未审结' : '自然人与各类法人或其他组织';
      return {
        zh: `${t}“${r}”：总计为 ${num(s(plus))}，但${what}之和为 ${num(s(minus))}（${sumText(minus)}）。`,
        en: `${tableNameEn(table.key)}, “${r}”: the total is ${num(s(plus))}, but its parts add up to ${num(s(minus))} (${sumText(minus)}).`,
      };
    }
  }
}

function setCell(cell: Cell, value: number, zh: string, en: string, safe: boolean) {
  return { title: { zh, en }, edits: [{ range: cell.range, newText: num(value) }], safe };
}

/** “可能有误的是“自然人”“商业企业”两格” — the cells of a broken identity that may be wrong, named along it. */
function suspectsMessage(inst: Instance, suspects: Term[], table: Table): Msg {
  const names = suspects.map((t) => `“${inst.spec.per === 'row' ? columnName(table, t.col) : rowName(table, t.row)}”（${num(t.value)}）`);
  // One suspect is named as such: “cannot tell which cell” before naming one cell read as a contradiction.
  if (suspects.length === 1) return { zh: `表中不止一处有误；这一关系中可能有误的是${names[0]}这一格，请核对。`, en: ` More than one figure of the table is wrong; in this identity, check ${names[0]}.` };
  return suspects.length
    ? { zh: `表中不止一处有误，无法确定是哪一格：可能有误的是${names.join('、')}这 ${suspects.length} 格，请逐一核对。`, en: ` More than one figure of the table is wrong, so which cell cannot be told: check ${names.join(', ')}.` }
    // The mistakes cancel out in every other identity of its cells: any of them may be wrong.
    : inst.spec.per === 'row'
      ? { zh: '表中不止一处有误，无法确定是哪一格：这一行的每一格都可能有误，请逐一核对。', en: ' More than one figure of the table is wrong, so which cell cannot be told: check every cell of the row.' }
      : { zh: '表中不止一处有误，无法确定是哪一格：这一列的每一格都可能有误，请逐一核对。', en: ' More than one figure of the table is wrong, so which cell cannot be told: check every cell of the column.' };
}

function checkTable(table: Table, { broken: bad, blame, suspects }: Evaluation): RawFinding[] {
  if (bad.length === 0) return [];
  const order = tableSpec(table.version, table.key).identities.map((i) => i.code);
  if (blame) {
    const { term, value } = blame;
    const where = cellName(table, term.row, term.col);
    const reasons = bad.map((i) => describe(i, table));
    const code = order.find((c) => bad.some((i) => i.spec.code === c))!;
    const related = (): Related[] => bad.map((i) => {
      const other = i.total.row === term.row && i.total.col === term.col ? i.terms.find((t) => t !== i.total)! : i.total;
      return { range: other.cell.range, message: brokenMessage(i, table) };
    });
    return [{
      code,
      message: {
        zh: `${where.zh}填的是 ${num(term.value)}，与${reasons.map((r) => r.zh).join('、')}${reasons.length > 1 ? '都' : ''}不符；按其余数字，这一格应为 ${num(value)}。`,
        en: `${where.en} is ${num(term.value)}, which breaks ${reasons.map((r) => r.en).join(' and ')}; the other figures say it should be ${num(value)}.`,
      },
      range: term.cell.range,
      fix: setCell(term.cell, value, `改为 ${num(value)}`, `Change to ${num(value)}`, true),
      related,
    }];
  }
  return bad
    .map((inst, k) => ({ inst, maybe: suspects?.[k] ?? [] }))
    .sort((a, b) => order.indexOf(a.inst.spec.code) - order.indexOf(b.inst.spec.code))
    .map(({ inst, maybe }) => {
      const message = brokenMessage(inst, table);
      const finding: RawFinding = { code: inst.spec.code, message, range: inst.total.cell.range };
      if (table.key !== 't4') {
        const more = suspectsMessage(inst, maybe, table);
        finding.message = { zh: message.zh + more.zh, en: message.en + more.en };
        if (maybe.length) finding.related = () => maybe.map((t) => ({ range: t.cell.range, message: { zh: '可能有误的一格', en: 'a cell that may be wrong' } }));
        return finding;
      }
      const value = solve(inst, inst.total.row, inst.total.col)!;
      // A total cut from run-together digits is where the identities put the cut: no fix rests on it.
      if (value >= 0 && !inst.total.cell.inferred) {
        const name = inst.spec.per === 'row' ? columnName(table, inst.total.col) : rowName(table, inst.total.row);
        finding.fix = setCell(inst.total.cell, value, `将“${name}”改为 ${num(value)}（假定各项无误）`, `Set “${name}” to ${num(value)} (if the parts are right)`, false);
      }
      return finding;
    });
}

/** The identities of tables 3 and 4 evaluated once per report, for the identity findings and the prose. */
const evaluations = perReport((report: Report) =>
  [report.tables.t3, report.tables.t4].filter((t): t is Table => t !== undefined).map((table) => ({ table, evaluation: evaluate(table) })));

/** Every identity finding of a report, worked out once for the four rules. */
const identityFindings = perReport((report: Report): RawFinding[] =>
  evaluations(report).flatMap(({ table, evaluation }) => checkTable(table, evaluation)));

/**
 * What the identities say of a table cell, by `t3|row|col`: the value they pin it to (the one wrong
 * cell they locate, or a cell without a usable number they fill in), or 'doubtful' for a cell that
 * may be wrong where they cannot tell its value. The prose is checked against these, so that no prose
 * fix copies a figure the tables' own finding says is wrong.
 */
export type CellVerdict = { value: number } | 'doubtful';
export const cellVerdicts = perReport((report: Report): Map<string, CellVerdict> => {
  const out = new Map<string, CellVerdict>();
  const key = (table: Table, row: string, col: string) => `${table.key}|${row}|${col}`;
  for (const { table, evaluation: { blame, suspects } } of evaluations(report)) {
    if (blame) out.set(key(table, blame.term.row, blame.term.col), { value: blame.value });
    for (const t of suspects?.flat() ?? []) out.set(key(table, t.row, t.col), 'doubtful');
  }
  for (const { table, row, col, cell } of oddCells(report)) {
    if (table.key === 't2' || (cell.value !== null && cell.value >= 0 && Number.isInteger(cell.value))) continue;
    const r = required(table, row, col);
    if (r) out.set(key(table, row, col), { value: r.value });
  }
  return out;
});

/** An identity rule: its metadata and its share of the identity findings. */
export function identityRule(meta: RuleMeta): Rule {
  return { ...meta, statutoryOnly: true, check: ({ report }) => identityFindings(report).filter((f) => f.code === meta.code) };
}
