import { deflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { PAGE, type PdfImage, type PdfPage, type PdfText } from './minipdf';

// A minimal OFD writer for the tests (GB/T 33190-2016): the pages minipdf's `typeset` lays out (runs
// of text at points from the page's top), written as a package of XML parts: OFD.xml → Doc_0/Document.xml
// → Pages/Page_N/Content.xml, each run a TextObject whose Boundary is in millimetres. As OFD writers
// do, a run is one TextObject with a DeltaX for each character (the “g n step” shorthand where steps
// repeat), or each character an object of its own, or a whole line one object; optionally scaled by a CTM, with the running header
// in a template page, and with parts added or removed as a broken or hostile file has them. A page's
// pictures are ImageObjects (a picture in strips, one a strip), placed by their Boundary and a CTM that
// scales the image's unit square to it, as OFD writers place them.

/** How the runs are written. */
export interface OfdOptions {
  /**
   * `run`: a TextObject a run, its characters placed by DeltaX; `char`: a TextObject a character;
   * `line`: a TextObject a line, DeltaX stepping over the gaps between its words (a table row's cells);
   * `codes`: a TextObject a line, a TextCode a run (with its X; the Y of the first).
   */
  objects?: 'run' | 'char' | 'line' | 'codes';
  /** Text drawn at Size/k and scaled back by a CTM of k (as some writers place every object). */
  ctm?: number;
  /** The first run of every page (typeset's running header) in a template page, not in the page. */
  template?: boolean;
  /** The text objects inside a PageBlock (a group of objects) in the layer, not directly in it. */
  blocks?: boolean;
  /** Parts named from the package's root (“/Doc_0/Document.xml”), not from the part that names them. */
  absolute?: boolean;
  /** Parts written as given (a path to its content), or left out (null), over those of the document. */
  parts?: Record<string, string | Buffer | null>;
}

const MM = 25.4 / 72;
const mm = (pt: number) => +(pt * MM).toFixed(3);
const OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"';
/** The ID of the pictures' image resource. */
const IMAGE = 7;
/** A Chinese character is a full em wide, others half: as typeset places them. */
const advance = (ch: string, size: number) => (/[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u2018-\u201d]/.test(ch) ? size : size / 2);
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Steps as DeltaX writes them: a step repeated is “g n step”. */
function deltaX(steps: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < steps.length;) {
    let n = 1;
    while (i + n < steps.length && steps[i + n] === steps[i]) n++;
    out.push(n > 1 ? `g ${n} ${steps[i]}` : String(steps[i]));
    i += n;
  }
  return out.join(' ');
}

/** A character of a run at x (points). */
interface Placed { ch: string; x: number }

/** A run's characters, each where typeset puts it (Chinese a full em wide, others half). */
function placed(t: PdfText): Placed[] {
  let x = t.x;
  return [...t.text].map((ch) => { const at = x; x += advance(ch, t.size); return { ch, x: at }; });
}

/** One TextObject: runs of characters, in one size, on the baseline y (points); a TextCode a run, each character placed by DeltaX. */
function textObject(id: number, runs: Placed[][], y: number, size: number, k: number): string {
  const s = mm(size), x0 = runs[0][0].x, last = runs[runs.length - 1][runs[runs.length - 1].length - 1];
  const width = mm(last.x) - mm(x0) + advance(last.ch, s);
  const ctm = k === 1 ? '' : ` CTM="${k} 0 0 ${k} 0 0"`;
  // Only the first TextCode has a Y: the others go on on its baseline.
  const codes = runs.map((chars, j) => {
    const steps = chars.slice(1).map((c, i) => +((mm(c.x) - mm(chars[i].x)) / k).toFixed(3));
    const delta = steps.length ? ` DeltaX="${deltaX(steps)}"` : '';
    return `<ofd:TextCode X="${+((mm(chars[0].x) - mm(x0)) / k).toFixed(3)}"${j ? '' : ` Y="${+(s / k).toFixed(3)}"`}${delta}>${escape(chars.map((c) => c.ch).join(''))}</ofd:TextCode>`;
  });
  return `<ofd:TextObject ID="${id}" Boundary="${mm(x0)} ${+(mm(y) - s).toFixed(3)} ${+width.toFixed(3)} ${+(s * 1.25).toFixed(3)}" Font="2" Size="${+(s / k).toFixed(3)}"${ctm}>`
    + `<ofd:FillColor Value="0 0 0"/>${codes.join('')}</ofd:TextObject>`;
}

/** A picture as ImageObjects, in millimetres. */
function imageObjects(id: number, { x, y, width, height, as }: PdfImage): string[] {
  const strips = as === 'strips' ? 4 : 1, h = height / strips;
  return Array.from({ length: strips }, (_, i) =>
    `<ofd:ImageObject ID="${id + i}" Boundary="${mm(x)} ${mm(y + i * h)} ${mm(width)} ${mm(h)}" CTM="${mm(width)} 0 0 ${mm(h)} 0 0" ResourceID="${IMAGE}"/>`);
}

/** A page's content part: its text as text objects in one layer, a run, a character or a line each, and its pictures. */
export function contentXml(texts: PdfText[], { objects = 'run', ctm = 1, blocks = false }: OfdOptions = {}, template?: number, images: PdfImage[] = []): string {
  const groups: { runs: Placed[][]; t: PdfText }[] = [];
  for (const t of texts) {
    const line = groups[groups.length - 1];
    if (objects === 'run') groups.push({ runs: [placed(t)], t });
    else if (objects === 'char') for (const c of placed(t)) groups.push({ runs: [[c]], t });
    // typeset puts the runs of a line on one baseline, left to right.
    else if (!line || line.t.y !== t.y || line.t.size !== t.size) groups.push({ runs: [placed(t)], t });
    else if (objects === 'line') line.runs[0].push(...placed(t));
    else line.runs.push(placed(t));
  }
  let id = 100;
  const drawn = [...groups.map((g) => textObject(id++, g.runs, g.t.y, g.t.size, ctm)), ...images.flatMap((p, i) => imageObjects(10_000 + 10 * i, p))].join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Page ${OFD_NS}>${template ? `<ofd:Template TemplateID="${template}"/>` : ''}<ofd:Content><ofd:Layer ID="3">`
    + (blocks ? `<ofd:PageBlock ID="4">${drawn}</ofd:PageBlock>` : drawn) + '</ofd:Layer></ofd:Content></ofd:Page>';
}

/** The pages as the parts of an OFD package, by path (`options.parts` over them; null: left out). */
export function ofdParts(pages: PdfPage[], options: OfdOptions = {}): Record<string, string | Buffer> {
  const parts: Record<string, string | Buffer> = {
    'OFD.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:OFD ${OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID></ofd:DocInfo><ofd:DocRoot>${options.absolute ? '/' : ''}Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`,
  };
  const template = options.template ? 1 : undefined;
  pages.forEach((page, i) => {
    const texts = template ? page.texts.slice(1) : page.texts;
    parts[`Doc_0/Pages/Page_${i}/Content.xml`] = contentXml(texts, options, template, page.images);
  });
  if (template) parts['Doc_0/Tpls/Tpl_0.xml'] = contentXml(pages[0]?.texts.slice(0, 1) ?? [], options);
  parts['Doc_0/Document.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Document ${OFD_NS}><ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID>`
    + `<ofd:PageArea><ofd:PhysicalBox>0 0 ${mm(PAGE.width)} ${mm(PAGE.height)}</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>`
    + (template ? '<ofd:TemplatePage ID="1" BaseLoc="Tpls/Tpl_0.xml"/>' : '')
    + '</ofd:CommonData><ofd:Pages>' + pages.map((_, i) => `<ofd:Page ID="${i + 10}" BaseLoc="${options.absolute ? '/Doc_0/' : ''}Pages/Page_${i}/Content.xml"/>`).join('') + '</ofd:Pages></ofd:Document>';
  const pictures = pages.some((p) => p.images?.length);
  parts['Doc_0/PublicRes.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n<ofd:Res ${OFD_NS} BaseLoc="Res"><ofd:Fonts><ofd:Font ID="2" FontName="仿宋" FamilyName="仿宋"/></ofd:Fonts>`
    + (pictures ? `<ofd:MultiMedias><ofd:MultiMedia ID="${IMAGE}" Type="Image"><ofd:MediaFile>Image_0.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias>` : '') + '</ofd:Res>';
  // The picture's file: its pixels do not tell where it stands.
  if (pictures) parts['Doc_0/Res/Image_0.png'] = Buffer.from('89504e470d0a1a0a', 'hex');
  return Object.fromEntries(Object.entries({ ...parts, ...options.parts }).filter((e): e is [string, string | Buffer] => e[1] !== null));
}

/** The pages as an OFD file. */
export function makeOfd(pages: PdfPage[], options: OfdOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, content] of Object.entries(ofdParts(pages, options))) zip.file(path, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A ZIP of the parts deflated by zlib: a zip bomb's part of hundreds of megabytes, which jszip would
 * take many seconds to pack. No CRCs (readers that do not check them, as jszip does not by default, read it).
 */
export function zipDeflated(parts: Record<string, string | Buffer>): Buffer {
  const local: Buffer[] = [], central: Buffer[] = [];
  let at = 0;
  for (const [path, content] of Object.entries(parts)) {
    const name = Buffer.from(path), raw = Buffer.from(content), data = deflateRawSync(raw);
    const sizes = (b: Buffer, o: number) => { b.writeUInt32LE(data.length, o); b.writeUInt32LE(raw.length, o + 4); };
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0); head.writeUInt16LE(20, 4); head.writeUInt16LE(8, 8);
    sizes(head, 18); head.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0); dir.writeUInt16LE(20, 4); dir.writeUInt16LE(20, 6); dir.writeUInt16LE(8, 10);
    sizes(dir, 20); dir.writeUInt16LE(name.length, 28); dir.writeUInt32LE(at, 42);
    local.push(head, name, data);
    central.push(dir, name);
    at += 30 + name.length + data.length;
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); end.writeUInt16LE(central.length / 2, 8); end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(dirSize, 12); end.writeUInt32LE(at, 16);
  return Buffer.concat([...local, ...central, end]);
}
