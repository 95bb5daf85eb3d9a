import type { TableKey } from '../core/format/schema';
import type { CheckResult, Finding, Severity } from '../core/service';

// What the client's language status item shows for a document (request nianbao/status): whether it
// is a report, its year and format version, how each statutory table was read, and the findings shown.

export interface StatusParams { uri: string }

/** 'read': every number bound; 'partly': some could not be; 'unreadable': none; 'missing': not found. */
export type TableState = 'read' | 'partly' | 'unreadable' | 'missing';

export interface Status {
  /** The document version this describes; absent when the document is not open or not checked. */
  version?: number;
  report: boolean;
  year: number | null;
  format: string | null;
  tables: { key: TableKey; state: TableState }[];
  findings: Record<Severity, number>;
}

const TABLES: TableKey[] = ['t2', 't3', 't4'];

export function status(version: number | undefined, result: CheckResult | undefined, shown: Finding[], isReport: boolean): Status {
  const findings: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of shown) findings[f.severity]++;
  const report = result?.report;
  if (!report || !isReport) return { version, report: false, year: null, format: null, tables: [], findings };
  const tables = TABLES.map((key) => {
    const table = report.tables[key];
    if (!table) return { key, state: 'missing' as const };
    const bound = Object.values(table.rows).some((r) => Object.keys(r.cells).length > 0);
    return { key, state: !bound ? 'unreadable' as const : table.problems.length ? 'partly' as const : 'read' as const };
  });
  return { version, report: true, year: report.year, format: report.format, tables, findings };
}
