import { proseFindings } from './proseFindings';
import type { Rule } from './types';

export const proseUnclear: Rule = {
  code: 'prose-unclear', severity: 'information', statutoryOnly: true,
  title: { zh: '正文数字的统计口径不明，且与统计表不一致', en: 'A figure in the text with an open scope differs from the tables' },
  description: {
    zh: '正文的说法可能另有统计口径（如“办理”可指收到或办结，“代表区政府受理”“全区”可能包括其他机关，“其中本机关受理”与总数口径不同），且与表中数字不一致。这只是提示：请确认正文与表格说的是否同一件事。',
    en: 'The wording may count something else (办理 can mean received or concluded; 代表区政府, 全区 may include other bodies; a 其中 figure of the same kind as its total), and the figure differs from the tables. A hint only: check that the text and the table speak of the same thing.',
  },
  check: ({ report }) => proseFindings(report).mismatches.filter((f) => f.code === 'prose-unclear'),
};
