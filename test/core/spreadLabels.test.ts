import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { Kind, tokenize } from '../../server/src/core/parse/tokens';
import { check } from '../../server/src/core/service';
import { bound, FIGURES } from '../import/cells';
import { LAYOUTS } from '../layouts/render';

// Table 3's labels spread one character a single blank apart (4 . 无 正 当 理 由, 予 以 公 开): text copied from a
// PDF, or a WPS table whose cells were set to distributed alignment, pasted as tabs or aligned by spaces. The 无 of
// 无法提供 / 无正当理由 stood alone between blanks and was read as a placeholder: table-unreadable (“第 49 行的“无”
// 前的“（ 四 ）”对不上…”), the reader's failure said of the author's table. Each label is now one label.

const SPREADABLE = LAYOUTS.filter((l) => ['tabs', 'space-aligned', 'pdf-text'].includes(l.family));
/** A word of a label, with its numbering (4.无正当理由, （四）无法提供, 二、上年结转…): no digits but the numbering's. */
const WORD = /^(?:\d{1,2}\.|（[一二三四五六七八九十]）|[一二三四五六七八九十]、)?[^\d\s]*[\u4e00-\u9fff][^\d\s]*$/;

/** The text with table 3's labels spread: each of their words' characters a single blank apart. */
function spreadTable3(text: string): string {
  const lines = text.split('\n');
  const from = lines.findIndex((l) => l.includes('申请人情况')), to = lines.findIndex((l, i) => i > from && l.includes('结转下年度继续办理'));
  for (let i = from + 1; i <= to; i++) lines[i] = lines[i].replace(/[^\s]+/g, (w) => (WORD.test(w) && [...w].length > 1 ? [...w].join(' ') : w));
  return lines.join('\n');
}

const codes = (text: string) => check(text).findings.filter((f) => f.severity !== 'information').map((f) => f.code).sort();

describe('table 3 with its labels spread one character a blank apart', () => {
  for (const layout of SPREADABLE) {
    it(`${layout.name}: every seed, every cell bound, the findings of the table as typed`, () => {
      for (const { name, figures } of FIGURES) {
        const plain = layout.render(figures), text = spreadTable3(plain);
        assert.notEqual(text, plain);
        assert.match(text, /无 (?:法|正)/, name);
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(codes(text), codes(plain), name);
      }
    });
  }

  it('a 无 that ends a spread label without numbering stays a placeholder (行 政 许 可 无 无 无), one after a numbering is part of the label', () => {
    const read = (text: string) => tokenize(new LineIndex(text), 0, text.length).map((t) => `${t.kind === Kind.Label ? 'L' : t.kind === Kind.Value ? 'V' : 'B'} ${t.text}`);
    assert.deepEqual(read('行 政 许 可 无 无 无'), ['L 行 政 许 可', 'V 无', 'V 无', 'V 无']);
    assert.deepEqual(read('（ 四 ） 无'), ['L （ 四 ） 无']);
    assert.deepEqual(read('4 . 无 正 当 理 由 大 量 反 复 申 请   0   0   0'), ['L 4 . 无 正 当 理 由 大 量 反 复 申 请', 'V 0', 'V 0', 'V 0']);
    assert.deepEqual(read('予 以 公 开\t17\t3'), ['L 予 以 公 开', 'V 17', 'V 3']);
  });
});
