import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { TableKey } from '../../server/src/core/format/schema';
import type { Cell, Claim, Report, Table } from '../../server/src/core/model';
import { parseReport } from '../../server/src/core/parse/report';
import { displayWidth, unwrap } from '../../server/src/core/prose/unwrap';
import { proseBreakdown } from '../../server/src/core/rules/prose-breakdown';
import { proseMismatch } from '../../server/src/core/rules/prose-mismatch';
import { proseUnclear } from '../../server/src/core/rules/prose-unclear';
import { check } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/lineIndex';
import { assertLinear } from './linear';
import { seed, sliceAt } from './seeds';

// The prose of published reports as they arrive: a PDF's text layer (lines wrapped mid-sentence at
// the page's width, page numbers between them), PDF converted to Markdown, and a web page's text on
// one line. The figures the reader takes from each are compared with what the gold notes say the
// prose states, and with the tables as printed (gold): none may disagree.

const CORPUS = join(process.cwd(), 'test/fixtures/corpus');
const corpus = (name: string) => readFileSync(join(CORPUS, name), 'utf8');
const gold = (name: string) => JSON.parse(readFileSync(join(CORPUS, 'gold', name.replace(/\.\w+$/, '.json')), 'utf8'));

const HUAIAN = 'huaian-city_2024_pdf-text-layer.txt';
const SHANGHAI = 'shanghai-govoffice_2025_pdf-to-markdown.md';
const PINGTAN = 'pingtan_2022_flattened-web-text.txt';

/** The figures that speak of a table quantity, as `quantity=value`. */
const figures = (claims: Claim[]) =>
  claims.filter((c) => c.quantity.startsWith('t')).map((c) => `${c.quantity}=${c.value}`);

/** The gold's tables as a report's: every cell a number where the original prints it. */
function goldTables(g: { format: '2021' | '2019'; t2: object; t3: object; t4: object }): Report['tables'] {
  const tables: Report['tables'] = {};
  const nowhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const key of ['t2', 't3', 't4'] as TableKey[]) {
    const table: Table = { key, version: g.format, range: nowhere, rows: {}, problems: [] };
    for (const [row, cols] of Object.entries(g[key] as Record<string, Record<string, number>>)) {
      const cells: Record<string, Cell> = {};
      for (const [col, value] of Object.entries(cols)) {
        cells[col] = { value, raw: String(value), range: nowhere, kind: 'number', unit: undefined, nonstandard: false, inferred: false };
      }
      table.rows[row] = { key: row, cells };
    }
    tables[key] = table;
  }
  return tables;
}

/** The prose findings the claims would raise against the tables as printed. */
function againstGold(name: string) {
  const text = corpus(name), idx = new LineIndex(text);
  const report = parseReport(text, idx);
  const ctx = { report: { ...report, tables: goldTables(gold(name)) }, text, idx };
  return [proseMismatch, proseBreakdown, proseUnclear].flatMap((r) => r.check(ctx));
}

describe('the claims of the published reports', () => {
  it('Huaian 2024 (PDF text layer): the figures of 依申请公开, read over the wrapped lines', () => {
    const text = corpus(HUAIAN), idx = new LineIndex(text);
    const { claims } = check(text).report;
    assert.deepEqual(figures(claims), [
      't3.1.total=3119', // 受理 3119 = t3.1.total
      't3.3.7.total=3050', // 答\n复 3050
      't3.2.total=34', // 含上年度结转申请 34 件
      't3.4.total=103', // 另有 103 件顺延到下年度答复
      't4.review.total=351', 't4.review.upheld=72', 't4.review.corrected=64', 't4.review.other=178', 't4.review.pending=37', // 行政复议 351\n件，其中…
      't4.suit.total=46', 't4.suit.upheld=25', 't4.suit.corrected=5', 't4.suit.other=9', 't4.suit.pending=7', // both lawsuit blocks
    ]);
    const review = claims.find((c) => c.quantity === 't4.review.total')!;
    assert.equal(sliceAt(text, review.range), '351');
    assert.equal(text.slice(idx.offset(review.range.end), idx.offset(review.range.end) + 2), '\n件');
    const answered = claims.find((c) => c.quantity === 't3.3.7.total')!;
    assert.equal(answered.phrase, '答复 3050 件');
    // The trap: 政策性文件 11 件 is not 行政规范性文件 (t2.normative.issued 8).
    assert.ok(!claims.some((c) => c.value === 11));
  });

  it('Shanghai 2025 (PDF to Markdown): 受理 1295, 办结 1191, and the outcomes', () => {
    const { claims } = check(corpus(SHANGHAI)).report;
    assert.deepEqual(figures(claims), [
      't3.1.total=1295', 't3.3.7.total=1191', 't3.2.total=189',
      't3.3.1+3.2.total=208', // 予以公开及部\n分公开 208 件 = 206 + 2
      't3.3.3.total=20', 't3.3.4.total=564', 't3.3.6.total=319',
      't4.all.corrected=0', // 未发生因依申请公开被行政复议纠错或\n行政诉讼败诉情形
    ]);
  });

  it('Pingtan 2022 (web text on one line): 收到 75 may count the carried-over too; 行政诉讼 1, 行政复议 2', () => {
    const { claims } = check(corpus(PINGTAN)).report;
    assert.deepEqual(figures(claims), ['t2.normative.in_force=698', 't2.normative.issued=88', 't3.1.total=75', 't4.suit.total=1', 't4.review.total=2']);
    assert.deepEqual(claims.find((c) => c.value === 75)!.alternatives, ['t3.1+2.total']);
  });

  for (const name of [HUAIAN, SHANGHAI, PINGTAN]) {
    it(`${name}: no claim disagrees with the tables as printed (the gold's traps included)`, () => {
      assert.deepEqual(againstGold(name).map((f) => f.message.zh), []);
    });

    it(`${name}: every figure's range holds its digits in the document`, () => {
      const text = corpus(name);
      for (const c of check(text).report.claims) {
        assert.equal(sliceAt(text, c.range), c.raw);
        if (c.form === 'arabic') assert.equal(Number(c.raw.replace(/[\s,]/g, '')), c.value, c.phrase);
      }
    });
  }
});

// ---- soft and hard line breaks ------------------------------------------------------------------

/** A paragraph wrapped as a PDF wraps it: lines as wide as `width` (a Chinese character counts two). */
function wrap(paragraph: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of paragraph) {
    if (displayWidth(line + ch) > width) { lines.push(line); line = ''; }
    line += ch;
  }
  return [...lines, line];
}

const FILLER = '本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开，不断提升政务公开的质量和实效，切实保障人民群众的知情权、参与权、表达权和监督权。';
/** A report whose prose is wrapped at 56 (28 Chinese characters), with `lines` inside it. */
const report = (...lines: string[]) =>
  ['2024年政府信息公开工作年度报告', '一、总体情况', ...wrap(FILLER, 56), ...wrap(FILLER, 56), ...lines, ...wrap(FILLER, 56)].join('\n');
const claimsOf = (text: string) => figures(check(text).report.claims);

describe('soft and hard line breaks', () => {
  it('a full line runs on into the next, even inside a word, between a number and its unit, or over a page number', () => {
    for (const [lines, want] of [
      [['本年度共受理政府信息公开申请 3119 件，答复 3050 件，均在法定期限内予以答', '复。政府信息公开行政复议 35 件，其中结果维持 22 件，结果纠正 13'], ['t3.1.total=3119', 't3.3.7.total=3050', 't4.review.total=35', 't4.review.upheld=22']],
      [['本年度共受理政府信息公开申请 3119 件，政府信息公开行政复议 351', '件，其中结果维持 72 件。'], ['t3.1.total=3119', 't4.review.total=351', 't4.review.upheld=72']],
      [['本年度共受理政府信息公开申请 3119 件，政府信息公开行政复议 351', '- 2 -', '件，其中结果维持 72 件。'], ['t3.1.total=3119', 't4.review.total=351', 't4.review.upheld=72']],
      [['本年度共受理政府信息公开申请 3119 件，政府信息公开行政复议 351', '— 3 —', '件，其中结果维持 72 件。'], ['t3.1.total=3119', 't4.review.total=351', 't4.review.upheld=72']],
    ] as const) {
      const text = report(...lines);
      assert.deepEqual(claimsOf(text), want, lines.join(' / '));
      const review = check(text).report.claims.find((c) => c.quantity === 't4.review.total')!;
      assert.equal(sliceAt(text, review.range), review.raw);
    }
  });

  it('narrower lines broken inside a word, a number or after a comma run on for the figures, not for the text', () => {
    // A text box or a converted PDF: lines of 11–15 characters, far narrower than the page's.
    const paragraph = '上一年度共收到政府信息公开申请40件，办结申请38件；本年度第一季度受理申请20件。全年共受理政府信息公开申请63件，行政诉讼3件，其中2件一审判决驳回原告诉讼请求。';
    for (const width of [23, 25, 27, 31]) {
      const lines = wrap(paragraph, width), text = report(...lines);
      assert.deepEqual(claimsOf(text), ['t3.1.total=63', 't4.suit.total=3'], `${width}: ${lines.join(' / ')}`);
      assert.ok(unwrap(new LineIndex(text)).text.includes(lines.join('\n')), 'the text itself (as exported) keeps those lines');
    }
    const c = check(report(...wrap(paragraph, 27))).report.claims.find((x) => x.value === 63)!;
    assert.equal(c.raw, '6\n3');
  });

  it('a heading, a short line, a line that ends a sentence, a blank line or a numbered item ends the sentence', () => {
    const full = '本机关坚持以公开为常态、不公开为例外，本年度行政复议';
    assert.ok(displayWidth(full) >= 50);
    const read = (first: string, ...next: string[]) => {
      const text = report(first, ...next);
      return { text: unwrap(new LineIndex(text)).text, claims: claimsOf(text) };
    };
    // As wide as the full lines and not a sentence's end: it runs on.
    const on = read(full, '3 件。');
    assert.ok(on.text.includes(`${full}3 件。`));
    assert.ok(on.claims.includes('t4.review.total=3'));
    for (const [first, next, why] of [
      ['本年度行政复议', '3 件。', 'a short line'],
      [`${full}。`, '3 件。', 'a line that ends in 。'],
      [`${full}；`, '3 件。', 'a line that ends in ；'],
      [full, '', 'a blank line'],
      [full, '（二）依申请公开情况', 'a sub-topic'],
      [full, '2、3 件。', 'a numbered item'],
      [full, '二、主动公开政府信息情况', 'a section heading'],
      [full, '## 说明', 'a Markdown heading'],
      [full, '| 行政复议 | 3 |', 'a Markdown table'],
    ]) {
      const { text, claims } = read(first, next);
      assert.ok(text.includes(`${first}\n${next}`), why);
      assert.ok(!claims.includes('t4.review.total=3'), why);
    }
    // A section heading as wide as the full lines is not run on into the text after it.
    const heading = '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况';
    assert.ok(displayWidth(heading) >= 50);
    assert.deepEqual(claimsOf(report(heading, '3 件。')), []);
  });

  it('a draft with one paragraph per line has no soft break: the reader reads it as it is', () => {
    for (const name of ['000', '001', '002', '003', '004']) {
      const idx = new LineIndex(seed(name).text);
      assert.equal(unwrap(idx).text, idx.text, name);
    }
  });

  it('property: a seed wrapped at any width, with page numbers anywhere, yields the same claims, each on its digits', () => {
    // The prose lines of the seeds wrapped as a PDF would wrap them. A line is not ended with ； or ：
    // (a clause's end there is a hard break: the reader cannot tell it from a list's), nor begun with
    // what opens a numbered item.
    const opensItem = /^(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、．]|\d{1,2}\.(?!\d))/;
    const wrapProse = (text: string, width: number, pages: number[]) => {
      let page = 0;
      return text.split('\n').flatMap((line) => {
        if (line.includes('\t') || displayWidth(line) <= width) return [line];
        const out: string[] = [];
        let rest = line;
        while (displayWidth(rest) > width) {
          let [head] = wrap(rest, width);
          while (/[；：;:]$/.test(head) || opensItem.test(rest.slice(head.length))) head = head.slice(0, -1);
          out.push(head);
          if (pages.includes(out.length % 7)) out.push(`- ${++page} -`);
          rest = rest.slice(head.length);
        }
        return [...out, rest];
      }).join('\n');
    };
    const shape = (c: Claim) => ({ ...c, raw: c.raw.replace(/\n(?:- \d+ -\n)?/g, ''), range: undefined });
    fc.assert(fc.property(fc.constantFrom('000', '002', '003', '004'), fc.integer({ min: 44, max: 90 }), fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), (name, width, pages) => {
      const text = seed(name).text;
      const wrapped = wrapProse(text, width, pages);
      assert.notEqual(unwrap(new LineIndex(wrapped)).text, wrapped, 'the wrapped seed has soft breaks');
      const before = check(text).report.claims, after = check(wrapped).report.claims;
      for (const c of after) assert.equal(sliceAt(wrapped, c.range), c.raw, `${c.phrase} at width ${width}`);
      assert.deepEqual(after.map(shape), before.map(shape), `${name} at width ${width}`);
    }), { numRuns: Number(process.env.NIANBAO_RUNS ?? 60) });
  });

  it('property: any prose wrapped at any width, page numbers anywhere: each character read maps back to itself, each claim to its raw text', () => {
    const piece = fc.constantFrom('受理', '收到', '申请', '件', '其中', '，', '。', '；', '、', ' ', '行政复议', '行政诉讼', '予以公开', '未收到',
      '均已办结', '结转下年度', '2023年', '二十三', '64', '3119', '0', '７', '（一）', '二、', '1.', '#');
    const prose = fc.array(piece, { minLength: 20, maxLength: 200 }).map((p) => p.join(''));
    fc.assert(fc.property(prose, fc.integer({ min: 44, max: 80 }), fc.array(fc.nat(40), { maxLength: 6 }), (text, width, pages) => {
      // 本年度， keeps the filler's sentence ends off the ends of lines, which would leave too few full lines.
      const lines = wrap('本年度，' + FILLER.repeat(3) + text + FILLER, width);
      for (const at of pages) lines.splice(Math.min(at, lines.length), 0, `— ${at} —`);
      const doc = ['2024年政府信息公开工作年度报告', '一、总体情况', ...lines].join('\n');
      const view = unwrap(new LineIndex(doc));
      assert.ok(view.text.length < doc.length, 'soft breaks are cut');
      for (let j = 0; j < view.text.length; j++) {
        const o = view.original(j, false);
        assert.equal(view.text[j], doc[o]);
        assert.equal(view.local(o), j);
      }
      for (const c of check(doc).report.claims) assert.equal(sliceAt(doc, c.range), c.raw, c.phrase);
    }), { numRuns: Number(process.env.NIANBAO_RUNS ?? 100) });
  });

  it('time grows linearly with wrapped prose, page numbers and claims in it', async () => {
    const page = '本年度共受理政府信息公开申请 3119 件，答复 3050 件，政府信息公开行政复议 351 件，其中结果维持 72 件。' + FILLER;
    await assertLinear('wrapped prose', (n) => report(...wrap(page.repeat(Math.ceil(n / 40)), 56).flatMap((l, i) => (i % 30 === 29 ? [l, `- ${i} -`] : [l]))));
  });
});
