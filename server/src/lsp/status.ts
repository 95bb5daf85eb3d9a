import { tableState } from '../core/authoring/preview';
import type { TableKey } from '../core/format/schema';
import type { CheckResult, Finding, Severity } from '../core/service';
import type { Status } from './protocol';

// What the client's language status item shows for a document (request nianbao/status): whether it
// is a report, its year and format version, how each statutory table was read, and the findings shown.

const TABLES: TableKey[] = ['t2', 't3', 't4'];

export function status(version: number | undefined, result: CheckResult | undefined, shown: Finding[], isReport: boolean): Status {
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of shown) findings[f.severity]++;
  const report = result?.report;
  if (!report || !isReport) return { version, report: false, year: null, format: null, tables: [], findings };
  const tables = TABLES.map((key) => ({ key, state: tableState(report, key) }));
  return { version, report: true, year: report.year, format: report.format, tables, findings };
}
