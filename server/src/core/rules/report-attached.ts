import { lineSpan, type Range } from '../lineIndex';
import { tablesOf } from '../model';
import { documentFile } from '../strings';
import type { Rule, RuleContext } from './types';

// A site often publishes the report as a file attached to a page that holds only its title and a link
// (附件：某某镇2023年政府信息公开工作年度报告.pdf), or loads it by a script, into a frame, from another
// page: the page holds only the title. Such a page has no section and no table: the report is
// elsewhere, and saying its sections and tables are missing would blame the author for the reader's
// not finding it.

/** Where the report is when the text holds none of it: a document it names, or (`only` its title) not here. */
interface Elsewhere { range: Range; name: string; only?: 'title' }

/** A sentence: more than a title and the page's furniture (links, dates, a footer). */
const SENTENCE = /[。！？]/;
/** A picture, as the importers write it (import/types.ts PICTURE_LINE) or Markdown does. */
const PICTURE = '![';
/** How much a line looks like the report's title: with its year (a breadcrumb names the reports without one). */
const titleLike = (line: string) => (/年度?报告/.test(line) ? (/(?:19|20)\d\d年/.test(line) ? 2 : 1) : 0);

/**
 * The first attached document named, when the text has neither a section nor a table of the report;
 * or, when it names none and holds nothing but the report's title and the page's furniture (links,
 * dates, a footer: no sentence, no picture after the title), that title.
 */
export function reportElsewhere({ report, idx }: RuleContext): Elsewhere | undefined {
  if (report.sections.length > 0 || tablesOf(report).length > 0) return undefined;
  let title = -1;
  for (let l = 0; l < idx.lineCount; l++) {
    const line = idx.lineText(l), file = documentFile(line);
    if (file) return { range: lineSpan(l, file.start, file.end), name: line.slice(file.start, file.end) };
    if (l < 12 && titleLike(line) > (title < 0 ? 0 : titleLike(idx.lineText(title)))) title = l;
  }
  if (title < 0 || !report.looksLikeReport) return undefined;
  // A picture after the title may be the report's pages (a picture before it is the site's logo).
  for (let l = 0; l < idx.lineCount; l++) if (l !== title && (SENTENCE.test(idx.lineText(l)) || (l > title && idx.lineText(l).includes(PICTURE)))) return undefined;
  const line = idx.lineText(title), start = line.length - line.trimStart().length;
  return { range: lineSpan(title, start, line.trimEnd().length), only: 'title', name: line.trim() };
}

export const reportAttached: Rule = {
  code: 'report-attached', severity: 'warning',
  title: { zh: '报告正文在附件中或不在本页', en: 'The report is in an attached file, or not on this page' },
  description: {
    zh: '页面上没有报告的六个部分和统计表，只有一个附件（PDF、Word、OFD 等文件）：报告在附件中，本页无从检查。请下载附件，直接检查那个文件（nianbao 能读 PDF、Word、WPS、OFD 文件）。' +
      '页面上只有报告的标题（和网站的导航、发布时间、页脚），连附件也没有时（报告由脚本另行加载、嵌在框架里，或在另一页面），也这样说：报告正文不在本页。这两种情况都不再报告缺少部分和统计表。',
    en: 'The page holds none of the report\'s sections and tables, only an attached file (PDF, Word, OFD…): the report is in that file, which cannot be checked from the page. Download it and check the file itself (nianbao reads PDF, Word, WPS and OFD files). ' +
      'A page holding only the report\'s title (and the site\'s navigation, date and footer), without even an attachment (the report loaded by a script, in a frame, or on another page), is said so too: the report is not on this page. In both cases missing sections and tables are not reported.',
  },
  check(ctx) {
    const found = reportElsewhere(ctx);
    if (!found) return [];
    if (found.only === 'title') {
      return [{
        code: 'report-attached', range: found.range,
        message: {
          zh: `这里只有标题“${found.name}”，没有报告的正文和统计表：报告正文不在本页（网页上的报告常在附件中，或由脚本另行加载）。请找到报告文件或正文所在的页面再检查；若是刚开始起草，请写出六个部分和三张统计表（输入“年报模板”可插入）。`,
          en: `There is only the title “${found.name}” here, no report text and no table: the report is not on this page (on a web page it is often an attachment, or loaded by a script). Check the report file or the page that holds its text; in a draft just begun, write the six sections and three tables (type “年报模板” to insert them).`,
        },
      }];
    }
    return [{
      code: 'report-attached', range: found.range,
      message: {
        zh: `这里没有报告的正文和统计表，只有附件“${found.name}”：报告在附件中。请下载附件，检查附件文件本身。`,
        en: `There is no report text or table here, only the attachment “${found.name}”: the report is in that file. Download it and check the file itself.`,
      },
    }];
  },
};
