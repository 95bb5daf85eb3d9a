import { SECTION_OF, SECTIONS, TABLE_KEYS } from '../format/statute';
import { reportElsewhere } from './report-attached';
import type { RawFinding, Rule } from './types';
import { sectionHeading as heading, sectionSpec as spec } from './names';

export const sectionMissing: Rule = {
  code: 'section-missing', severity: 'warning', statutoryOnly: true,
  title: { zh: '缺少法定的部分', en: 'A statutory section is missing' },
  description: {
    zh: '年度报告须依次包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。缺少标题的第二至四部分，快速修复会在相应的表前插入标题。',
    en: 'An annual report has six sections in order: 一、总体情况 … 六、其他需要报告的事项. When the heading of section 2, 3 or 4 is missing but its table is there, the quick fix inserts the heading before the table.',
  },
  check(ctx) {
    const { report, idx } = ctx;
    const { sections } = report;
    if (sections.length === 0) {
      // A page with only the report's attachment, or its title: report-attached says where the report is.
      if (reportElsewhere(ctx)) return [];
      let title = 0;
      while (title < Math.min(idx.lineCount, 12) && !idx.lineText(title).includes('报告')) title++;
      return [{
        code: 'section-missing', range: idx.lineRange(title < idx.lineCount && title < 12 ? title : 0),
        message: {
          zh: '未找到六个部分的标题。年度报告须依次包含：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。',
          en: 'None of the six section headings was found. An annual report has, in order: 一、总体情况 … 六、其他需要报告的事项.',
        },
      }];
    }
    const out: RawFinding[] = [];
    for (const { number: n } of SECTIONS) {
      if (sections.some((s) => s.number === n)) continue;
      const before = sections.filter((s) => s.number < n).pop();
      const after = sections.find((s) => s.number > n);
      const finding: RawFinding = {
        code: 'section-missing',
        range: after?.headingRange ?? before!.headingRange,
        message: {
          zh: `缺少第${spec(n).numeral}部分“${heading(n)}”。年度报告须按顺序包含六个部分，这一部分${after ? `应在“${heading(after.number)}”之前` : `应在“${heading(before!.number)}”之后`}。`,
          en: `Section ${n} “${heading(n)}” is missing; it belongs ${after ? `before section ${after.number}` : `after section ${before!.number}`}.`,
        },
      };
      // The table of sections 2–4 tells where the heading belongs: just before the table (on the line
      // before it, or — in text that runs on without line breaks — inside the line).
      const key = TABLE_KEYS.find((k) => SECTION_OF[k] === n);
      const table = key && report.tables[key];
      const start = table ? idx.offset(table.range.start) : -1;
      if (table && (!before || idx.offset(before.range.start) < start) && (!after || start < idx.offset(after.range.start))) {
        const { line, character } = table.range.start;
        // Text before the table on its line: the heading goes inside the line, with a blank before it to be read as one.
        const inline = idx.lineText(line).slice(0, character).trim() !== '';
        const blank = inline && !/\s/.test(idx.text[start - 1]);
        const at = inline ? character : 0;
        finding.range = inline ? idx.range(start, Math.min(idx.offset(table.range.end), idx.lineStart(line) + idx.lineText(line).length)) : idx.lineRange(line);
        finding.fix = {
          title: { zh: `在表前插入标题“${heading(n)}”`, en: `Insert the heading “${heading(n)}” before the table` },
          edits: [{ range: { start: { line, character: at }, end: { line, character: at } }, newText: inline ? `${blank ? ' ' : ''}${heading(n)} ` : `${heading(n)}\n` }],
          safe: false,
        };
      }
      out.push(finding);
    }
    return out;
  },
};
