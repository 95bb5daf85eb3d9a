import { num } from './names';
import type { RawFinding, YearRule } from './types';

// Table 2 (2021 format): the documents in force at the end of the year are last year's in force, plus
// those issued, less those repealed. Amendments and changes of scope break it too, so it is a warning
// that names all four figures, with no fix.

const ROWS = [['regulations', '规章', 'regulations'], ['normative', '行政规范性文件', 'normative documents']] as const;

export const normativeStock: YearRule = {
  code: 'normative-stock',
  severity: 'warning',
  acrossYears: true,
  title: { zh: '现行有效件数与上年报告和本年制发、废止不符', en: 'Documents in force do not follow from last year’s report' },
  description: {
    zh: '2021年格式的表二中，规章和行政规范性文件的“现行有效件数”应等于上年报告的现行有效件数加本年制发件数、减本年废止件数。同一机关相邻两年的报告都在检查范围内时核对，说明中列出这四个数；问题标在今年的“现行有效件数”上，并指向上年报告中的那一格。修订、清理范围变化也会使其不符，所以只是警告，没有快速修正。',
    en: 'In the 2021-format table 2, the regulations and normative documents in force must equal last year’s in force plus those issued this year minus those repealed. Checked when both years’ reports are at hand; the message names the four figures, the finding sits on this year’s in-force cell and points at last year’s. Amendments and changes of scope break it too, so it is a warning without a fix.',
  },
  check({ current, previous }) {
    if (current.t2Version !== '2021' || previous.t2Version !== '2021') return [];
    const out: RawFinding[] = [];
    for (const [row, zh, en] of ROWS) {
      const last = previous.stock[`${row}.in_force`], issued = current.stock[`${row}.issued`];
      const repealed = current.stock[`${row}.repealed`], now = current.stock[`${row}.in_force`];
      if (!last || !issued || !repealed || !now) continue;
      const expected = last.value + issued.value - repealed.value;
      if (now.value === expected) continue;
      const [l, i, r, e, n] = [last, issued, repealed, { value: expected }, now].map((c) => num(c.value));
      out.push({
        code: 'normative-stock',
        message: {
          zh: `表二${zh}“现行有效件数”为 ${n}，但上年（${previous.year}年）现行有效 ${l} + 本年制发 ${i} − 本年废止 ${r} = ${e}。`,
          en: `Table 2, ${en} in force: ${n}, but last year’s (${previous.year}) ${l} in force + ${i} issued − ${r} repealed = ${e}.`,
        },
        range: now.range,
        related: () => [{ file: previous.file, range: last.range, message: { zh: `上年报告${zh}现行有效件数：${l}`, en: `last year’s ${en} in force: ${l}` } }],
      });
    }
    return out;
  },
};
