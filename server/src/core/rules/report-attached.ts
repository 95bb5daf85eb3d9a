import { lineSpan, type Range } from '../lineIndex';
import { tablesOf } from '../model';
import { documentFile } from '../strings';
import type { Rule, RuleContext } from './types';

// A site often publishes the report as a file attached to a page that holds only its title and a link
// (附件：某某镇2023年政府信息公开工作年度报告.pdf). Such a page has no section and no table: the report is in
// the file, and saying its sections and tables are missing would blame the author for the reader's
// not opening it.

/** The first attached document named, when the text has neither a section nor a table of the report. */
export function attachedFile({ report, idx }: RuleContext): { range: Range; name: string } | undefined {
  if (report.sections.length > 0 || tablesOf(report).length > 0) return undefined;
  for (let l = 0; l < idx.lineCount; l++) {
    const line = idx.lineText(l), file = documentFile(line);
    if (file) return { range: lineSpan(l, file.start, file.end), name: line.slice(file.start, file.end) };
  }
  return undefined;
}

export const reportAttached: Rule = {
  code: 'report-attached', severity: 'warning',
  title: { zh: '报告正文在附件中', en: 'The report is in an attached file' },
  description: {
    zh: '页面上没有报告的六个部分和统计表，只有一个附件（PDF、Word、OFD 等文件）：报告在附件中，本页无从检查。请下载附件，直接检查那个文件（nianbao 能读 PDF、Word、WPS、OFD 文件）。这时不再报告缺少部分和统计表。',
    en: 'The page holds none of the report\'s sections and tables, only an attached file (PDF, Word, OFD…): the report is in that file, which cannot be checked from the page. Download it and check the file itself (nianbao reads PDF, Word, WPS and OFD files). Missing sections and tables are then not reported.',
  },
  check(ctx) {
    const found = attachedFile(ctx);
    if (!found) return [];
    return [{
      code: 'report-attached', range: found.range,
      message: {
        zh: `这里没有报告的正文和统计表，只有附件“${found.name}”：报告在附件中。请下载附件，检查附件文件本身。`,
        en: `There is no report text or table here, only the attachment “${found.name}”: the report is in that file. Download it and check the file itself.`,
      },
    }];
  },
};
