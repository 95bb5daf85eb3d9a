import { sectionSpec as spec } from './names';
import type { Rule } from './types';

export const sectionTitle: Rule = {
  code: 'section-title', severity: 'information', statutoryOnly: true,
  title: { zh: '部分标题的措辞与法定表述不同', en: 'A section title departs from the statute\'s wording' },
  description: {
    zh: '标题应照国办公开办函〔2021〕30号的表述书写。第四部分也可写作“因政府信息公开工作被申请行政复议、提起行政诉讼情况”，第五部分也可写作“政府信息公开工作存在的主要问题及改进情况”。换了说法（“主动公开情况”）或有一字之差（“行政法复议”）的标题仍算作该部分，在此提示。快速修复改为法定表述。',
    en: 'Titles follow the statute\'s wording; the accepted variants of sections 4 and 5 pass. A title in other words (主动公开情况) or one character off (行政法复议) still counts as its section and is noted here. The quick fix writes the statutory title.',
  },
  check({ report: { sections } }) {
    return sections.filter((s) => !s.statutory).map((s) => {
      const title = spec(s.number).title;
      return {
        code: 'section-title', range: s.titleRange,
        message: {
          zh: `标题“${s.title}”与法定表述不同，第${spec(s.number).numeral}部分的标题应为“${title}”。`,
          en: `The heading “${s.title}” departs from the statute's wording; section ${s.number} is titled “${title}”.`,
        },
        fix: { title: { zh: `改为“${title}”`, en: `Change to “${title}”` }, edits: [{ range: s.titleRange, newText: title }], safe: false },
      };
    });
  },
};
