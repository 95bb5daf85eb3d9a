import { SECTIONS } from '../../server/src/core/format/statute';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, type Finding } from '../../server/src/core/service';
import { replaceAt } from './seeds';

// Mistakes of structure and text that drafts make, injected into a seed: structure.test.ts checks
// that each is found and its fixes are clean, safefix.test.ts that fix-all over them is safe.

/** Mistakes drafts make, injected into a seed; each returns the mutated text or undefined. */
export const MISTAKES: Record<string, (text: string) => string | undefined> = {
  'no numerals': (t) => edit(t, (s) => ({ range: s.numberingRange, newText: '' })),
  'arabic numerals': (t) => edit(t, (s) => ({ range: s.numberingRange, newText: `${s.number}、 ` })),
  'dot separators': (t) => edit(t, (s) => ({ range: s.numberingRange, newText: `${SECTIONS[s.number - 1].numeral}.` })),
  'shifted block': (t) => edit(t, (s) => (s.number < 3 ? undefined : { range: s.numberingRange, newText: `${SECTIONS[s.number - 2].numeral}、` })),
  'title in other words': (t) => edit(t, (s) => (s.number === 2 ? { range: s.titleRange, newText: '主动公开情况' } : undefined)),
  'heading of 二 deleted': (t) => edit(t, (s) => (s.number === 2 ? { range: { start: { line: s.range.start.line, character: 0 }, end: { line: s.range.start.line + 1, character: 0 } }, newText: '' } : undefined)),
  'sub-topic numbered 二、': (t) => edit(t, (s) => (s.number === 1 ? { range: { start: { line: s.range.start.line + 1, character: 0 }, end: { line: s.range.start.line + 1, character: 0 } }, newText: '二、依申请公开情况\n' } : undefined)),
  'period of last year': (t) => {
    const year = parseReport(t).year!;
    return insertAfterTitle(t, `本报告统计期限为${year - 1}年1月1日至${year - 1}年12月31日。`);
  },
  'last year in 五': (t) => edit(t, (s) => (s.number === 5 ? { range: { start: { line: s.range.start.line + 1, character: 0 }, end: { line: s.range.start.line + 1, character: 0 } }, newText: `${parseReport(t).year! - 1}年我单位存在以下问题。\n` } : undefined)),
  'leftovers and misspelt names': (t) => insertAfterTitle(t, '[bookmark: _GoBack] 依据《中华人名共和国政府信息公开条列》[全文]{.underline}和\\*\\*《保守价格秘密法》<!-- -->'),
  'units and full-width digits in cells': (t) => {
    const t3 = parseReport(t).tables.t3!;
    let out = replaceAt(t, t3.rows['3.7'].cells.total.range, `${t3.rows['3.7'].cells.total.value}件`);
    const r = parseReport(out).tables.t3!.rows['1'].cells.natural;
    out = replaceAt(out, r.range, String(r.value).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    return out;
  },
};

function edit(text: string, make: (s: ReturnType<typeof parseReport>['sections'][number]) => { range: Finding['range']; newText: string } | undefined) {
  const edits = parseReport(text).sections.map(make).filter((e) => e !== undefined);
  return edits.length ? applyEdits(text, edits) : undefined;
}

function insertAfterTitle(text: string, line: string) {
  const at = text.split('\n').findIndex((l) => l.includes('年度报告'));
  return applyEdits(text, [{ range: { start: { line: at + 1, character: 0 }, end: { line: at + 1, character: 0 } }, newText: line + '\n' }]);
}

