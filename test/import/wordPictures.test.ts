import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TableKey } from '../../server/src/core/format/schema';
import { applyEdits, check, type Finding } from '../../server/src/core/service';
import { importDocument } from '../../server/src/import/index';
import { NO_TEXT } from '../../server/src/import/doc';
import { PICTURE_LINE } from '../../server/src/import/types';
import { READER, sliceAt } from '../core/seeds';
import { DOC_PICTURES, renderDoc, type DocStyle } from '../layouts/doc';
import { DOCX_PICTURES, GROUP_CAPTION, renderDocx, renderScannedDocx } from '../layouts/docx';
import { figuresOf, type Figures } from '../layouts/figures';
import { EXPECTED } from '../core/expected';
import { bound, cellsOf, FIGURES, KEYS, withCell } from './cells';

// Statutory tables put into a Word report as pictures — a screenshot, an Excel range pasted as a picture,
// an Excel sheet embedded (Word shows its preview), a picture in a text box, a chart — in every form .docx
// and .doc store them, and a logo above the title: the draft holds a picture line where each picture
// is and nothing else changes; the core says each pictured table is unreadable, never missing, and the
// other tables are read as ever.

const PICTURED: TableKey[][] = [['t3'], ['t2', 't3', 't4']];

async function draftOf(kind: 'doc' | 'docx', bytes: Uint8Array): Promise<string> {
  const imported = await importDocument(kind, bytes);
  assert.ok('text' in imported, JSON.stringify(imported));
  return imported.text;
}

/**
 * The draft of the report with its tables as text, with the pictured tables' rows (each table a run of
 * lines with tabs, in order t2, t3, t4) replaced by one picture line each, and the logo's line first.
 */
function expectedDraft(unchanged: string, pictured: TableKey[], caption?: string): string {
  const out: string[] = [PICTURE_LINE];
  let table = -1;
  let inTable = false;
  for (const line of unchanged.replace(/\n$/, '').split('\n')) {
    const row = line.includes('\t');
    if (row && !inTable) {
      table++;
      // (A caption's text box grouped with the picture: its line after the picture's, as mammoth reads a text box after its paragraph.)
      if (pictured.includes(KEYS[table])) out.push(PICTURE_LINE, ...(caption ? [caption] : []));
    }
    inTable = row;
    if (!(row && pictured.includes(KEYS[table]))) out.push(line);
  }
  return `${out.join('\n')}\n`;
}

// Each seed's .docx drafts, made once: with its tables, and with pictures in the form of the first picture written (`inline`).
const drafts = new Map<string, Promise<string>>();
function docxDraft(figures: Figures, pictured?: TableKey[]): Promise<string> {
  const key = `${figures.version} ${figures.year} ${JSON.stringify(figures.cells)} ${pictured?.join('+')}`;
  if (!drafts.has(key)) drafts.set(key, renderDocx(figures, 1, 'none', undefined, undefined, pictured && { tables: pictured, form: 'inline', logo: true }).then((b) => draftOf('docx', b)));
  return drafts.get(key)!;
}

const said = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.message}`);

/** The draft's reading: every cell of the other tables bound; the pictured ones unreadable on their picture line; nothing the report with its tables does not get. */
function assertRead(text: string, figures: Figures, pictured: TableKey[], asText: Finding[], where: string): void {
  const missing = [...cellsOf(figures)].filter((c) => pictured.includes(c.key)).map((c) => `${c.key} ${c.row} ${c.col}: missing, not ${c.text}`);
  assert.deepEqual(bound(text, figures).wrong, missing, where);
  const { findings } = check(text);
  const unreadable = findings.filter((f) => f.code === 'table-unreadable');
  assert.equal(unreadable.length, pictured.length, `${where}: ${said(findings).join('\n')}`);
  for (const f of unreadable) assert.equal(sliceAt(text, f.range), PICTURE_LINE, where);
  assert.deepEqual(findings.filter((f) => f.code === 'table-missing'), [], where);
  const known = new Set(said(asText));
  assert.deepEqual(said(findings.filter((f) => f.code !== 'table-unreadable')).filter((s) => !known.has(s)), [], where);
}

describe('Word files (.docx) with tables as pictures', () => {
  for (const form of DOCX_PICTURES) {
    it(`${form}: table 3, then all three, and a logo; every seed, 2021 and 2019 figures`, async () => {
      for (const { name, figures } of FIGURES) {
        const unchanged = await docxDraft(figures);
        const asText = check(unchanged).findings;
        for (const tables of PICTURED) {
          const where = `${name}, ${tables.join('+')} as ${form}`;
          const text = await draftOf('docx', await renderDocx(figures, 1, 'none', undefined, undefined, { tables, form, logo: true }));
          assert.equal(text, expectedDraft(unchanged, tables, form === 'group-textbox-dml' ? GROUP_CAPTION : undefined), where);
          assertRead(text, figures, tables, asText, where);
        }
      }
    });
  }
});

describe('Word 97–2003 files (.doc, .wps) with tables as pictures', () => {
  const STYLES: [string, DocStyle][] = [
    ['', {}],
    [', with 8-bit pieces, fields, objects that are not pictures, nested tables and tracked changes', { eightBit: true, fields: true, objects: true, nested: true, tracked: true }],
  ];
  for (const form of DOC_PICTURES) {
    for (const [what, style] of STYLES) {
      it(`${form}${what}: table 3, then all three, and a logo; every seed, 2021 and 2019 figures; the .docx's draft`, async () => {
        for (const { name, figures } of FIGURES) {
          const asText = check(await docxDraft(figures)).findings;
          for (const tables of PICTURED) {
            const where = `${name}, ${tables.join('+')} as ${form}`;
            const text = await draftOf('doc', renderDoc(figures, { ...style, pictures: { tables, form, logo: true } }));
            assert.equal(text, await docxDraft(figures, tables), where);
            assertRead(text, figures, tables, asText, where);
          }
        }
      });
    }
  }
});

describe('.doc files LibreOffice saved from a .docx with table 3 as a picture (test/fixtures/doc/001-picture-*.doc)', () => {
  // LibreOffice writes an inline picture as a U+0001, a floating one as a U+0008 (a SHAPE field's result
  // drawing it again with a U+0008 and a U+0001), a chart as an embedded object (an EMBED field), and a
  // picture in a text box as the box's shape (a U+0008 the document lists, not a text box) and the box,
  // whose text holds the picture.
  const figures = figuresOf(EXPECTED['001']);
  for (const form of ['inline', 'floating', 'vml', 'textbox', 'chart']) {
    it(`${form}: the logo's picture line first, a picture line where table 3 was; tables 2 and 4 bound; table-unreadable`, async () => {
      const text = await draftOf('doc', readFileSync(join(process.cwd(), 'test', 'fixtures', 'doc', `001-picture-${form}.doc`)));
      const lines = text.split('\n');
      assert.equal(lines[0], PICTURE_LINE);
      const at = lines.indexOf('本年度收到和处理政府信息公开申请情况如下：');
      assert.equal(lines[at + 1], PICTURE_LINE, text);
      assert.match(lines.slice(at + 1).find((l) => l !== PICTURE_LINE)!, /^四、/);
      assertRead(text, figures, ['t3'], check(await docxDraft(figures)).findings, form);
    });
  }
});

describe('a scanned report in a Word file (its pages pictures, no text)', () => {
  it('is refused as a Word file without text, in every form of picture (.docx and .doc)', async () => {
    const figures = figuresOf(EXPECTED['001']);
    // (A picture grouped with its caption's text box has text.)
    for (const form of DOCX_PICTURES.filter((f) => f !== 'group-textbox-dml')) assert.deepEqual(await importDocument('docx', await renderScannedDocx(3, form)), { refused: NO_TEXT }, form);
    for (const form of DOC_PICTURES) assert.deepEqual(await importDocument('doc', renderDoc(figures, { scanned: true, pictures: { tables: [], form } })), { refused: NO_TEXT }, form);
  });
});

describe('one wrong cell of table 4 in a report whose table 3 is a picture', () => {
  it('.doc (an embedded Excel sheet) and .docx (a picture), every seed, both formats: the cell\'s block is named beside the picture\'s table-unreadable, and its fix makes it add up', async () => {
    for (const { name, figures } of FIGURES) {
      const t4 = [...cellsOf(figures)].filter((c) => c.key === 't4');
      for (const [i, { row, col, text }] of t4.entries()) {
        const wrong = withCell(figures, 't4', row, col, String(Number(text) + 1));
        const drafts = [await draftOf('doc', renderDoc(wrong, { pictures: { tables: ['t3'], form: 'embedded' } }))];
        // (.docx through mammoth takes longer: one cell per block.)
        if (i % 5 === 0) drafts.push(await draftOf('docx', await renderDocx(wrong, 1, 'none', undefined, undefined, { tables: ['t3'], form: 'inline' })));
        for (const draft of drafts) {
          const where = `${name} t4 ${row} ${col}`;
          const found = check(draft).findings.filter((f) => READER.has(f.code));
          assert.deepEqual(found.map((f) => f.code).sort(), ['table-unreadable', 'table4-total'], where);
          const fixed = applyEdits(draft, found.find((f) => f.code === 'table4-total')!.fix!.edits);
          assert.deepEqual(check(fixed).findings.filter((f) => READER.has(f.code)).map((f) => f.code), ['table-unreadable'], where);
        }
      }
    }
  });
});
