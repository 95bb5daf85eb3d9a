import { FORMATS } from './statute';

// Report years the statute's rules depend on. Which format a year must use is the formats' own
// data (their `firstYear`, see statute.ts versionForYear); reports before the first of them
// (2019) have no statutory tables.

export const FIRST_STATUTORY_YEAR = Math.min(...FORMATS.map((f) => f.firstYear));
/** 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) applies from 1 January 2021: section 六 states the fees from the 2021 report on. */
export const FIRST_FEE_STATEMENT_YEAR = 2021;

/** A report from before the statutory format: its tables, if any, are not the statute's. */
export const predatesStatutoryFormat = (year: number | null) => year !== null && year < FIRST_STATUTORY_YEAR;
