import JSZip from 'jszip';
import { Document, type FileChild, HeadingLevel, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, Textbox, TextRun, WidthType } from 'docx';
import type { Figures } from './figures';
import { renderMht, rowspans } from './html';
import { reportParts } from './render';
import { relabel, type LabelFamily } from './labels';
import { PNG, type Pictures } from './pictures';
import { random } from './typeset';
import { blockTables, splitTable, wordTable, type TableSplit, type WordCell, type WordTable } from './word';

// A report as the Word file it is drafted in: headings, prose paragraphs, and the statutory tables
// with the template's merged cells (gridSpan and vMerge, through the docx package's columnSpan and
// rowSpan). Word splits text into runs wherever its formatting or editing history changes: a number
// is sometimes two runs here.

function cellOf(c: WordCell, rowSpan: number, next: () => number): TableCell {
  let children: Paragraph[];
  if (c.kind === 'value') {
    const cut = c.text.length > 1 && next() < 0.4 ? 1 + Math.floor(next() * (c.text.length - 1)) : c.text.length;
    const runs = [c.text.slice(0, cut), c.text.slice(cut)].filter(Boolean).map((t) => new TextRun(t));
    children = [new Paragraph({ children: runs })];
  } else {
    // A header's lines are its paragraphs (结果 / 维持).
    children = c.lines.map((line) => new Paragraph(line));
  }
  return new TableCell({ children, columnSpan: c.span > 1 ? c.span : undefined, rowSpan: rowSpan > 1 ? rowSpan : undefined });
}

/** The table; `repeatHeader`: its leading header rows marked to repeat on every page (tblHeader). */
function tableOf(table: WordTable, next: () => number, repeatHeader = false): Table {
  const spans = rowspans(table);
  const data = table.rows.findIndex((r) => r.kind === 'data');
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: table.rows.map((row, i) => new TableRow({
      tableHeader: repeatHeader && row.kind === 'head' && i < data ? true : undefined,
      children: row.cells.filter((c) => !c.below).map((c) => cellOf(c, spans.get(c) ?? 1, next)),
    })),
  });
}

/**
 * Where a drafter put each statutory table: in the body, in the one cell of a layout table (a
 * nested table), or in a text box: as Word 2007 writes it (VML, `textbox`), as Word 2010 and later
 * (DrawingML with a VML fallback, `textbox-2010`), or in DrawingML alone (`textbox-dml`).
 */
export type Frame = 'none' | 'table' | 'textbox' | 'textbox-2010' | 'textbox-dml';

function framed(table: Table, frame: Frame): FileChild {
  if (frame === 'table') return new Table({ rows: [new TableRow({ children: [new TableCell({ children: [table, new Paragraph('')] })] })] });
  if (frame.startsWith('textbox')) return new Textbox({ style: { width: '450pt', height: '400pt' }, children: [table] });
  return table;
}

/**
 * A table as the drafter left it where a page breaks (TableSplit): in two, with a paragraph between
 * them (Word joins two tables that touch); the header rows of both marked to repeat when `header`.
 */
function tablesOf(table: WordTable, next: () => number, frame: Frame, split: TableSplit | 'blocks' | undefined): FileChild[] {
  if (split === 'blocks') return blockTables(table).flatMap((part, i) => [...(i > 0 ? [new Paragraph('')] : []), framed(tableOf(part, next), frame)]);
  const parts = (split ? splitTable(table, split) : [table]).map((part) => framed(tableOf(part, next, split?.header), frame));
  if (parts.length === 1) return parts;
  return [parts[0], split!.between ? new Paragraph(split!.between) : new Paragraph({ children: [new PageBreak()] }), parts[1]];
}

/**
 * How Word stores a picture standing in a paragraph of its own: `inline` (a DrawingML picture, what a
 * paste of a screenshot or of an Excel range as a picture makes), `floating` (the same, anchored with
 * text wrapping), `vml` (a VML shape, as Word 2003 and converters write), `ole` (an Excel sheet embedded:
 * its EMF preview and the object), `ole-floating` (the same, floating), `textbox` (a picture in a text box,
 * as Word 2010+ writes it: a DrawingML shape with a VML fallback; `textbox-dml` without it), `chart` (a Word chart),
 * `group` (the picture and a caption's text box grouped, as Word 2010+ writes a group: DrawingML with a VML
 * fallback; `group-dml` without it, as other writers do; `group-textbox-dml`, without it, the frame a text box
 * holding a caption, 截图), `canvas` (a picture on a drawing canvas, DrawingML
 * alone), `shape-fill` (a rectangle filled with the picture, DrawingML alone).
 */
export type DocxPicture = 'inline' | 'floating' | 'vml' | 'ole' | 'ole-floating' | 'textbox' | 'textbox-dml' | 'chart' | 'group' | 'group-dml' | 'group-textbox-dml' | 'canvas' | 'shape-fill';
export const DOCX_PICTURES: DocxPicture[] = ['inline', 'floating', 'vml', 'ole', 'ole-floating', 'textbox', 'textbox-dml', 'chart', 'group', 'group-dml', 'group-textbox-dml', 'canvas', 'shape-fill'];
/** The caption `group-textbox-dml`'s text box holds. */
export const GROUP_CAPTION = '截图';

const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS = {
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
};
const graphic = (data: string, uri = NS.pic) => `<a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${uri}">${data}</a:graphicData></a:graphic>`;
const blip = (rid: string) => `<pic:pic xmlns:pic="${NS.pic}"><pic:nvPicPr><pic:cNvPr id="0" name="图片"/><pic:cNvPicPr/></pic:nvPicPr>`
  + `<pic:blipFill><a:blip r:embed="${rid}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`
  + '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="3600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>';
const inline = (n: number, g: string) => `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="5400000" cy="3600000"/><wp:docPr id="${n}" name="图片 ${n}"/>${g}</wp:inline></w:drawing>`;
const anchor = (n: number, g: string, wrap = '<wp:wrapTopAndBottom/>') => '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
  + '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
  + `<wp:extent cx="5400000" cy="3600000"/>${wrap}<wp:docPr id="${n}" name="图片 ${n}"/>${g}</wp:anchor></w:drawing>`;
const vmlShape = (n: number, rid: string, floating: boolean) => `<v:shape id="_x0000_i${1025 + n}" type="#_x0000_t75" style="${floating ? 'position:absolute;' : ''}width:425pt;height:283pt"${floating ? '' : ' o:ole=""'}><v:imagedata r:id="${rid}" o:title=""/></v:shape>`;
const oleObject = (n: number, rid: string) => `<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="_x0000_i${1025 + n}" DrawAspect="Content" ObjectID="_17000000${n}" r:id="${rid}"/>`;

/** The run of the picture numbered `n`, its parts named by the relationships `rId<kind><n>`. */
function pictureRun(form: DocxPicture, n: number): string {
  const [png, emf, ole, chart] = ['Png', 'Emf', 'Ole', 'Chart'].map((k) => `rId${k}${n}`);
  switch (form) {
    case 'inline': return `<w:r>${inline(n, graphic(blip(png)))}</w:r>`;
    case 'floating': return `<w:r>${anchor(n, graphic(blip(png)))}</w:r>`;
    case 'vml': return `<w:r><w:pict>${vmlShape(n, png, false)}</w:pict></w:r>`;
    case 'ole': return `<w:r><w:object w:dxaOrig="8500" w:dyaOrig="5660">${vmlShape(n, emf, false)}${oleObject(n, ole)}</w:object></w:r>`;
    case 'ole-floating': return `<w:r><w:pict>${vmlShape(n, emf, true)}${oleObject(n, ole)}</w:pict></w:r>`;
    case 'chart': return `<w:r>${inline(n, graphic(`<c:chart xmlns:c="${NS.c}" xmlns:r="${RELS}" r:id="${chart}"/>`, NS.c))}</w:r>`;
    case 'textbox': case 'textbox-dml':
      return `<w:r>${textBox(n, `<w:txbxContent><w:p><w:r>${inline(n + 500, graphic(blip(png)))}</w:r></w:p></w:txbxContent>`, form === 'textbox')}</w:r>`;
    case 'group': case 'group-dml': case 'group-textbox-dml': return `<w:r>${group(n, png, form === 'group', form === 'group-textbox-dml')}</w:r>`;
    case 'canvas': return `<w:r>${inline(n, graphic(`<wpc:wpc><wpc:bg/><wpc:whole/>${blip(png)}</wpc:wpc>`, `${WORD_2010}/wordprocessingCanvas`))}</w:r>`;
    case 'shape-fill':
      return `<w:r>${anchor(n, graphic('<wps:wsp><wps:cNvSpPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5400000" cy="3600000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        + `<a:blipFill><a:blip r:embed="${png}"/><a:stretch><a:fillRect/></a:stretch></a:blipFill></wps:spPr><wps:bodyPr/></wps:wsp>`, `${WORD_2010}/wordprocessingShape`))}</w:r>`;
  }
}

const WORD_2010 = 'http://schemas.microsoft.com/office/word/2010';

/**
 * A picture grouped with a red frame drawn around a part of it, as Word 2010 and later write a group: a
 * DrawingML group, and beside it (`fallback`) the VML group Word 2007 reads.
 */
function group(n: number, png: string, fallback: boolean, caption = false): string {
  const box = caption ? `<wps:txbx><w:txbxContent><w:p><w:r><w:t>${GROUP_CAPTION}</w:t></w:r></w:p></w:txbxContent></wps:txbx>` : '';
  const dml = anchor(n, graphic(`<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr/>${blip(png)}`
    + `<wps:wsp><wps:cNvSpPr${caption ? ' txBox="1"' : ''}/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="FF0000"/></a:solidFill></a:ln></wps:spPr>${box}<wps:bodyPr/></wps:wsp></wpg:wgp>`,
  `${WORD_2010}/wordprocessingGroup`));
  const vml = `<w:pict><v:group id="_x0000_s${2025 + n}" style="position:absolute;width:425pt;height:283pt" coordsize="8500,5660">`
    + `<v:shape id="_x0000_s${3025 + n}" type="#_x0000_t75" style="position:absolute;width:8500;height:5660"><v:imagedata r:id="${png}" o:title=""/></v:shape>`
    + `<v:rect id="_x0000_s${4025 + n}" style="position:absolute;left:1000;top:1000;width:3000;height:800" filled="f" strokecolor="red" strokeweight="1.5pt"/></v:group></w:pict>`;
  return `<mc:AlternateContent><mc:Choice Requires="wpg">${dml}</mc:Choice>${fallback ? `<mc:Fallback>${vml}</mc:Fallback>` : ''}</mc:AlternateContent>`;
}

/**
 * A text box as Word 2010 and later write it: a DrawingML shape, and beside it (`fallback`) the VML one
 * Word 2007 reads, which Word, WPS and LibreOffice all write; other writers may leave it out.
 */
function textBox(n: number, content: string, fallback: boolean): string {
  const shape = `<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx>${content}</wps:txbx><wps:bodyPr/></wps:wsp>`;
  const dml = anchor(n, graphic(shape, 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape'));
  const vml = `<w:pict><v:shape id="_x0000_s${1025 + n}" type="#_x0000_t202" style="position:absolute;width:425pt;height:283pt"><v:textbox>${content}</v:textbox></v:shape></w:pict>`;
  return `<mc:AlternateContent><mc:Choice Requires="wps">${dml}</mc:Choice>${fallback ? `<mc:Fallback>${vml}</mc:Fallback>` : ''}</mc:AlternateContent>`;
}

/** A paragraph the renderer replaces with the picture numbered `n` (docx, the package, writes no OLE objects or charts). */
const placeholder = (n: number) => new Paragraph(`@@picture ${n}@@`);

/** The smallest workbook a spreadsheet program opens (LibreOffice drops an embedded object it cannot): an `ole` picture's object. */
function workbook(): Promise<Buffer> {
  const zip = new JSZip();
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const type = (t: string) => `application/vnd.openxmlformats-officedocument.spreadsheetml.${t}+xml`;
  zip.file('[Content_Types].xml', '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + `<Override PartName="/xl/workbook.xml" ContentType="${type('sheet.main')}"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${type('worksheet')}"/></Types>`);
  const rels = (type: string, target: string) => `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELS}/${type}" Target="${target}"/></Relationships>`;
  zip.file('_rels/.rels', rels('officeDocument', 'xl/workbook.xml'));
  zip.file('xl/_rels/workbook.xml.rels', rels('worksheet', 'worksheets/sheet1.xml'));
  zip.file('xl/workbook.xml', `<workbook xmlns="${main}" xmlns:r="${RELS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`);
  zip.file('xl/worksheets/sheet1.xml', `<worksheet xmlns="${main}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The parts and relationships of each picture, and the paragraphs standing for them replaced by the pictures. */
async function withPictures(docx: Buffer, forms: Map<number, DocxPicture>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const rels: string[] = [];
  const rel = (id: string, type: string, target: string) => rels.push(`<Relationship Id="${id}" Type="${RELS}/${type}" Target="${target}"/>`);
  const sheet = await workbook();
  for (const n of forms.keys()) {
    zip.file(`word/media/image${n}.png`, PNG);
    rel(`rIdPng${n}`, 'image', `media/image${n}.png`);
    // An EMF's header record (no reader looks further) and a workbook: the preview and the object.
    zip.file(`word/media/image${n}.emf`, Buffer.from('0100000084000000', 'hex'));
    rel(`rIdEmf${n}`, 'image', `media/image${n}.emf`);
    zip.file(`word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`, sheet);
    rel(`rIdOle${n}`, 'package', `embeddings/Microsoft_Excel_Worksheet${n}.xlsx`);
    zip.file(`word/charts/chart${n}.xml`, `<c:chartSpace xmlns:c="${NS.c}"/>`);
    rel(`rIdChart${n}`, 'chart', `charts/chart${n}.xml`);
  }
  const edit = async (name: string, change: (xml: string) => string) => zip.file(name, change(await zip.file(name)!.async('string')));
  await edit('word/_rels/document.xml.rels', (xml) => xml.replace('</Relationships>', `${rels.join('')}</Relationships>`));
  await edit('[Content_Types].xml', (xml) => xml.replace('</Types>', '<Default Extension="emf" ContentType="image/x-emf"/><Default Extension="xlsx" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"/>'
    + [...forms.keys()].map((n) => `<Override PartName="/word/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`).join('') + '</Types>'));
  await edit('word/document.xml', (xml) => xml.replace(/<w:p>(?:(?!<\/?w:p>).)*?@@picture (\d+)@@.*?<\/w:p>/g, (_, n) => `<w:p>${pictureRun(forms.get(Number(n))!, Number(n))}</w:p>`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The report as .docx bytes; `labels`: its tables' labels as a clerk retyped them (labels.ts);
 * `split`: each table that has more rows split where a page breaks, or ('blocks') table 4 drawn as a
 * table for 行政复议 and one for 行政诉讼 (word.ts blockTables); `pictures`: tables that are
 * pictures in the report (each in a paragraph of its own where the table would be), and a logo (an
 * inline picture) before the title.
 */
export async function renderDocx(f: Figures, seed = 0, frame: Frame = 'none', labels?: LabelFamily, split?: TableSplit | 'blocks', pictures?: Pictures<DocxPicture>): Promise<Buffer> {
  const next = random(seed);
  const forms = new Map<number, DocxPicture>();
  const picture = (form: DocxPicture) => { forms.set(forms.size + 1, form); return placeholder(forms.size); };
  const children = reportParts(f).flatMap((p) => p.kind === 'table'
    ? (pictures?.tables.includes(p.key) ? picture(pictures.form) : tablesOf(relabel(wordTable(f, p.key), labels), next, frame, split))
    : p.kind === 'title' ? [...(pictures?.logo ? [picture('inline')] : []), new Paragraph({ text: p.text, heading: HeadingLevel.TITLE })]
      : p.kind === 'heading' ? new Paragraph({ text: p.text, heading: HeadingLevel.HEADING_2 })
        : new Paragraph(p.text));
  let docx = await Packer.toBuffer(new Document({ sections: [{ children }] }));
  if (frame === 'textbox-2010' || frame === 'textbox-dml') docx = await inDrawingMl(docx, frame === 'textbox-2010');
  return pictures ? withPictures(docx, forms) : docx;
}

/** The .docx with its VML text boxes (the docx package's) written as Word 2010 writes them, with or without the VML `fallback`. */
async function inDrawingMl(docx: Buffer, fallback: boolean): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  let n = 0;
  const xml = (await zip.file('word/document.xml')!.async('string'))
    .replace(/<w:pict><v:shape [^>]*><v:textbox[^>]*>(<w:txbxContent>.*?<\/w:txbxContent>)<\/v:textbox><\/v:shape><\/w:pict>/g, (_, content: string) => textBox(1000 + n++, content, fallback));
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** The .docx with every number in its tables written as a simple field's result (a total typed as =SUM(LEFT) in Word or WPS). */
export async function withFieldNumbers(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')!.async('string'))
    .replace(/<w:r>(?:<w:rPr>.*?<\/w:rPr>)?<w:t(?: [^>]*)?>\d+<\/w:t><\/w:r>/g, (run) => `<w:fldSimple w:instr=" =SUM(LEFT) ">${run}</w:fldSimple>`);
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/**
 * The .docx with its section headings numbered by Word (a list in the numbering part, 一、 in Chinese counting,
 * as a template's heading style numbers them): the numerals are no longer in the headings' text.
 */
export async function withAutoNumberedHeadings(docx: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(docx);
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(
    /<w:pPr><w:pStyle w:val="Heading2"\/><\/w:pPr><w:r><w:t xml:space="preserve">[一二三四五六]、/g,
    '<w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr></w:pPr><w:r><w:t xml:space="preserve">');
  zip.file('word/document.xml', xml);
  const list = '<w:abstractNum w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>'
    + '<w:num w:numId="90"><w:abstractNumId w:val="90"/></w:num>';
  zip.file('word/numbering.xml', (await zip.file('word/numbering.xml')!.async('string')).replace('</w:numbering>', `${list}</w:numbering>`));
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A scanned report as a Word file holds it: a picture (in `form`) for each of its pages, and no text. */
export async function renderScannedDocx(pages: number, form: DocxPicture): Promise<Buffer> {
  const forms = new Map(Array.from({ length: pages }, (_, i): [number, DocxPicture] => [i + 1, form]));
  return withPictures(await Packer.toBuffer(new Document({ sections: [{ children: [...forms.keys()].map(placeholder) }] })), forms);
}

/**
 * A .docx as programs that make one from a web page's content write it (an office system's editor,
 * html-docx-js): the page itself, imported whole (w:altChunk) as a web archive (`mht`, message/rfc822) or as
 * a web page (`html`), or as an RTF document (`rtf`: the content is then the RTF's), a Word document (`docx`: a whole .docx, as
 * Word's own “insert text from file” and document-assembly tools write it) or text (`text`, text/plain), which Word merges in when
 * it opens the file; `before`: paragraphs of the document's own ahead of it (a title typed in Word), and the chunk given a w:altChunkPr.
 */
export async function renderChunkedDocx(html: string | Buffer, form: 'mht' | 'html' | 'rtf' | 'docx' | 'text', before: string[] = []): Promise<Buffer> {
  const zip = new JSZip();
  const [name, type] = {
    mht: ['afchunk.mht', 'message/rfc822'], rtf: ['chunk1.rtf', 'application/rtf'], html: ['chunk1.htm', 'text/html'],
    docx: ['chunk1.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'], text: ['chunk1.txt', 'text/plain'],
  }[form];
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    + `<Default Extension="${name.split('.')[1]}" ContentType="${type}"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`);
  const rels = (rel: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`;
  zip.file('_rels/.rels', rels(`<Relationship Id="R1" Type="${RELS}/officeDocument" Target="/word/document.xml"/>`));
  // html-docx-js names the chunk from the package's root; Word's own relationships are relative to word/.
  zip.file('word/_rels/document.xml.rels', rels(`<Relationship Type="${RELS}/aFChunk" Target="${form === 'mht' ? `/word/${name}` : name}" Id="htmlChunk"/>`));
  const paragraphs = before.map((t) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`).join('');
  const chunk = before.length ? '<w:altChunk r:id="htmlChunk"><w:altChunkPr><w:matchSrc/></w:altChunkPr></w:altChunk>' : '<w:altChunk r:id="htmlChunk" />';
  zip.file('word/document.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    + `xmlns:r="${RELS}"><w:body>${paragraphs}${chunk}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`);
  zip.file(`word/${name}`, form === 'mht' ? renderMht(String(html), 'quoted-printable') : html);
  return zip.generateAsync({ type: 'nodebuffer' });
}
