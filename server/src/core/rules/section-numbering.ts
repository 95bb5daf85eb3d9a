import type { Section } from '../model';
import { sectionSpec as spec } from './names';
import type { RawFinding, Rule } from './types';

/** How far a heading's numeral is off (三 for section 2: +1); a run of equal offsets is a shifted block. */
const offset = (s: Section) => (s.numeralValue === null ? 0 : s.numeralValue - s.number);

export const sectionNumbering: Rule = {
  code: 'section-numbering', severity: 'warning', statutoryOnly: true,
  title: { zh: '部分标题的序号缺失或写错', en: 'A section heading lacks its numeral or has the wrong one' },
  description: {
    zh: '六个部分的标题用汉字数字加顿号编号：一、二、……六、。缺少序号（“主动公开政府信息情况”）、写成阿拉伯数字或别的标点（“2、”“二.”）或另一种编号（“第二部分”）、序号与部分不符（整段错位）都会报告，快速修复改为正确的序号。',
    en: 'Section headings are numbered 一、 to 六、. A missing numeral, an Arabic numeral or another separator (“2、”, “二.”), a numbering of another kind (“第二部分”), or a numeral that does not match the section (a shifted block) is reported; the quick fix writes the right numeral.',
  },
  check({ report: { sections }, idx }) {
    const out: RawFinding[] = [];
    const numberingText = (s: Section) => idx.lineText(s.numberingRange.start.line).slice(s.numberingRange.start.character, s.numberingRange.end.character).trim();
    sections.forEach((s, i) => {
      const want = `${spec(s.number).numeral}、`;
      const written = numberingText(s);
      if (written === want) return;
      // A missing numeral, or the right one written another way, is certain; a different numeral may
      // mean the section is misplaced rather than misnumbered, so that fix is offered, not applied.
      const fix = (zh: string, en: string, safe: boolean) => ({ title: { zh, en }, edits: [{ range: s.numberingRange, newText: want }], safe });
      if (s.numeral === null) {
        out.push({
          code: 'section-numbering', range: s.titleRange,
          message: { zh: `标题“${s.title}”缺少序号，应为“${want}${s.title}”。`, en: `The heading “${s.title}” has no numeral; it should read “${want}${s.title}”.` },
          fix: fix(`加上序号“${want}”`, `Add the numeral “${want}”`, true),
        });
        return;
      }
      const d = offset(s);
      if (d === 0) {
        out.push({
          code: 'section-numbering', range: s.numberingRange,
          message: {
            zh: `序号“${written}”应写作“${want}”：六个部分用汉字数字加顿号编号（一、二、三……）。`,
            en: `The numeral “${written}” should be written “${want}”: sections are numbered 一、二、三…`,
          },
          fix: fix(`改为“${want}”`, `Change to “${want}”`, true),
        });
        return;
      }
      const neighbour = (j: number) => sections[j] && sections[j].numeral !== null && offset(sections[j]) === d;
      const shifted = neighbour(i - 1) || neighbour(i + 1);
      out.push({
        code: 'section-numbering', range: s.numberingRange,
        message: {
          zh: `“${s.title}”是第${spec(s.number).numeral}部分，序号“${written}”应为“${want}”${shifted ? '（这几部分的序号依次错了位）' : ''}。`,
          en: `“${s.title}” is section ${s.number}; its numeral “${written}” should be “${want}”${shifted ? ' (the numbering of these sections is shifted)' : ''}.`,
        },
        fix: fix(`改为“${want}”`, `Change to “${want}”`, false),
      });
    });
    return out;
  },
};
