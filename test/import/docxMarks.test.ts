import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import JSZip from 'jszip';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { importWord } from '../../server/src/import/docx';
import { renderDocx } from '../layouts/docx';
import { asText, bound, cellsOf, FIGURES, said } from './cells';

// What a .docx holds beside the text Word shows, in the statutory tables' cells: a tracked change of
// formatting that records the run as once hidden, a footnote's mark after a number, a content control
// still showing its prompt. Every seed (2021 and 2019 figures), read back cell by cell.

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
/** A table cell's number as renderDocx writes it (a number is sometimes two runs: each is matched). */
const NUMBER_RUN = /<w:r><w:t xml:space="preserve">([\d.]+)<\/w:t><\/w:r>/g;

async function edited(docx: Buffer, change: (xml: string) => string, parts: Record<string, [type: string, content: string, xml: string]> = {}): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const edit = async (name: string, f: (xml: string) => string) => zip.file(name, f(await zip.file(name)!.async('string')));
  await edit('word/document.xml', change);
  for (const [name, [type, content, xml]] of Object.entries(parts)) {
    zip.file(`word/${name}`, xml);
    await edit('word/_rels/document.xml.rels', (x) => x.replace('</Relationships>', `<Relationship Id="rId${name}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}"/></Relationships>`));
    await edit('[Content_Types].xml', (x) => x.replace('</Types>', `<Override PartName="/word/${name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${content}+xml"/></Types>`));
  }
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function draftOf(docx: Buffer): Promise<string> {
  const result = await importWord(docx, 'docx');
  assert.ok('text' in result, JSON.stringify(result));
  return result.text;
}

describe('a .docx table read as Word shows it', () => {
  it('every number in a run whose tracked change of formatting says it was hidden before (w:rPrChange): every cell bound, the findings of the text', async () => {
    for (const [i, { name, figures }] of FIGURES.entries()) {
      let id = 0;
      const docx = await edited(await renderDocx(figures, i), (xml) => xml.replace(NUMBER_RUN, (_, n: string) =>
        `<w:r><w:rPr><w:b/><w:rPrChange w:id="${id++}" w:author="张三" w:date="2024-01-10T09:00:00Z"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr><w:t xml:space="preserve">${n}</w:t></w:r>`));
      const text = await draftOf(docx);
      assert.deepEqual(bound(text, figures).wrong, [], name);
      assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
    }
  });

  it('a footnote mark after every number (w:footnoteReference): every cell bound, the findings of the text, the note read after the report', async () => {
    const footnotes = `<w:footnotes ${W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`
      + '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t>数据由各村（社区）汇总。</w:t></w:r></w:p></w:footnote></w:footnotes>';
    for (const [i, { name, figures }] of FIGURES.entries()) {
      const docx = await edited(await renderDocx(figures, i), (xml) => xml.replace(NUMBER_RUN, (run) =>
        `${run}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>`), { 'footnotes.xml': ['footnotes', 'footnotes', footnotes] });
      const text = await draftOf(docx);
      assert.deepEqual(bound(text, figures).wrong, [], name);
      assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
      assert.match(text, /数据由各村（社区）汇总。\s*$/, name);
      assert.doesNotMatch(text, /\[\d+\]|↑/, name);
    }
  });

  // Word's markup around a cell's number or a row, each read as Word shows it (checked this session: mammoth reads each
  // right; here so that no change of the importer or of mammoth goes unseen). A moved number's old place (w:moveFrom)
  // keeps its w:t: a 9 there is not read; content controls (w:sdt) and custom XML around a run, a cell, a row; a
  // smart tag (Chinese Word tags a number with its unit, chmetcnv); a number that is a field's result (=SUM(LEFT), as
  // w:fldChar runs); a page's number (PAGE, NUMPAGES as fields, and w:fldSimple) in paragraphs between the body's.
  const fld = (instr: string, result: string) => `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>`
    + `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const NUMBER_CELL = /<w:tc>(?:(?!<\/w:tc>).)*?<w:t xml:space="preserve">[\d.]+<\/w:t>.*?<\/w:tc>/g, ROW = /<w:tr>(?:(?!<\/w:tr>).)*?<\/w:tr>/g;
  /** Paragraphs added after every seventh paragraph of the body, outside its tables. */
  const between = (xml: string, p: (k: number) => string) => { let k = 0; return xml.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/).map((part, i) => (i % 2 ? part : part.replace(/<\/w:p>(?=<w:p>)/g, (end) => (++k % 7 ? end : end + p(k))))).join(''); };
  let id = 100;
  const MARKUP: [string, (xml: string) => string][] = [
    ['a tracked move (w:moveFrom holding a 9, w:moveTo the number)', (x) => x.replace(NUMBER_RUN, (run) => `<w:moveFromRangeStart w:id="${++id}" w:name="m${id}"/><w:moveFrom w:id="${++id}" w:author="a" w:date="2024-01-01T00:00:00Z"><w:r><w:t>9</w:t></w:r></w:moveFrom><w:moveFromRangeEnd w:id="${id - 1}"/><w:moveTo w:id="${++id}" w:author="a" w:date="2024-01-01T00:00:00Z">${run}</w:moveTo>`)],
    ['content controls around each number, each cell, each row', (x) => x.replace(NUMBER_RUN, (run) => `<w:sdt><w:sdtPr><w:id w:val="${++id}"/><w:text/></w:sdtPr><w:sdtContent>${run}</w:sdtContent></w:sdt>`)
      .replace(NUMBER_CELL, (tc) => `<w:sdt><w:sdtPr><w:id w:val="${++id}"/></w:sdtPr><w:sdtContent>${tc}</w:sdtContent></w:sdt>`).replace(ROW, (tr) => `<w:sdt><w:sdtPr><w:id w:val="${++id}"/></w:sdtPr><w:sdtContent>${tr}</w:sdtContent></w:sdt>`)],
    ['smart tags on each number (chmetcnv)', (x) => x.replace(NUMBER_RUN, (run) => `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chmetcnv"><w:smartTagPr><w:attr w:name="UnitName" w:val="件"/></w:smartTagPr>${run}</w:smartTag>`)],
    ['custom XML around each number and each row', (x) => x.replace(NUMBER_RUN, (run) => `<w:customXml w:uri="urn:x" w:element="n">${run}</w:customXml>`).replace(ROW, (tr) => `<w:customXml w:element="r">${tr}</w:customXml>`)],
    ['each number a field\'s result (w:fldChar, =SUM(LEFT))', (x) => x.replace(NUMBER_RUN, (_, n: string) => fld('=SUM(LEFT)', n))],
    ['page numbers as fields between the body\'s paragraphs (第 PAGE 页 共 NUMPAGES 页; - PAGE - as w:fldSimple)', (x) => between(x, (k) => (k % 2
      ? `<w:p><w:r><w:t xml:space="preserve">第 </w:t></w:r>${fld('PAGE', String(k % 9 + 1))}<w:r><w:t xml:space="preserve"> 页 共 </w:t></w:r>${fld('NUMPAGES', '12')}<w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p>`
      : `<w:p><w:r><w:t xml:space="preserve">- </w:t></w:r><w:fldSimple w:instr=" PAGE "><w:r><w:t>${k % 9 + 1}</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p>`))],
  ];
  for (const [form, change] of MARKUP) {
    it(`${form}: every seed, every cell bound, the findings of the text`, async () => {
      for (const [i, { name, figures }] of FIGURES.entries()) {
        const text = await draftOf(await edited(await renderDocx(figures, i), change));
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
      }
    });
  }

  it('a package whose main part is word/document2.xml (as some writers name it), a hidden digit (w:vanish) before every number: every cell bound', async () => {
    for (const [i, { name, figures }] of FIGURES.entries()) {
      const docx = await edited(await renderDocx(figures, i), (xml) => xml.replace(NUMBER_RUN, (run) => `<w:r><w:rPr><w:vanish/></w:rPr><w:t>9</w:t></w:r>${run}`));
      const zip = await JSZip.loadAsync(docx);
      const move = async (from: string, to: string) => { zip.file(to, await zip.file(from)!.async('uint8array')); zip.remove(from); };
      await move('word/document.xml', 'word/document2.xml');
      await move('word/_rels/document.xml.rels', 'word/_rels/document2.xml.rels');
      for (const part of ['_rels/.rels', '[Content_Types].xml']) zip.file(part, (await zip.file(part)!.async('string')).replace(/document\.xml/g, 'document2.xml'));
      const text = await draftOf(await zip.generateAsync({ type: 'nodebuffer' }));
      assert.deepEqual(bound(text, figures).wrong, [], name);
      assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
    }
  });

  it('a content control still showing its prompt (w:showingPlcHdr) in every 40th cell: that cell blank, the others bound, no other finding', async () => {
    for (const [i, { name, figures }] of FIGURES.entries()) {
      // The cells whose (first) run is replaced, in the order renderDocx writes them: every table's, left to right.
      let n = 0;
      const prompted = new Set<number>();
      const docx = await edited(await renderDocx(figures, i), (xml) => xml.replace(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/g, (tc) => {
        if (!/<w:t xml:space="preserve">[-+]?[\d.]+<\/w:t>/.test(tc)) return tc;
        if (n++ % 40 !== i % 40) return tc;
        prompted.add(n - 1);
        return tc.replace(/<w:p>.*<\/w:p>/, '<w:p><w:sdt><w:sdtPr><w:id w:val="1"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>单击或点击此处输入文字。</w:t></w:r></w:sdtContent></w:sdt></w:p>');
      }));
      const text = await draftOf(docx);
      const report = parseReport(text);
      // (The 2019 format's figures leave a few cells blank: those have no run.)
      const cells = [...cellsOf(figures)].filter((c) => /^[-+]?[\d.]+$/.test(c.text));
      assert.equal(n, cells.length, name);
      cells.forEach(({ key, row, col, text: want }, j) => {
        const cell = report.tables[key]?.rows[row]?.cells[col];
        assert.deepEqual([cell?.kind, cell?.value], prompted.has(j) ? ['blank', null] : ['number', Number(want)], `${name} ${key} ${row} ${col}`);
      });
      const blanks = check(text).findings.filter((f) => f.code === 'cell-blank').length;
      assert.equal(blanks, prompted.size, name);
      const others = (t: string) => said(check(t).findings.filter((f) => f.code !== 'cell-blank' && f.severity !== 'information'), t);
      assert.deepEqual(others(text).filter((s) => !/^table\d|^row-/.test(s)), others(asText(figures)).filter((s) => !/^table\d|^row-/.test(s)), name);
      assert.ok(!/单击/.test(text), name);
    }
  });
});
