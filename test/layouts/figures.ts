import type { TableKey } from '../../server/src/core/format/schema';
import type { FormatVersion } from '../../server/src/core/format/statute';
import { tableSpec } from '../../server/src/core/format/statute';
import type { Expected } from '../core/expected';

/** A report's tables as printed: each statutory cell's text under the spec's canonical keys. */
export interface Figures {
  year: number;
  version: FormatVersion;
  /**
   * cells.t3['3.1'].natural === '5'; t4 rows are review / suit_direct / suit_after_review.
   * Texts, so a test can put "", "/", "１２" or "373.91万元" in a cell.
   */
  cells: Record<TableKey, Record<string, Record<string, string>>>;
}

type Values = (key: TableKey, row: string) => number[];

/** Every statutory cell of the format, its text from `values` (a row's numbers in column order). */
function build(year: number, version: FormatVersion, values: Values): Figures {
  const table = (key: TableKey) => Object.fromEntries(tableSpec(version, key).rows.filter((r) => !r.isGroup).map((r) => {
    const v = values(key, r.key);
    return [r.key, Object.fromEntries(r.columns.map((c, i) => [c, String(v[i])]))];
  }));
  return { year, version, cells: { t2: table('t2'), t3: table('t3'), t4: table('t4') } };
}

const t3Row = (e: Expected, key: string) => e.t3[key] ?? Array(7).fill(0);
const t4Row = (e: Expected, key: string) => {
  const block = tableSpec('2021', 't4').rows.findIndex((r) => r.key === key);
  return e.t4.slice(block * 5, block * 5 + 5);
};

/** A seed's figures (test/core/expected.ts), as its 2021-format report prints them. */
export function figuresOf(e: Expected): Figures {
  return build(e.year, '2021', (key, row) => key === 't2' ? e.t2[row] : key === 't3' ? t3Row(e, row) : t4Row(e, row));
}

/**
 * The same seed as a 2019-format report for 2020. Table 3's one row （六）其他处理 is the sum of the
 * seed's three （六） rows, so every identity still holds; table 4 is the seed's. Table 2 has 22
 * cells in 2019: its counts come from the seed where the two formats share a meaning (规章,
 * 行政许可 decisions …) and are made up, plausibly and differently per seed, where they do not.
 */
export function figures2019(e: Expected): Figures {
  // A small number that differs from seed to seed, so the 2019 tables do not all look alike.
  let h = 0;
  for (const ch of JSON.stringify(e)) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  const n = (mod: number, shift = 0) => Math.floor(h / (shift + 1)) % mod;
  const [licensing, penalty, coercion] = [e.t2.licensing[0], e.t2.penalty[0], e.t2.coercion[0]];
  const t2: Record<string, number[]> = {
    // 本年新制作数量, 本年新公开数量, 对外公开总数量
    regulations: [e.t2.regulations[0], e.t2.regulations[0], e.t2.regulations[2]],
    normative: [e.t2.normative[0], e.t2.normative[0], e.t2.normative[2]],
    // 上一年项目数量, 本年增/减 (signed: the 2019 format counts items dropped as negative), 处理决定数量
    licensing: [20 + n(30), n(5) - 2, licensing],
    other_services: [5 + n(8, 1), n(3, 2), n(40, 3)],
    penalty: [40 + n(60, 4), -(1 + n(4, 5)), penalty],
    coercion: [3 + n(6, 6), n(2, 7), coercion],
    fees: [2 + n(3, 8), -n(2, 9)],
    // 采购项目数量, 采购总金额 (the 2019 format prints no unit)
    procurement: [1 + n(9, 10), Number(`${10 + n(300, 11)}.${n(10, 12)}`)],
  };
  const others = tableSpec('2021', 't3').rows.filter((r) => r.group === '3.6').map((r) => t3Row(e, r.key));
  const t3 = (row: string) => row === '3.6' ? others.reduce((a, b) => a.map((x, i) => x + b[i])) : t3Row(e, row);
  return build(2020, '2019', (key, row) => key === 't2' ? t2[row] : key === 't3' ? t3(row) : t4Row(e, row));
}
