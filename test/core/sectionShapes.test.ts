import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseReport } from '../../server/src/core/parse/report';
import { applyEdits, check } from '../../server/src/core/service';
import { bound, cellsOf, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { assertPinpointed, READER } from './seeds';

// Sections numbered like sub-topics, （一）总体情况 … （六）其他需要报告的事项, as some drafters number them:
// every seed (2021 and 2019 figures) in every layout whose headings are lines of their own. The six
// sections are found and each numbering is said to be the statute's 一、 (a safe fix), never “the
// sections are missing”; the tables are read as ever, and one wrong cell is still pinpointed.

const LINED = LAYOUTS.filter((l) => l.family !== 'flattened');
const NUMERALS = '一二三四五六';

describe('sections numbered （一） … （六）', () => {
  it(`every seed in ${LINED.length} layouts: six sections, six section-numbering warnings fixed to 一、…六、, every cell bound, nothing else`, () => {
    for (const l of LINED) {
      for (const { name, figures } of FIGURES) {
        const text = l.render(figures, { headings: 'paren' });
        const where = `${l.name}, ${name}`;
        assert.deepEqual(parseReport(text).sections.map((s) => s.number), [1, 2, 3, 4, 5, 6], where);
        assert.deepEqual(bound(text, figures).wrong, [], where);
        const findings = check(text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(findings.map((f) => f.code), Array(6).fill('section-numbering'), where);
        assert.deepEqual(findings.map((f) => f.fix?.safe && f.fix.edits[0].newText), [...NUMERALS].map((n) => `${n}、`), where);
        const fixed = applyEdits(text, findings.flatMap((f) => f.fix!.edits));
        assert.deepEqual(check(fixed).findings.filter((f) => f.code.startsWith('section')), [], where);
      }
    }
  });

  it('one wrong cell of table 3 or 4 is pinpointed (every fifth cell, each seed in another layout)', () => {
    let n = 0;
    FIGURES.forEach(({ figures }, i) => {
      const l = LINED.filter((x) => x.separated)[i % LINED.filter((x) => x.separated).length];
      for (const [j, { key, row, col, text }] of [...cellsOf(figures)].entries()) {
        if (key === 't2' || j % 5 !== i % 5) continue;
        const wrong = String(Number(text) + 1);
        const draft = l.render(withCell(figures, key, row, col, wrong), { headings: 'paren' });
        assertPinpointed(draft, { key, row, col }, text, wrong, `${l.name} ${key} ${row} ${col}`);
        n++;
      }
    });
    assert.ok(n > 300, `${n} cells`);
  });

  it('a sub-topic of 一 named after a section, （二）主动公开政府信息情况, is not the section', () => {
    const text = LINED[0].render(FIGURES[0].figures).replace('依申请公开方面', '（二）主动公开政府信息情况\n依申请公开方面');
    const sections = parseReport(text).sections;
    assert.deepEqual(sections.map((s) => s.number), [1, 2, 3, 4, 5, 6]);
    assert.equal(sections[1].numeral, '二');
    assert.deepEqual(check(text).findings.filter((f) => READER.has(f.code) || f.code.startsWith('section')), []);
  });
});
