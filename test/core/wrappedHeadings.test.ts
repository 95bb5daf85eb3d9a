import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check } from '../../server/src/core/service';
import { LineIndex } from '../../server/src/core/lineIndex';
import { bound, FIGURES } from '../import/cells';
import { LAYOUTS, type Noise } from '../layouts/render';
import { SEEDS } from './seeds';

// A section heading broken over two lines, as a PDF's text layer or a narrow Word column breaks it
// (二、主动公开政府信息 / 情况, 三、收到和处理政府信息公开申 / 请情况): it is the section's heading, the statute's
// title, with no finding — before, 二 got a section-title note whose fix wrote a second 情况, and 三 was
// missing (its fix inserted a second heading). A heading followed by its first line of text is not joined.

const LINED = LAYOUTS.filter((l) => l.family !== 'flattened');
const STYLES: Noise['headings'][] = [undefined, 'bold', 'part', 'dot', 'noted', 'indented'];

/** Each section heading of `text` broken inside its title, `at` characters in (from its title's length and the section). */
function wrapHeadings(text: string, at: (length: number, section: number) => number): string {
  const idx = new LineIndex(text);
  const sections = parseReport(text).sections;
  assert.equal(sections.length, 6);
  let out = text;
  for (const s of [...sections].reverse()) {
    assert.equal(s.titleRange.start.line, s.titleRange.end.line);
    const offset = idx.offset(s.titleRange.start) + at(s.title.length, s.number);
    out = `${out.slice(0, offset)}\n${out.slice(offset)}`;
  }
  return out;
}

/** What the checker says, places aside. */
const said = (text: string) => check(text).findings.map((f) => `${f.code} ${f.message}`).sort();

describe('a section heading broken over two lines', () => {
  it(`every seed in ${LINED.length} layouts, headings written six ways, broken after the numbering, in the middle and before 情况: the same sections and findings, every cell bound`, () => {
    let n = 0;
    LINED.forEach((l, i) => {
      FIGURES.forEach(({ name, figures }, j) => {
        const headings = STYLES[(i + j) % STYLES.length];
        const text = l.render(figures, { headings });
        const before = said(text);
        for (const [k, at] of [(_: number) => 0, (length: number) => length - 2, (length: number, s: number) => 1 + ((s + i + j) % (length - 1))].entries()) {
          const wrapped = wrapHeadings(text, at);
          const where = `${l.name}, ${name}, ${headings ?? 'plain'}, break ${k}`;
          const sections = parseReport(wrapped).sections;
          assert.deepEqual(sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], where);
          assert.ok(sections.every((s) => s.statutory), where);
          assert.deepEqual(said(wrapped), before, where);
          assert.deepEqual(bound(wrapped, figures).wrong, [], where);
          n++;
        }
      });
    });
    assert.ok(n >= 500, `${n} texts`);
  });

  const seed = SEEDS.find((s) => s.name.startsWith('000'))!.text;
  const statutory = (text: string) => parseReport(text).sections.map((s) => `${s.number} ${s.statutory} ${s.title}`);

  it('二、主动公开政府信息 / 情况 and 三、收到和处理政府信息公开申 / 请情况, plain and as Markdown headings: no section finding, nothing for a fix to write', () => {
    for (const mark of ['', '## ', '**']) {
      const end = mark === '**' ? '**' : '';
      const text = seed.replace('二、主动公开政府信息情况', `${mark}二、主动公开政府信息\n情况${end}`).replace('三、收到和处理政府信息公开申请情况', `${mark}三、收到和处理政府信息公开申\n请情况${end}`);
      assert.ok(text.includes('公开申\n请情况'), mark);
      assert.deepEqual(statutory(text).slice(1, 3), ['2 true 主动公开政府信息情况', '3 true 收到和处理政府信息公开申请情况'], mark);
      assert.deepEqual(said(text), said(seed), mark);
      assert.ok(check(text).findings.every((f) => !f.fix || f.fix.edits.every((e) => e.range.start.line < 20)), mark);
    }
  });

  it('a heading run into its text after the break (六、其他需要报告的 / 事项：本机关…) and 四 broken before 诉讼情况: the sections, table 4 read', () => {
    const text = seed.replace('六、其他需要报告的事项', '六、其他需要报告的\n事项：本机关未收取信息处理费。').replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开行政复议、行政\n诉讼情况');
    const report = parseReport(text);
    assert.deepEqual(report.sections.map((s) => `${s.number} ${s.statutory}`), ['1 true', '2 true', '3 true', '4 true', '5 true', '6 true']);
    const six = report.sections[5];
    assert.deepEqual([six.headingRange.start.line + 1, six.headingRange.end], [six.headingRange.end.line, { line: six.headingRange.end.line, character: 2 }]);
    assert.equal(report.tables.t4?.rows.review?.cells.total?.value !== undefined, true);
    assert.deepEqual(said(text).filter((f) => f.startsWith('section') || f.startsWith('table')), []);
  });

  it('broken over three lines (三、收到和处理 / 政府信息公开申 / 请情况), also with a slip (情兄) and with text after a colon: the sections, no section finding; a third line of text is not joined', () => {
    const text = seed.replace('二、主动公开政府信息情况', '二、主动公开\n政府信息\n情况')
      .replace('三、收到和处理政府信息公开申请情况', '## 三、收到和处理\n政府信息公开申\n请情况')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '四、政府信息公开\n  行政复议、行政\n诉讼情况')
      .replace('六、其他需要报告的事项', '六、其他需要\n报告的\n事项：本机关未收取信息处理费。');
    assert.ok(text.includes('公开申\n请情况') && text.includes('其他需要\n报告的\n事项'));
    const report = parseReport(text);
    assert.deepEqual(statutory(text), statutory(seed));
    const three = report.sections[2];
    assert.deepEqual([three.headingRange.end.line - three.headingRange.start.line, three.headingRange.end.character], [2, 3]);
    const six = report.sections[5];
    assert.deepEqual([six.headingRange.end.line - six.headingRange.start.line, six.headingRange.end.character], [2, 2]);
    assert.deepEqual(said(text).filter((f) => f.startsWith('section')), said(seed).filter((f) => f.startsWith('section')));
    assert.deepEqual(said(text).filter((f) => f.startsWith('table')), said(seed).filter((f) => f.startsWith('table')));
    // A slip over three lines: section-title, whose fix writes the title whole.
    const slip = seed.replace('二、主动公开政府信息情况', '二、主动公开\n政府信息\n情兄');
    const [finding, ...more] = check(slip).findings.filter((f) => f.code.startsWith('section'));
    assert.equal(more.length, 0);
    assert.equal(finding.code, 'section-title');
    assert.equal(finding.range.end.line, finding.range.start.line + 2);
    assert.ok(applyEdits(slip, finding.fix!.edits).includes('\n二、主动公开政府信息情况\n'));
    // Two lines of a heading in other words and a line of text are not joined into the statute's title.
    const draft = seed.replace('二、主动公开政府信息情况', '二、主动公开\n政府信息\n情况良好，本年度主动公开信息120条。');
    assert.ok(!parseReport(draft).sections.some((s) => s.number === 2 && s.statutory));
  });

  it('broken with a slip (情兄): section-title, whose fix writes the title on one line; a heading in other words followed by its text is not joined', () => {
    const slip = seed.replace('二、主动公开政府信息情况', '二、主动公开政府信息\n情兄');
    const [finding, ...more] = check(slip).findings.filter((f) => f.code.startsWith('section'));
    assert.equal(more.length, 0);
    assert.equal(finding.code, 'section-title');
    const fixed = applyEdits(slip, finding.fix!.edits);
    assert.equal(finding.range.end.line, finding.range.start.line + 1);
    assert.ok(fixed.includes('\n二、主动公开政府信息情况\n') && !fixed.includes('情兄'));
    assert.deepEqual(said(fixed), said(seed));

    for (const [heading, text] of [['二、主动公开情况', '本机关主动公开'], ['二、主动公开政府信息', '情况良好'], ['二、主动公开政府信息', '2024年主动公开']]) {
      const draft = seed.replace('二、主动公开政府信息情况', `${heading}\n${text}`);
      const [f, ...rest] = check(draft).findings.filter((x) => x.code.startsWith('section'));
      assert.equal(rest.length, 0, heading + text);
      assert.equal(f.code, 'section-title', heading + text);
      assert.equal(f.range.start.line, f.range.end.line, heading + text);
      assert.ok(applyEdits(draft, f.fix!.edits).includes(`二、主动公开政府信息情况\n${text}`), heading + text);
    }
    // The statute's heading followed by a line that would make another title with it stays as it is.
    const after = seed.replace('二、主动公开政府信息情况', '## 二、主动公开政府信息情况\n情况');
    assert.deepEqual(statutory(after)[1], '2 true 主动公开政府信息情况');
  });
});
