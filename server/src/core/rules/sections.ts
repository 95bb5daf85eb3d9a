import { SECTION_OF, SECTIONS, TABLE_KEYS } from '../format/statute';
import type { Report, Section } from '../model';
import { bodyLines, isHanNumeral, readNumbering, textStart } from '../parse/sections';
import type { LineIndex, Range } from '../lineIndex';
import type { Check, RawFinding } from './types';

const spec = (n: number) => SECTIONS[n - 1];
/** “二、主动公开政府信息情况” */
const heading = (n: number) => `${spec(n).numeral}、${spec(n).title}`;
const lineRange = (idx: LineIndex, line: number): Range =>
  ({ start: { line, character: 0 }, end: { line, character: idx.lineText(line).length } });
const at = (line: number, character = 0): Range => ({ start: { line, character }, end: { line, character } });

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

function missing(report: Report, idx: LineIndex): RawFinding[] {
  const { sections } = report;
  if (sections.length === 0) {
    let title = 0;
    while (title < Math.min(idx.lineCount, 12) && !idx.lineText(title).includes('报告')) title++;
    return [{
      code: 'section-missing', range: lineRange(idx, title < idx.lineCount && title < 12 ? title : 0),
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
      finding.range = inline ? idx.range(start, Math.min(idx.offset(table.range.end), idx.lineStart(line) + idx.lineText(line).length)) : lineRange(idx, line);
      finding.fix = {
        title: { zh: `在表前插入标题“${heading(n)}”`, en: `Insert the heading “${heading(n)}” before the table` },
        edits: [{ range: at(line, inline ? character : 0), newText: inline ? `${blank ? ' ' : ''}${heading(n)} ` : `${heading(n)}\n` }],
      };
    }
    out.push(finding);
  }
  return out;
}

function order(sections: Section[]): RawFinding[] {
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
}

function numbering(sections: Section[], idx: LineIndex): RawFinding[] {
  const out: RawFinding[] = [];
  const numberingText = (s: Section) => idx.lineText(s.numberingRange.start.line).slice(s.numberingRange.start.character, s.numberingRange.end.character).trim();
  // How far a numeral is off (三 for section 2: +1); a run of equal offsets is a shifted block.
  const offset = (s: Section) => {
    const n = s.numeral === null ? undefined : readNumbering(s.numeral + '、', 0);
    return n ? n.value - s.number : 0;
  };
  sections.forEach((s, i) => {
    const want = `${spec(s.number).numeral}、`;
    const written = numberingText(s);
    if (written === want) return;
    const fix = (zh: string, en: string) => ({ title: { zh, en }, edits: [{ range: s.numberingRange, newText: want }] });
    if (s.numeral === null) {
      out.push({
        code: 'section-numbering', range: s.titleRange,
        message: { zh: `标题“${s.title}”缺少序号，应为“${want}${s.title}”。`, en: `The heading “${s.title}” has no numeral; it should read “${want}${s.title}”.` },
        fix: fix(`加上序号“${want}”`, `Add the numeral “${want}”`),
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
        fix: fix(`改为“${want}”`, `Change to “${want}”`),
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
      fix: fix(`改为“${want}”`, `Change to “${want}”`),
    });
  });
  return out;
}

function titles(sections: Section[]): RawFinding[] {
  return sections.filter((s) => !s.statutory).map((s) => {
    const title = spec(s.number).title;
    return {
      code: 'section-title', range: s.titleRange,
      message: {
        zh: `标题“${s.title}”与法定表述不同，第${spec(s.number).numeral}部分的标题应为“${title}”。`,
        en: `The heading “${s.title}” departs from the statute's wording; section ${s.number} is titled “${title}”.`,
      },
      fix: { title: { zh: `改为“${title}”`, en: `Change to “${title}”` }, edits: [{ range: s.titleRange, newText: title }] },
    };
  });
}

/** Lines inside 一、总体情况 numbered 二、 三、 like the sections, where （二） （三） are meant. */
function subtopics(report: Report, idx: LineIndex): RawFinding[] {
  const overview = report.sections.find((s) => s.number === 1);
  if (!overview) return [];
  const tables = Object.values(report.tables).map((t) => [idx.offset(t!.range.start), idx.offset(t!.range.end)]);
  const inTable = (offset: number) => tables.some(([start, end]) => start <= offset && offset <= end);
  const out: RawFinding[] = [];
  for (const { line: l, from, text: line } of bodyLines(idx, overview)) {
    // Table rows (一、本年新收…) are numbered like sections too; only a line that starts with a numeral is read.
    const start = textStart(line);
    if (start >= line.length || !isHanNumeral(line.charCodeAt(start)) || line.includes('\t') || inTable(idx.lineStart(l) + from)) continue;
    const n = readNumbering(line, start);
    if (!n || n.style !== 'han' || !(n.separator === '、' || n.separator === '．' || n.separator === '.')) continue;
    const end = n.start + n.numeral.length + (line.slice(n.start + n.numeral.length, n.end).indexOf(n.separator) + 1);
    const range: Range = { start: { line: l, character: from + n.start }, end: { line: l, character: from + end } };
    const written = line.slice(n.start, end);
    const want = `（${n.numeral}）`;
    const clash = SECTIONS.find((s) => s.number === n.value);
    out.push({
      code: 'subtopic-numbering', range,
      message: {
        zh: `“总体情况”下的小标题用了各部分的序号“${written}”${clash ? `，会与“${heading(clash.number)}”混淆` : ''}；小标题应编为“${want}”。`,
        en: `A sub-topic of 总体情况 is numbered “${written}” like a section; sub-topics are numbered “${want}”.`,
      },
      fix: { title: { zh: `改为“${want}”`, en: `Change to “${want}”` }, edits: [{ range, newText: want }] },
    });
  }
  return out;
}

export const sections: Check = {
  statutoryOnly: true,
  rules: [
    {
      code: 'section-missing', severity: 'warning',
      title: { zh: '缺少法定的部分', en: 'A statutory section is missing' },
      description: {
        zh: '年度报告须依次包含六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。缺少标题的第二至四部分，快速修复会在相应的表前插入标题。',
        en: 'An annual report has six sections in order: 一、总体情况 … 六、其他需要报告的事项. When the heading of section 2, 3 or 4 is missing but its table is there, the quick fix inserts the heading before the table.',
      },
    },
    {
      code: 'section-order', severity: 'warning',
      title: { zh: '各部分的顺序不对', en: 'Sections out of order' },
      description: {
        zh: '六个部分须按一至六的顺序排列。检查找出最长的、顺序正确的一串部分，其余的逐一指出应放的位置。',
        en: 'The six sections come in statutory order. The longest run of sections in order is taken as right; each other section is reported with the place it belongs.',
      },
    },
    {
      code: 'section-numbering', severity: 'warning',
      title: { zh: '部分标题的序号缺失或写错', en: 'A section heading lacks its numeral or has the wrong one' },
      description: {
        zh: '六个部分的标题用汉字数字加顿号编号：一、二、……六、。缺少序号（“主动公开政府信息情况”）、写成阿拉伯数字或别的标点（“2、”“二.”）或另一种编号（“第二部分”）、序号与部分不符（整段错位）都会报告，快速修复改为正确的序号。',
        en: 'Section headings are numbered 一、 to 六、. A missing numeral, an Arabic numeral or another separator (“2、”, “二.”), a numbering of another kind (“第二部分”), or a numeral that does not match the section (a shifted block) is reported; the quick fix writes the right numeral.',
      },
    },
    {
      code: 'section-title', severity: 'information',
      title: { zh: '部分标题的措辞与法定表述不同', en: 'A section title departs from the statute\'s wording' },
      description: {
        zh: '标题应照国办公开办函〔2021〕30号的表述书写。第四部分也可写作“因政府信息公开工作被申请行政复议、提起行政诉讼情况”，第五部分也可写作“政府信息公开工作存在的主要问题及改进情况”。换了说法（“主动公开情况”）或有一字之差（“行政法复议”）的标题仍算作该部分，在此提示。快速修复改为法定表述。',
        en: 'Titles follow the statute\'s wording; the accepted variants of sections 4 and 5 pass. A title in other words (主动公开情况) or one character off (行政法复议) still counts as its section and is noted here. The quick fix writes the statutory title.',
      },
    },
    {
      code: 'subtopic-numbering', severity: 'warning',
      title: { zh: '总体情况的小标题用了部分的序号', en: 'A sub-topic of 总体情况 is numbered like a section' },
      description: {
        zh: '“一、总体情况”下的小标题（主动公开、依申请公开、政府信息管理、平台建设、监督保障）应编为（一）（二）……；写成“二、”“三、”会与六个部分的序号混淆。（一）、(1)、1. 等编号不会报告。快速修复改为“（二）”。',
        en: 'Sub-topics under 一、总体情况 are numbered （一）（二）…; 二、 三、 clash with the section numbering. （一）, (1) and 1. are not reported. The quick fix writes （二）.',
      },
    },
  ],
  run({ report, idx }) {
    const s = report.sections;
    return [...missing(report, idx), ...order(s), ...numbering(s, idx), ...titles(s), ...subtopics(report, idx)];
  },
};
