import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, check } from '../../server/src/core/service';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { matchesOf, toHalfWidth } from '../../server/src/core/strings';
import { assertLinear } from './linear';
import { SEEDS } from './seeds';

// The parser and the rules must take any text: never throw, report ranges inside the document,
// and offer fixes that apply cleanly.

function assertSane(text: string) {
  const { findings } = check(text);
  const idx = new LineIndex(text);
  const inside = (r: Range) =>
    r.start.line < idx.lineCount && r.end.line < idx.lineCount &&
    idx.offset(r.start) <= idx.offset(r.end) && r.start.character <= idx.lineText(r.start.line).length && r.end.character <= idx.lineText(r.end.line).length;
  for (const f of findings) {
    assert.ok(inside(f.range), `${f.code} range outside the text`);
    for (const e of f.fix?.edits ?? []) assert.ok(inside(e.range), `${f.code} fix outside the text`);
    if (f.fix) applyEdits(text, f.fix.edits);
  }
}

// Text built from the pieces drafts are made of, so that random strings reach the table code.
const piece = fc.constantFrom('\t', '\n', '\r\n', ' ', '\u3000', '|', '0', '7', '23', '/', '—', '无', '万元', '---',
  '第二十条第（一）项', '申请人情况', '本年新收政府信息公开申请数量', '（七）总计', '总计', '其他', '（六）其他处理', '3.其他',
  '行政复议', '结果维持', '一、总体情况', '政府信息公开工作年度报告', '2023年', '（三）不予公开', '1.属于国家秘密', '结转下年度继续办理');
const drafty = fc.array(fc.oneof(piece, fc.string({ maxLength: 4 })), { maxLength: 400 }).map((p) => p.join(''));

const edit = fc.record({ at: fc.nat(), del: fc.nat({ max: 20 }), ins: fc.oneof(fc.string({ maxLength: 8 }), piece) });

describe('the parser and rules on any text', () => {
  it('LineIndex cuts lines where editors do (\\n, \\r\\n, a lone \\r)', () => {
    const text = fc.array(fc.constantFrom('a', '中', '𠀀', '\t', '\n', '\r', '\r\n'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      const idx = new LineIndex(t), lines = t.split(/\r\n|\r|\n/);
      assert.equal(idx.lineCount, lines.length);
      let at = 0;
      lines.forEach((line, l) => {
        assert.equal(idx.lineStart(l), at);
        assert.equal(idx.lineText(l), line);
        at += line.length + (t.startsWith('\r\n', at + line.length) ? 2 : 1);
      });
    }), { numRuns: 500 });
  });

  it('toHalfWidth maps full-width ASCII (U+FF01–FF5E) and the ideographic space, and nothing else', () => {
    const text = fc.array(fc.oneof(fc.constantFrom('２', '（', '）', '，', '～', '\u3000', '\uff00', '\uff5f', '中', 'a', ' '), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));
    fc.assert(fc.property(text, (t) => {
      const want = [...t].map((ch) => {
        const c = ch.charCodeAt(0);
        return c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : c === 0x3000 ? ' ' : ch;
      }).join('');
      assert.equal(toHalfWidth(t), want);
    }), { numRuns: 500 });
  });

  it('matchesOf finds what String.matchAll finds, also empty matches, and refuses a non-global expression', () => {
    const text = fc.array(fc.constantFrom('a', '2023', '年', '1', ' ', '中'), { maxLength: 20 }).map((p) => p.join(''));
    fc.assert(fc.property(text, fc.constantFrom(/\d+/g, /a*/g, /((?:19|20)\d\d)年/g, /$/g), (t, re) => {
      const got = matchesOf(re, t).map((m) => [m.index, ...m]);
      assert.deepEqual(got, [...t.matchAll(re)].map((m) => [m.index, ...m]));
    }), { numRuns: 300 });
    assert.throws(() => matchesOf(/a/, 'aaa'), TypeError);
  });

  it('arbitrary unicode never throws', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 2000 }), (s) => assertSane(s)), { numRuns: 300 });
  });

  it('draft-like fragments never throw', () => {
    fc.assert(fc.property(drafty, (s) => assertSane(s)), { numRuns: 500 });
  });

  it('seeds with random edits never throw', () => {
    fc.assert(fc.property(fc.constantFrom(...SEEDS), fc.array(edit, { minLength: 1, maxLength: 10 }), (seed, edits) => {
      let text = seed.text;
      for (const e of edits) {
        const at = e.at % (text.length + 1);
        text = text.slice(0, at) + e.ins + text.slice(at + e.del);
      }
      assertSane(text);
    }), { numRuns: 400 });
  });

  it('every prefix of every seed (as typed) never throws', () => {
    for (const { text } of SEEDS) {
      for (let n = 0; n <= text.length; n++) assertSane(text.slice(0, n));
    }
  });
});

describe('time grows linearly with the input', () => {
  // Shapes that would expose quadratic work: many rows, one huge row, one huge cell, many tables.
  const shapes: Record<string, (n: number) => string> = {
    'many table rows': (n) => '申请人情况\t\n' + '（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0\n'.repeat(n),
    'one long tab row': (n) => '本年新收政府信息公开申请数量' + '\t0'.repeat(n * 10),
    'cell-per-line continuation': (n) => '\t申请人情况\n' + '\t\n0\n'.repeat(n),
    'seeds back to back': (n) => SEEDS.map((s) => s.text).join('\n').repeat(Math.ceil(n / 50)),
    'no line breaks': (n) => '政府信息公开工作年度报告'.repeat(n * 4),
    // The reader's own shapes: flattened rows on one line, one row of many numbers, pipe rows, a long run of labels.
    'flattened rows on one line': (n) => '申请人情况 ' + '1.属于国家秘密00000002.其他法律行政法规禁止公开 713000074'.repeat(n / 4),
    'one row of many spaced numbers': (n) => '申请人情况\n本年新收政府信息公开申请数量' + ' 7'.repeat(n * 5),
    'many pipe rows': (n) => '申请人情况\n' + '| （三）不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n'.repeat(n / 2),
    'labels without numbers': (n) => '申请人情况\n' + '2.重复申请 '.repeat(n * 2),
    'unclosed brackets in a label': (n) => '申请人情况\n一、本年新收' + '（'.repeat(n * 2) + ' 1 0 0 0 0 0 1',
    // Rows between commas (a table converted to text with them): many rows, one long row, a bracket never closed, anchors among them.
    'many comma rows': (n) => '申请人情况，，，\n' + '（三）不予公开，1.属于国家秘密，0，0，0，0，0，0，0\n'.repeat(n),
    'one long comma row': (n) => '申请人情况,,\n本年新收政府信息公开申请数量' + ',0'.repeat(n * 10),
    'a comma row with a bracket never closed': (n) => '申请人情况，，，\n一、本年新收（' + '，0'.repeat(n * 10),
    'table anchors on one long comma line': (n) => '申请人情况，，，行政复议，，，'.repeat(n),
  };
  for (const [name, make] of Object.entries(shapes)) {
    it(name, () => assertLinear(name, make));
  }
});
