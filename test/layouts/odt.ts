import JSZip from 'jszip';
import type { TableKey } from '../../server/src/core/format/schema';
import type { Figures } from './figures';
import { rowspans } from './html';
import { PNG } from './pictures';
import { reportParts } from './render';
import { random } from './typeset';
import { wordTable, type WordCell, type WordTable } from './word';

// A report as OpenDocument text, as LibreOffice, WPS and Yozo Office save it: headings (text:h), prose
// paragraphs, and the statutory tables with the template's merged cells (table:number-columns-spanned,
// number-rows-spanned, and a table:covered-table-cell for every grid place a merge covers), the header
// rows in table:table-header-rows. A number is sometimes two spans, a gap a text:s.

export interface OdtStyle {
  /** As one flat XML file (.fodt) instead of a zip. */
  flat?: boolean;
  /** Prefixes other than ODF's usual ones (o:, t:, tb:…), as any XML writer may choose. */
  prefixes?: boolean;
  /** A hidden digit (a character style with text:display="none") after every table 3 number, a comment holding one on every table 2 number: a reader that shows them misreads the cell. */
  hidden?: boolean;
  /** Runs of equal adjacent cells written once, table:number-columns-repeated (as ODF allows). */
  repeated?: boolean;
  /** Tables that are pictures (draw:frame/draw:image where the table would be), and a small logo before the title. */
  pictures?: TableKey[];
  /** Each table in a text box (draw:frame/draw:text-box) anchored in a paragraph. */
  textBox?: boolean;
  /** The section headings in a heading style whose numbers the text holds, under a list (text:list). */
  list?: boolean;
  /** The section headings numbered by the outline style (LibreOffice's chapter numbering, 一、 in styles.xml): the numerals not in their text. */
  outlineNumbers?: boolean;
  /**
   * The section headings typed as ordinary paragraphs (the body's style) and numbered as a list (text:list with a list style,
   * 一、 at this level: at 2, each in an item that holds only the deeper list, as LibreOffice writes a paragraph of level 2), each
   * heading a list of its own that continues the one before (text:continue-numbering, text:continue-list in turn): the numerals
   * not in their text.
   */
  listNumbers?: 1 | 2;
}

const NAMESPACES = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0', style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0', table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0', fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0', xlink: 'http://www.w3.org/1999/xlink', dc: 'http://purl.org/dc/elements/1.1/',
};
const OTHER: Record<string, string> = { office: 'o', style: 's', text: 't', table: 'tb', draw: 'd', fo: 'f', svg: 'g', xlink: 'l' };

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellXml(c: WordCell, rowSpan: number, next: () => number, style: OdtStyle, key: TableKey): string {
  const spans = `${c.span > 1 ? ` table:number-columns-spanned="${c.span}"` : ''}${rowSpan > 1 ? ` table:number-rows-spanned="${rowSpan}"` : ''}`;
  let body: string;
  if (c.kind === 'value') {
    const t = c.text;
    const cut = t.length > 1 && next() < 0.4 ? 1 + Math.floor(next() * (t.length - 1)) : t.length;
    const runs = [t.slice(0, cut), t.slice(cut)].filter(Boolean).map((s, i) => (i ? `<text:span text:style-name="T1">${escape(s)}</text:span>` : escape(s))).join('');
    // A reviewer's comment on a table 2 number (office:annotation): no text of the cell either.
    const hidden = !style.hidden || t === '' ? '' : key === 't3' ? '<text:span text:style-name="Hidden">9</text:span>'
      : key === 't2' ? '<office:annotation><dc:creator>审核</dc:creator><text:p>9</text:p></office:annotation>' : '';
    body = `<text:p text:style-name="P1">${runs}${hidden}</text:p>`;
  } else body = c.lines.map((l) => `<text:p text:style-name="P1">${escape(l)}</text:p>`).join('');
  return `<table:table-cell office:value-type="string"${spans}>${body}</table:table-cell>` + '<table:covered-table-cell/>'.repeat(c.span - 1);
}

function tableXml(table: WordTable, next: () => number, style: OdtStyle, n: number): string {
  const spans = rowspans(table);
  const rows = table.rows.map((row) => {
    const cells = row.cells.map((c) => (c.below ? '<table:covered-table-cell/>'.repeat(c.span) : cellXml(c, spans.get(c) ?? 1, next, style, table.key)));
    // Equal adjacent cells (two 0s, say) written once, repeated.
    const joined: string[] = [];
    for (const cell of cells) {
      const last = joined.at(-1);
      const bare = (s: string) => s.replace(/ table:number-columns-repeated="\d+"/, '');
      if (style.repeated && last && bare(last) === cell && cell.startsWith('<table:table-cell') && !cell.includes('covered')) {
        const times = Number(/table:number-columns-repeated="(\d+)"/.exec(last)?.[1] ?? 1) + 1;
        joined[joined.length - 1] = cell.replace('<table:table-cell', `<table:table-cell table:number-columns-repeated="${times}"`);
      } else joined.push(cell);
    }
    return `<table:table-row>${joined.join('')}</table:table-row>`;
  });
  const head = table.rows.findIndex((r) => r.kind === 'data');
  const [header, body] = head > 0 && table.rows.slice(0, head).every((r) => r.kind === 'head') ? [rows.slice(0, head), rows.slice(head)] : [[], rows];
  return `<table:table table:name="表格${n}" table:style-name="Table1"><table:table-column table:number-columns-repeated="${table.width}"/>`
    + (header.length ? `<table:table-header-rows>${header.join('')}</table:table-header-rows>` : '') + body.join('') + '</table:table>';
}

const picture = (n: number, width: string, height: string) => `<text:p text:style-name="P1"><draw:frame draw:name="图像${n}" text:anchor-type="as-char" svg:width="${width}" svg:height="${height}">`
  + `<draw:image xlink:href="Pictures/image${n}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>表格截图</svg:title></draw:frame></text:p>`;

const AUTOMATIC = '<office:automatic-styles><style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="normal"/></style:style>'
  + '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-format="@1" style:num-suffix="@s"/>'
  + '<text:list-level-style-number text:level="2" style:num-format="一, 二, 三, ..." style:num-suffix="、" text:display-levels="1"/></text:list-style>'
  + '<style:style style:name="Hidden" style:family="text" style:parent-style-name="HiddenBase"><style:text-properties fo:color="#000000"/></style:style>'
  + '<style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style></office:automatic-styles>';
/** The named styles (in styles.xml, or the flat file): the hidden character style the automatic one inherits from. */
const STYLES = '<office:styles><style:style style:name="HiddenBase" style:family="text"><style:text-properties text:display="none"/></style:style>'
  + '<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format=""/>'
  + '<text:outline-level-style text:level="2" style:num-format="@@"  style:num-suffix="、"/></text:outline-style></office:styles>';

/** The body of the report (office:text's content). */
function bodyXml(f: Figures, style: OdtStyle): { xml: string; pictures: number } {
  const next = random(7);
  let pictures = 0, tables = 0, headings = 0;
  const parts = reportParts(f).map((p) => {
    if (p.kind === 'table') {
      if (style.pictures?.includes(p.key)) return picture(++pictures, '16cm', '10cm');
      const table = tableXml(wordTable(f, p.key), next, style, ++tables);
      return style.textBox ? `<text:p><draw:frame draw:name="文本框${tables}" text:anchor-type="paragraph" svg:width="16cm" svg:height="12cm"><draw:text-box>${table}</draw:text-box></draw:frame></text:p>` : table;
    }
    if (p.kind === 'title') return (style.pictures ? picture(++pictures, '1.2cm', '1.2cm') : '') + `<text:p text:style-name="Title">${escape(p.text)}</text:p>`;
    if (p.kind === 'heading' && style.listNumbers) {
      const item = `<text:list-item><text:p text:style-name="Standard">${escape(p.text.replace(/^[一二三四五六七八九十]+、/, ''))}</text:p></text:list-item>`;
      const continued = headings++ === 0 ? ' xml:id="list1"' : headings % 2 ? ' text:continue-numbering="true"' : ' text:continue-list="list1"';
      return `<text:list text:style-name="L1"${continued}>${style.listNumbers === 2 ? `<text:list-item><text:list>${item}</text:list></text:list-item>` : item}</text:list>`;
    }
    if (p.kind === 'heading') {
      const h = `<text:h text:style-name="Heading_20_2" text:outline-level="2">${escape(style.outlineNumbers ? p.text.replace(/^[一二三四五六七八九十]+、/, '') : p.text)}</text:h>`;
      return style.list ? `<text:list><text:list-item>${h}</text:list-item></text:list>` : h;
    }
    // A gap after the first comma, as text:s; a soft page break now and then.
    return `<text:p text:style-name="Standard">${escape(p.text).replace('，', '，<text:s text:c="2"/>')}</text:p>${next() < 0.2 ? '<text:soft-page-break/>' : ''}`;
  });
  return { xml: parts.join(''), pictures };
}

const declarations = () => Object.entries(NAMESPACES).map(([p, uri]) => ` xmlns:${p}="${uri}"`).join('');
/** The XML with each prefix replaced by another (bound to the same namespace). */
const reprefixed = (xml: string) => xml.replace(/(<\/?|\s)(office|style|text|table|draw|fo|svg|xlink):/g, (_, before: string, p: string) => `${before}${OTHER[p]}:`)
  .replace(/xmlns:(\w+)=/g, (m, p: string) => (OTHER[p] ? `xmlns:${OTHER[p]}=` : m));

/** The report as .odt bytes (or .fodt, `flat`). */
export async function renderOdt(f: Figures, style: OdtStyle = {}): Promise<Buffer> {
  const { xml: body, pictures } = bodyXml(f, style);
  const outlined = (xml: string) => xml.replace('"@@"', style.outlineNumbers ? '"一, 二, 三, ..."' : '""')
    .replace('"@1"', style.listNumbers === 1 ? '"一, 二, 三, ..."' : '"1"').replace('"@s"', style.listNumbers === 1 ? '"、"' : '"."');
  const fix = (xml: string) => outlined(style.prefixes ? reprefixed(xml) : xml);
  if (style.flat) {
    return Buffer.from(fix(`<?xml version="1.0" encoding="UTF-8"?>\n<office:document${declarations()} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">`
      + `${STYLES}${AUTOMATIC}<office:body><office:text>${body}</office:text></office:body></office:document>`));
  }
  const zip = new JSZip();
  // The mimetype first and stored, as ODF requires: what tells an ODT from another zip.
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file('content.xml', fix(`<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content${declarations()} office:version="1.3">${AUTOMATIC}<office:body><office:text>`
    + `<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>${body}</office:text></office:body></office:document-content>`));
  zip.file('styles.xml', fix(`<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles${declarations()} office:version="1.3">${STYLES}</office:document-styles>`));
  for (let n = 1; n <= pictures; n++) zip.file(`Pictures/image${n}.png`, PNG);
  zip.file('META-INF/manifest.xml', '<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
    + '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    + '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/></manifest:manifest>');
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
