import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check } from '../../server/src/core/service';
import { SECTIONS } from '../../server/src/core/format/statute';
import { importHtml } from '../../server/src/import/html';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { renderHtml } from '../layouts/html';
import { LAYOUTS } from '../layouts/render';
import { assertPinpointed, READER } from './seeds';

// Sections numbered like the points inside them — （一）总体情况 … （六）其他需要报告的事项 as sub-topics are,
// 一是总体情况 … 六是… or 第一，总体情况 … as the points of a speech are — as some drafters number them:
// every seed (2021 and 2019 figures) in every layout whose headings are lines of their own, and as a web
// page. The six sections are found and each numbering is said to be the statute's 一、 (a safe fix), never
// “the sections are missing”; the tables are read as ever, and one wrong cell is still pinpointed. Points
// in prose (一是加强组织领导，…; a line 二是主动公开政府信息情况 inside 一) stay points.

const LINED = LAYOUTS.filter((l) => l.family !== 'flattened');
const NUMERALS = '一二三四五六';
const POINTS = [['paren', '（一）'], ['spoken', '一是'], ['ordinal', '第一，']] as const;

/** The six section-numbering warnings, fixed to 一、…六、, and nothing else; fixed, no section finding. */
function assertNumberedAsPoints(text: string, where: string): void {
  assert.deepEqual(parseReport(text).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], where);
  const findings = check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
  assert.deepEqual(findings.map((f) => f.code), Array(6).fill('section-numbering'), where);
  assert.deepEqual(findings.map((f) => f.fix?.safe && f.fix.edits[0].newText), [...NUMERALS].map((n) => `${n}、`), where);
  const fixed = applyEdits(text, findings.flatMap((f) => f.fix!.edits));
  assert.deepEqual(check(fixed).findings.filter((f) => f.code.startsWith('section')), [], where);
}

/** Points in the prose of 一: numbered as the sections are in `text`, one named after a section, one a line of its own. */
const withPoints = (text: string, numbering: string) => text.replace('依申请公开方面', [
  `${numbering.replace('一', '二')}主动公开政府信息情况`,
  `${numbering}加强组织领导，明确分管领导和工作人员。`,
  `${numbering.replace('一', '二')}总体情况良好，${numbering.replace('一', '三')}收到和处理政府信息公开申请情况见表三。`,
  '依申请公开方面',
].join('\n'));

for (const [style, numbering] of POINTS) {
  describe(`sections numbered ${numbering}…`, () => {
    it(`every seed in ${LINED.length} layouts, with points so numbered in the prose: six sections, six section-numbering warnings fixed to 一、…六、, every cell bound, nothing else`, () => {
      for (const l of LINED) {
        for (const { name, figures } of FIGURES) {
          const text = withPoints(l.render(figures, { headings: style }), numbering);
          assert.ok(text.includes(`${numbering.replace('一', '二')}主动公开政府信息情况`), `${l.name}: a point in the prose`);
          assertNumberedAsPoints(text, `${l.name}, ${name}`);
          assert.deepEqual(bound(text, figures).wrong, [], `${l.name}, ${name}`);
        }
      }
    });

    it('every seed as a web page', () => {
      for (const { name, figures } of FIGURES) {
        let { html } = renderHtml(figures, { seed: 2 });
        for (const s of SECTIONS) html = html.replace(`${s.numeral}、${s.title}`, `${numbering.replace('一', s.numeral)}${s.title}`);
        const { text } = importHtml(html);
        assertNumberedAsPoints(text, name);
        assert.deepEqual(bound(text, figures).wrong, [], name);
      }
    });
  });
}

describe('sections numbered like points: the tables still read', () => {
  it('one wrong cell of table 3 or 4 is pinpointed (every fifth cell, each seed in another layout and numbering)', () => {
    let n = 0;
    const separated = LINED.filter((x) => x.separated);
    FIGURES.forEach(({ figures }, i) => {
      const l = separated[i % separated.length];
      const [style] = POINTS[i % POINTS.length];
      for (const [j, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
        if (key === 't2' || j % 5 !== i % 5) continue;
        const wrong = String(Number(text) + 1);
        const draft = l.render(withCell(figures, key, row, col, wrong), { headings: style });
        assertPinpointed(draft, { key, row, col }, text, wrong, `${l.name} ${style} ${key} ${row} ${col}`);
        n++;
      }
    });
    assert.ok(n > 300, `${n} cells`);
  });

  it('points of 一 numbered （二） 二是 第二， and named after a section are not the section: every seed, every layout', () => {
    for (const l of LINED) {
      FIGURES.forEach(({ name, figures }, i) => {
        const text = withPoints(l.render(figures), POINTS[i % POINTS.length][1]);
        const sections = parseReport(text).sections;
        assert.deepEqual(sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], `${l.name}, ${name}`);
        assert.equal(sections[1].numeral, '二', `${l.name}, ${name}`);
        assert.deepEqual(check(text).findings.filter((f) => READER.has(f.code) || f.code.startsWith('section')), [], `${l.name}, ${name}`);
      });
    }
  });
});
