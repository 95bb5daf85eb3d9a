import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { evaluate, solve } from '../core/identities';
import type { Report, Table } from '../core/model';
import { cellName, num } from '../core/rules/names';
import type { Finding, Locale } from '../core/service';

// Inlay hints (setting nianbao.inlayHints, “wrongTotals” by default): next to a table cell that
// breaks the identities, the value they determine. A hint stands only where a finding is shown, so
// a rule turned off or a finding silenced takes its hint with it.

const IDENTITY_RULES = new Set(['table3-balance', 'table3-outcome-total', 'table3-row-total', 'table4-total']);

const key = (r: Range) => `${r.start.line}:${r.start.character}`;

function tableHints(table: Table, locale: Locale): Map<string, InlayHint> {
  const hints = new Map<string, InlayHint>();
  const { broken, blame } = evaluate(table);
  if (blame) {
    // One cell explains every broken identity: the others determine its value.
    const { term, value } = blame, where = cellName(table, term.row, term.col);
    hints.set(key(term.cell.range), {
      position: term.cell.range.end, paddingLeft: true, kind: InlayHintKind.Parameter,
      label: locale === 'en' ? `should be ${num(value)}` : `应为 ${num(value)}`,
      tooltip: locale === 'en' ? `${where.en}: the other figures say ${num(value)}.` : `${where.zh}：按其余数字应为 ${num(value)}。`,
    });
    return hints;
  }
  // Several cells could be wrong: what each broken total's parts add up to, which is a fact, not a verdict.
  const asked = new Map<string, { range: Range; value: number | undefined }>();
  for (const inst of broken) {
    if (inst.total.cell.inferred) continue;
    const value = solve(inst, inst.total.row, inst.total.col);
    const k = key(inst.total.cell.range), seen = asked.get(k);
    // A total two broken identities disagree about is determined by neither.
    asked.set(k, { range: inst.total.cell.range, value: seen && seen.value !== value ? undefined : value });
  }
  for (const [k, { range, value }] of asked) {
    if (value === undefined || value < 0) continue;
    hints.set(k, {
      position: range.end, paddingLeft: true, kind: InlayHintKind.Parameter,
      label: locale === 'en' ? `parts give ${num(value)}` : `按各项 ${num(value)}`,
      tooltip: locale === 'en'
        ? `By the other figures of this identity it would be ${num(value)}; which figure is wrong cannot be told.`
        : `按这一勾稽关系中的其余数字应为 ${num(value)}；究竟哪一格错了，无法确定。`,
    });
  }
  return hints;
}

/** The hints within `range`, for the findings shown. */
export function inlayHints(report: Report, shown: Finding[], range: Range, locale: Locale): InlayHint[] {
  const flagged = new Set(shown.filter((f) => IDENTITY_RULES.has(f.code)).map((f) => key(f.range)));
  if (flagged.size === 0) return [];
  const out: InlayHint[] = [];
  for (const table of [report.tables.t3, report.tables.t4]) {
    if (!table) continue;
    for (const [k, hint] of tableHints(table, locale)) {
      const p = hint.position;
      const inside = (p.line > range.start.line || (p.line === range.start.line && p.character >= range.start.character))
        && (p.line < range.end.line || (p.line === range.end.line && p.character <= range.end.character));
      if (flagged.has(k) && inside) out.push(hint);
    }
  }
  return out;
}
