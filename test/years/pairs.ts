import { Document, Packer, Paragraph } from 'docx';
import { T3_COLS } from '../../server/src/core/format/common';
import { LineIndex } from '../../server/src/core/lineIndex';
import { applyEdits, check, type TextEdit } from '../../server/src/core/service';
import { seed } from '../core/seeds';

// Pairs of consecutive years' reports for the checks across years, made from a seed (by default seed 002,
// 北京市大兴区西红门镇人民政府, 2024): its report of the year before is the seed with the year changed, table 3's 结转下年度 set
// to the seed's 上年结转 (and 本年新收 changed by as much, so that 2023's own tables add up), table 2's
// 现行有效 set to the seed's less what 2024 issued plus what it repealed, and other paragraphs in 一
// and 五 — or, `copyFive`, 五 as 2024 has it.

export const THIS_YEAR = seed('002_').text;

const OVERVIEW_2023 = [
  '（一）组织领导。2023年，西红门镇调整政务公开工作专班，明确分管领导和联络员，定期召开专题会议研究部署信息公开重点任务，形成了上下联动的工作格局。',
  '（二）主动公开情况。全年围绕乡村振兴、城市更新和民生保障等重点领域，通过镇政府网站专栏、微信公众号和公示栏同步发布各类信息，及时回应群众关切。',
  '（三）依申请公开情况。严格执行登记、审核、答复流程，对疑难申请组织法律顾问会商，按期办结全部申请，未发生逾期答复情况。',
];
const PROBLEMS_2023 = [
  '（一）存在的问题。部分科室对政务公开工作重视程度不够，信息报送不够主动；政策解读形式较为单一，图解和视频解读数量偏少。',
  '（二）改进措施。一是健全信息报送考核机制，将公开工作纳入科室年度考核；二是丰富解读形式，推出图解、短视频等群众喜闻乐见的解读产品，提升政策知晓度。',
];

/** The text with a section's body (the lines after its heading) replaced by these paragraphs. */
function withBody(text: string, section: number, paragraphs: string[]): string {
  const { report } = check(text);
  const s = report.sections.find((x) => x.number === section)!;
  const idx = new LineIndex(text);
  const start = idx.lineStart(s.headingRange.end.line + 1), end = idx.offset(s.range.end);
  return text.slice(0, start) + paragraphs.join('\n') + text.slice(end);
}

export function lastYearOf(text = THIS_YEAR, { copyFive = false } = {}): string {
  const year = check(text).report.year!;
  let last = text.replaceAll(String(year), String(year - 1));
  const { report } = check(last);
  const t2 = report.tables.t2!, t3 = report.tables.t3!;
  const edits: TextEdit[] = [];
  for (const col of T3_COLS) {
    const carriedIn = t3.rows['2'].cells[col].value!, forward = t3.rows['4'].cells[col], received = t3.rows['1'].cells[col];
    edits.push({ range: forward.range, newText: String(carriedIn) }, { range: received.range, newText: String(received.value! + carriedIn - forward.value!) });
  }
  for (const row of ['regulations', 'normative']) {
    const c = t2.rows[row].cells;
    edits.push({ range: c.in_force.range, newText: String(c.in_force.value! - c.issued.value! + c.repealed.value!) });
  }
  last = applyEdits(last, edits);
  if (!copyFive) last = withBody(last, 5, PROBLEMS_2023);
  return withBody(last, 1, OVERVIEW_2023);
}

/** The text with the first `from` after `after` replaced by `to` (a cell of a one-cell-per-line table). */
export function changed(text: string, after: string, from: string, to: string): string {
  const at = text.indexOf(after);
  const cell = text.indexOf(`\t${from}\n`, at);
  if (at < 0 || cell < 0) throw new Error(`no ${from} after ${after}`);
  return text.slice(0, cell + 1) + to + text.slice(cell + 1 + from.length);
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The report as a web page: a <p> per line (a cell-per-line table stays one). */
export const asHtml = (text: string) =>
  `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>年报</title></head><body><div class="content">\n${text.split('\n').map((l) => `<p>${escape(l.trim()) || '&nbsp;'}</p>`).join('\n')}\n</div></body></html>\n`;

/** The report as a Word file: a paragraph per line. */
export const asDocx = (text: string) => Packer.toBuffer(new Document({ sections: [{ children: text.split('\n').map((l) => new Paragraph(l.trim())) }] }));
