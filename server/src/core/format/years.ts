import type { FormatVersion } from './schema';

// Which statutory format a report year must use: the 2019 trial format (国办公开办函〔2019〕60号)
// for the 2019 and 2020 reports, the 2021 format (国办公开办函〔2021〕30号) from the 2021 report on.
// Reports before 2019 have no statutory tables.

export const FIRST_STATUTORY_YEAR = 2019;
export const FIRST_2021_FORMAT_YEAR = 2021;
/** 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) applies from 1 January 2021: section 六 states the fees from the 2021 report on. */
export const FIRST_FEE_STATEMENT_YEAR = 2021;

/** The format a report of `year` must be written in; null before the statutory tables existed. */
export function versionForYear(year: number): FormatVersion | null {
  if (year >= FIRST_2021_FORMAT_YEAR) return '2021';
  return year >= FIRST_STATUTORY_YEAR ? '2019' : null;
}

/** A report from before the statutory format: its tables, if any, are not the statute's. */
export const predatesStatutoryFormat = (year: number | null) => year !== null && year < FIRST_STATUTORY_YEAR;
