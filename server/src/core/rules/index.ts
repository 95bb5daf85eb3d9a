import { cellAmbiguous } from './cell-ambiguous';
import { cellBlank } from './cell-blank';
import { cellFullwidth } from './cell-fullwidth';
import { cellInvalid } from './cell-invalid';
import { cellUnit } from './cell-unit';
import { copiedText } from './copied-text';
import { carryoverMismatch } from './carryover-mismatch';
import { conversionArtifact } from './conversion-artifact';
import { feeStatement } from './fee-statement';
import { formatPre2019 } from './format-pre-2019';
import { formatVersion } from './format-version';
import { normativeStock } from './normative-stock';
import { proseBreakdown } from './prose-breakdown';
import { proseMismatch } from './prose-mismatch';
import { proseUnclear } from './prose-unclear';
import { reportAttached } from './report-attached';
import { rowCells } from './row-cells';
import { rowMissing } from './row-missing';
import { sectionMissing } from './section-missing';
import { sectionNumbering } from './section-numbering';
import { sectionOrder } from './section-order';
import { sectionTitle } from './section-title';
import { statuteName } from './statute-name';
import { subtopicNumbering } from './subtopic-numbering';
import { table3Balance } from './table3-balance';
import { table3OutcomeTotal } from './table3-outcome-total';
import { table3RowTotal } from './table3-row-total';
import { table4Total } from './table4-total';
import { tableMissing } from './table-missing';
import { tableUnreadable } from './table-unreadable';
import { yearMismatch } from './year-mismatch';
import type { Rule, RuleMeta, YearRule } from './types';

// The registry: every rule, one file each (rules/<code>.ts), in the order the docs and
// `nianbao rules` list them — by what they look at: the sections, the year and format, the
// tables' presence and legibility, their cells and arithmetic, the text, the prose's figures; last,
// the rules that compare a report with last year's (run on a pair of reports: core/years/).

export const RULES: (Rule | YearRule)[] = [
  reportAttached, sectionMissing, sectionOrder, sectionNumbering, sectionTitle, subtopicNumbering,
  formatVersion, formatPre2019, yearMismatch, feeStatement,
  tableMissing, rowMissing, tableUnreadable, cellAmbiguous, rowCells,
  cellBlank, cellInvalid, table3Balance, table3OutcomeTotal, table3RowTotal, table4Total,
  cellUnit, cellFullwidth, statuteName, conversionArtifact,
  proseMismatch, proseBreakdown, proseUnclear,
  carryoverMismatch, normativeStock, copiedText,
];

/** The rules check(text) runs on one report. */
export const REPORT_RULES: Rule[] = RULES.filter((r): r is Rule => !('acrossYears' in r));
/** The rules run on a report and last year's. */
export const YEAR_RULES: YearRule[] = RULES.filter((r): r is YearRule => 'acrossYears' in r);

const BY_CODE = new Map<string, RuleMeta>(RULES.map((r) => [r.code, r]));

export const ruleByCode = (code: string): RuleMeta | undefined => BY_CODE.get(code);
