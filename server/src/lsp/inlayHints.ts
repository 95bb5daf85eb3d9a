import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { IDENTITY_CODES } from '../core/format/statute';
import { within } from '../core/lineIndex';
import { expectedValues } from '../core/authoring/expected';
import type { Report, Table } from '../core/model';
import { cellName, num } from '../core/rules/names';
import type { Finding, Locale } from '../core/service';

// Inlay hints (setting nianbao.inlayHints, “wrongTotals” by default): next to a table cell that
// breaks the identities, the value they determine. A hint stands only where a finding is shown, so
// a rule turned off or a finding silenced takes its hint with it.


const key = (r: Range) => `${r.start.line}:${r.start.character}`;

function tableHints(table: Table, locale: Locale, inDocument: (r: Range) => Range): Map<string, InlayHint> {
  const hints = new Map<string, InlayHint>();
  const en = locale === 'en';
  for (const { row, col, cell, value, kind } of expectedValues(table)) {
    const v = num(value), where = cellName(table, row, col);
    const [label, tooltip] = kind === 'should'
      ? (en ? [`should be ${v}`, `${where.en}: the other figures say ${v}.`] : [`应为 ${v}`, `${where.zh}：按其余数字应为 ${v}。`])
      : en ? [`parts give ${v}`, `By the other figures of this identity it would be ${v}; which figure is wrong cannot be told.`]
        : [`按各项 ${v}`, `按这一勾稽关系中的其余数字应为 ${v}；究竟哪一格错了，无法确定。`];
    const at = inDocument(cell.range);
    hints.set(key(at), { position: at.end, paddingLeft: true, kind: InlayHintKind.Parameter, label, tooltip });
  }
  return hints;
}

/**
 * The hints within `range`, for the findings shown. `inDocument`: where a cell of the report is in the
 * document (a web page's, or a text's with HTML tables, is in the draft made of it).
 */
export function inlayHints(report: Report, shown: Finding[], range: Range, locale: Locale, inDocument: (r: Range) => Range = (r) => r): InlayHint[] {
  const flagged = new Set(shown.filter((f) => IDENTITY_CODES.has(f.code)).map((f) => key(f.range)));
  if (flagged.size === 0) return [];
  const out: InlayHint[] = [];
  for (const table of [report.tables.t3, report.tables.t4]) {
    if (!table) continue;
    for (const [k, hint] of tableHints(table, locale, inDocument)) {
      if (flagged.has(k) && within(hint.position, range)) out.push(hint);
    }
  }
  return out;
}
