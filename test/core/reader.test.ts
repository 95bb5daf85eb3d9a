import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { splitRuns } from '../../server/src/core/parse/split';
import { Kind, tokenize } from '../../server/src/core/parse/tokens';
import { check } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/lineIndex';
import { assertLinear } from './linear';
import { EXPECTED } from './expected';
import { figuresOf } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';

// The reader's parts on small texts: the tokenizer, the cutting of run-together digits, and the
// bounds that keep a hostile text from hanging it.

const tokens = (text: string) => tokenize(new LineIndex(text), 0, text.length).map((t) => `${['L', 'V', 'B'][t.kind]}:${t.text}`);

describe('the tokenizer', () => {
  it('cuts labels and numbers run together, leaving a label\'s numbering with its label', () => {
    assert.deepEqual(tokens('规章000行政规范性文件8855698第二十条第（五）项信息内容行政许可10690'),
      ['L:规章', 'V:000', 'L:行政规范性文件', 'V:8855698', 'L:第二十条第（五）项信息内容行政许可', 'V:10690']);
    assert.deepEqual(tokens('1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000'),
      ['L:1.属于国家秘密', 'V:0000000', 'L:2.其他法律行政法规禁止公开', 'V:0000000']);
  });

  it('keeps a bracketed note one label, its numbers too; decimals and units stay with their number', () => {
    assert.deepEqual(tokens('22 （其中修订 16 件）\n行政事业性收费9116.36 三、收到\n373.91万元'),
      ['V:22', 'L:（其中修订 16 件）', 'L:行政事业性收费', 'V:9116.36', 'L:三、收到', 'V:373.91万元']);
  });

  it('makes a blank token only where the text proves an empty cell', () => {
    assert.deepEqual(tokens('规章\t\t0\t0'), ['L:规章', 'B:', 'V:0', 'V:0']);
    assert.deepEqual(tokens('| 规章 |  | 0 |'), ['L:规章', 'B:', 'V:0']);
    assert.deepEqual(tokens('规章    0    0'), ['L:规章', 'V:0', 'V:0']);
    // A tab-only line is an empty cell, unless the cell's value follows on the next line.
    assert.deepEqual(tokens('\t规章\n\t\n\t0'), ['L:规章', 'B:', 'V:0']);
    assert.deepEqual(tokens('\t规章\n\t\n0'), ['L:规章', 'V:0']);
  });

  it('in a cell of its own, what stands where a number should is one value, even when it is none', () => {
    assert.deepEqual(tokens('规章\t5O\t五\t/'), ['L:规章', 'V:5O', 'V:五', 'V:/']);
  });

  it('drops page markers and Markdown rules, and splits words at <br>', () => {
    assert.deepEqual(tokens('一、本年新收 1\n- 5 -\n— 6 —\n第 7 页\n|---|:-:|\n| 重新出<br>具已获取信息 | 2 |'),
      ['L:一、本年新收', 'V:1', 'L:重新出', 'L:具已获取信息', 'V:2']);
  });

  it('reads a grid table cell by cell over its lines', () => {
    const grid = ['+----------+----+----+', '| 一、本年新收政府 | 5  |    |', '| 信息公开申请数量 |    |    |', '+----------+----+----+'].join('\n');
    assert.deepEqual(tokens(grid), ['L:一、本年新收政府', 'L:信息公开申请数量', 'V:5', 'B:']);
  });

  it('gives each token its display column (a Chinese character is two wide)', () => {
    const text = '规章  12';
    const [, value] = tokenize(new LineIndex(text), 0, text.length);
    assert.deepEqual([value.kind, value.x, value.xEnd], [Kind.Value, 6, 8]);
  });
});

describe('cutting run-together digits', () => {
  const rowTotal = (v: number[]) => v[6] === v.slice(0, 6).reduce((a, b) => a + b, 0);
  const cuts = (run: string) => splitRuns([run], 7, rowTotal).found.map((parts) => parts.map((p) => Number(run.slice(p.from, p.to))));

  it('713000074: one cut fits (71, 3, 0, 0, 0, 0, 74)', () => assert.deepEqual(cuts('713000074'), [[71, 3, 0, 0, 0, 0, 74]]));
  it('640020470: one cut fits (64, 0, 0, 2, 0, 4, 70)', () => assert.deepEqual(cuts('640020470'), [[64, 0, 0, 2, 0, 4, 70]]));
  it('558000063: two cuts fit (55, 8 … and 5, 58 …)', () => assert.deepEqual(cuts('558000063'), [[5, 58, 0, 0, 0, 0, 63], [55, 8, 0, 0, 0, 0, 63]]));
  it('713000075: none fits', () => assert.deepEqual(cuts('713000075'), []));
  it('no number with a leading zero', () => assert.deepEqual(cuts('0000000'), [[0, 0, 0, 0, 0, 0, 0]]));

  it('a 200-digit run is given up, not searched for ever', () => {
    const run = '1'.repeat(200);
    const { found, gaveUp } = splitRuns([run], 7, rowTotal);
    assert.deepEqual(found, []);
    assert.equal(gaveUp || run.length > 7 * 12, true);
    const long = '123456789'.repeat(9);
    const started = Date.now();
    splitRuns([long], 7, rowTotal);
    assert.ok(Date.now() - started < 2000);
  });
});

/** A flattened table 3 (2021): every row's label, then its seven numbers run together. */
function flattened(rows: Record<string, number[]>, mutate: (digits: string, key: string) => string = (d) => d): string {
  const labels: [string, string][] = [
    ['1', '一、本年新收政府信息公开申请数量 '], ['2', '二、上年结转政府信息公开申请数量 '], ['', '三、本年度办理结果 '],
    ['3.1', '（一）予以公开 '], ['3.2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形） '], ['', '（三）不予公开 '],
    ['3.3.1', '1.属于国家秘密'], ['3.3.2', '2.其他法律行政法规禁止公开 '], ['3.3.3', '3.危及“三安全一稳定” '], ['3.3.4', '4.保护第三方合法权益 '],
    ['3.3.5', '5.属于三类内部事务信息 '], ['3.3.6', '6.属于四类过程性信息 '], ['3.3.7', '7.属于行政执法案卷 '], ['3.3.8', '8.属于行政查询事项 '],
    ['', '（四）无法提供 '], ['3.4.1', '1.本机关不掌握相关政府信息 '], ['3.4.2', '2.没有现成信息需要另行制作 '], ['3.4.3', '3.补正后申请内容仍不明确 '],
    ['', '（五）不予处理 '], ['3.5.1', '1.信访举报投诉类申请 '], ['3.5.2', '2.重复申请 '], ['3.5.3', '3.要求提供公开出版物 '], ['3.5.4', '4.无正当理由大量反复申请 '],
    ['3.5.5', '5.要求行政机关确认或重新出具已获取信息 '], ['', '（六）其他处理 '], ['3.6.1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 '],
    ['3.6.2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 '], ['3.6.3', '3.其他 '], ['3.7', '（七）总计 '], ['4', '四、结转下年度继续办理 '],
  ];
  const body = labels.map(([key, label]) => label + (key ? mutate((rows[key] ?? [0, 0, 0, 0, 0, 0, 0]).join(''), key) : '')).join('');
  return `某镇2024年政府信息公开工作年度报告 三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 总计 商业 企业 科研 机构 社会公益组织 法律服务机构 其他 ${body} 四、政府信息公开行政复议、行政诉讼情况`;
}
// Seed 002's table 3.
const S002: Record<string, number[]> = {
  '1': [55, 8, 0, 0, 0, 0, 63], '2': [1, 0, 0, 0, 0, 0, 1], '3.1': [17, 3, 0, 0, 0, 0, 20], '3.2': [5, 0, 0, 0, 0, 0, 5],
  '3.3.7': [1, 0, 0, 0, 0, 0, 1], '3.4.1': [25, 3, 0, 0, 0, 0, 28], '3.4.2': [2, 0, 0, 0, 0, 0, 2], '3.5.2': [1, 1, 0, 0, 0, 0, 2],
  '3.7': [51, 7, 0, 0, 0, 0, 58], '4': [5, 1, 0, 0, 0, 0, 6],
};
const t3 = (text: string) => parseReport(text).tables.t3!;
const values = (text: string, row: string) => Object.values(t3(text).rows[row].cells).map((c) => c.value);
const codes = (text: string) => check(text).findings.map((f) => f.code).filter((c) => c !== 'section-missing' && c !== 'table-missing');

describe('a flattened table 3', () => {
  it('seed 002: every row cut; 558000063 (55/8 or 5/58) decided by the column identities', () => {
    const text = flattened(S002);
    for (const [row, want] of Object.entries(S002)) assert.deepEqual(values(text, row), want, row);
    assert.ok(Object.values(t3(text).rows['1'].cells).every((c) => c.inferred));
    assert.deepEqual(codes(text), []);
  });

  it('when the columns cannot decide (no row 二), the row is ambiguous and says so, with no arithmetic finding', () => {
    const text = flattened(S002).replace('二、上年结转政府信息公开申请数量 1000001', '');
    const cells = t3(text).rows['1'].cells;
    assert.deepEqual([cells.natural.kind, cells.commercial.kind, cells.total.value], ['ambiguous', 'ambiguous', 63]);
    const found = check(text).findings.filter((f) => f.code === 'cell-ambiguous');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /（558000063），可以拆成：.*（都符合勾稽关系）/);
    assert.ok(found[0].message.includes('自然人 55、商业企业 8') && found[0].message.includes('自然人 5、商业企业 58'), found[0].message);
    assert.deepEqual(codes(text).filter((c) => c !== 'row-missing'), ['cell-ambiguous']);
  });

  it('a wrong digit leaves no cut that fits: the row is unreadable, not a pinpointed cell', () => {
    const text = flattened(S002, (d, key) => (key === '3.1' ? '1730000200' : d));
    assert.deepEqual(codes(text), ['table-unreadable']);
    assert.match(check(text).findings.find((f) => f.code === 'table-unreadable')!.message, /“予以公开”一行的数字连在一起（1730000200），按表内的勾稽关系拆不成 7 个数/);
  });

  it('a 200-digit run: the row is unreadable, quickly', () => {
    const text = flattened(S002, (d, key) => (key === '3.3.1' ? '7'.repeat(200) : d));
    assert.deepEqual(codes(text), ['table-unreadable']);
    assert.equal(t3(text).rows['3.3.1'].cells.natural, undefined);
  });

  it('takes time linear in the length of hostile runs', () =>
    assertLinear('long digit runs', (n) => flattened(S002, (d, key) => (key === '3.1' ? '9'.repeat(n / 50) + d : d)).repeat(1 + n / 2000)));
});

describe('a row written twice with other numbers (pasted again)', () => {
  const SAME_LINE = LAYOUTS.filter((l) => l.family === 'tabs' || l.family === 'markdown' || l.family === 'space-aligned' || l.family === 'pdf-text');
  for (const l of SAME_LINE) {
    it(`${l.name}: after or before the row, every seed: neither copy taken, both named (row-cells); no arithmetic finding`, () => {
      for (const key of Object.keys(EXPECTED)) {
        const lines = l.render(figuresOf(EXPECTED[key])).split('\n');
        const at = lines.findIndex((x) => x.includes('4.保护第三方合法权益'));
        const copy = lines[at].replace(/\d+/g, (d) => String(Number(d) + 1));
        for (const where of [at + 1, at]) {
          const text = [...lines.slice(0, where), copy, ...lines.slice(where)].join('\n');
          const found = check(text).findings.filter((f) => f.severity !== 'information' && f.code !== 'prose-mismatch');
          assert.deepEqual(found.map((f) => f.code), ['row-cells'], `${key} ${where}`);
          assert.match(found[0].message, /“不予公开·保护第三方合法权益”一行出现两次（第 \d+ 行和第 \d+ 行），数字不同/);
          assert.deepEqual(parseReport(text).tables.t3!.rows['3.3.4'].cells, {}, `${key} ${where}`);
        }
      }
    });
    // The table's last row pasted again right under it: the table was taken to end at the first (was: no finding at all).
    it(`${l.name}: table 3's last row again under it, every seed: with other numbers named (row-cells), with the same nothing`, () => {
      for (const key of Object.keys(EXPECTED)) {
        const lines = l.render(figuresOf(EXPECTED[key])).split('\n');
        const at = lines.findIndex((x) => x.includes('结转下年度继续办理') && /\d/.test(x));
        const other = lines[at].replace(/\d+/g, (d) => String(Number(d) + 1));
        const text = [...lines.slice(0, at + 1), other, ...lines.slice(at + 1)].join('\n');
        const found = check(text).findings.filter((f) => f.severity !== 'information' && f.code !== 'prose-mismatch');
        assert.deepEqual(found.map((f) => f.code), ['row-cells'], key);
        assert.match(found[0].message, /“结转下年度继续办理”一行出现两次（第 \d+ 行和第 \d+ 行），数字不同/);
        const same = [...lines.slice(0, at + 1), lines[at], ...lines.slice(at + 1)].join('\n');
        assert.deepEqual(check(same).findings.filter((f) => f.severity !== 'information' && f.code !== 'prose-mismatch'), [], key);
      }
    });
  }
});
