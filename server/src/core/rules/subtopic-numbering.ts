import { SECTIONS } from '../format/statute';
import { sectionHeading as heading } from './names';
import type { Rule } from './types';

export const subtopicNumbering: Rule = {
  code: 'subtopic-numbering', severity: 'warning', statutoryOnly: true,
  title: { zh: '总体情况的小标题用了部分的序号', en: 'A sub-topic of 总体情况 is numbered like a section' },
  description: {
    zh: '“一、总体情况”下的小标题（主动公开、依申请公开、政府信息管理、平台建设、监督保障）应编为（一）（二）……；写成“二、”“三、”会与六个部分的序号混淆。（一）、(1)、1. 等编号不会报告。快速修复改为“（二）”。',
    en: 'Sub-topics under 一、总体情况 are numbered （一）（二）…; 二、 三、 clash with the section numbering. （一）, (1) and 1. are not reported. The quick fix writes （二）.',
  },
  check({ report }) {
    return report.subtopicNumberings.map(({ range, written, numeral, value }) => {
      const want = `（${numeral}）`;
      const clash = SECTIONS.find((s) => s.number === value);
      return {
        code: 'subtopic-numbering', range,
        message: {
          zh: `“总体情况”下的小标题用了各部分的序号“${written}”${clash ? `，会与“${heading(clash.number)}”混淆` : ''}；小标题应编为“${want}”。`,
          en: `A sub-topic of 总体情况 is numbered “${written}” like a section; sub-topics are numbered “${want}”.`,
        },
        fix: { title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ range, newText: want }], safe: false },
      };
    });
  },
};
