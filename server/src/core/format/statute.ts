import { FORMAT_2019 } from './2019';
import { FORMAT_2021 } from './2021';
import type { FormatSpec, TableKey, TableSpec } from './schema';

// The registry of the statutory formats of 政府信息公开工作年度报告, newest first: 国办公开办函〔2021〕30号
// (2021.ts) and the 2019 trial format, 国办公开办函〔2019〕60号 (2019.ts). A new format is one file
// like those and one entry here. The zod schemas in schema.ts check this data in the tests
// (test/core/format.test.ts), so that the CLI and the server do not load zod at start-up.

export { SECTION_OF, SECTIONS, TABLE_KEYS } from './common';

export const FORMATS = [FORMAT_2021, FORMAT_2019] satisfies FormatSpec[];

/** The codes of the identities' rules (table3-balance, table4-total, …): what a finding on a broken identity has. */
export const IDENTITY_CODES: ReadonlySet<string> = new Set(FORMATS.flatMap((f) => f.tables.flatMap((t) => t.identities.map((i) => i.code))));

/** A statutory format's name: the year its notice was issued (“2021”, “2019”). */
export type FormatVersion = (typeof FORMATS)[number]['version'];

export { FORMAT_2021 };

export function tableSpec(version: FormatVersion, key: TableKey): TableSpec {
  const format: FormatSpec = FORMATS.find((f) => f.version === version) ?? FORMAT_2021;
  return format.tables.find((t) => t.key === key)!;
}

/** The format a report of `year` must be written in: the newest one in force that year; null before the statutory tables existed. */
export function versionForYear(year: number): FormatVersion | null {
  return FORMATS.find((f) => year >= f.firstYear)?.version ?? null;
}

/** `build` run once per table format, its result kept: what the parser and rules derive from the data. */
export function perTableSpec<T>(build: (spec: TableSpec) => T): (spec: TableSpec) => T {
  // A handful of table formats exist: found by a look along a short list, faster than a WeakMap's hash.
  const specs: TableSpec[] = [], values: T[] = [];
  return (spec) => {
    for (let i = 0; i < specs.length; i++) if (specs[i] === spec) return values[i];
    const value = build(spec);
    specs.push(spec);
    values.push(value);
    return value;
  };
}
