import type { Section } from '../model';
import { sectionHeading as heading, sectionSpec as spec } from './names';
import type { RawFinding, Rule } from './types';

/** The sections that stand in statutory order: the longest run of increasing numbers. */
function inOrder(sections: Section[]): Set<Section> {
  const best: number[] = [], prev: number[] = [];
  sections.forEach((s, i) => {
    best[i] = 1; prev[i] = -1;
    for (let j = 0; j < i; j++) if (sections[j].number < s.number && best[j] + 1 > best[i]) { best[i] = best[j] + 1; prev[i] = j; }
  });
  const keep = new Set<Section>();
  let i = best.indexOf(Math.max(...best));
  for (; i >= 0; i = prev[i]) keep.add(sections[i]);
  return keep;
}

export const sectionOrder: Rule = {
  code: 'section-order', severity: 'warning', statutoryOnly: true,
  title: { zh: '各部分的顺序不对', en: 'Sections out of order' },
  description: {
    zh: '六个部分须按一至六的顺序排列。检查找出最长的、顺序正确的一串部分，其余的逐一指出应放的位置。',
    en: 'The six sections come in statutory order. The longest run of sections in order is taken as right; each other section is reported with the place it belongs.',
  },
  check({ report: { sections } }) {
    const keep = inOrder(sections);
    const kept = sections.filter((s) => keep.has(s)); // in document order, which is also their order by number
    const out: RawFinding[] = [];
    for (const s of sections) {
      if (keep.has(s)) continue;
      const after = kept.filter((k) => k.number < s.number).pop();
      const before = kept.find((k) => k.number > s.number);
      const place = [after && `“${heading(after.number)}”之后`, before && `“${heading(before.number)}”之前`].filter(Boolean).join('、');
      const placeEn = [after && `after section ${after.number}`, before && `before section ${before.number}`].filter(Boolean).join(' and ');
      out.push({
        code: 'section-order', range: s.headingRange,
        message: {
          zh: `“${heading(s.number)}”的位置不对：应在${place}。六个部分须按一至六的顺序排列。`,
          en: `Section ${s.number} “${spec(s.number).title}” is out of order: it belongs ${placeEn}.`,
        },
      });
    }
    return out;
  },
};
