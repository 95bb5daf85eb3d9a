import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { parseReport } from '../../server/src/core/parse/report';
import { check } from '../../server/src/core/service';
import { renderBlocks } from '../../server/src/import/blocks';
import { readDoc } from '../../server/src/import/doc';
import { documentKind, importDocument } from '../../server/src/import/index';
import { EXPECTED } from '../core/expected';
import { assertPinpointed, READER } from '../core/seeds';
import { renderDoc, type DocStyle } from '../layouts/doc';
import { renderDocx, type Frame } from '../layouts/docx';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { asText, bound, cellsOf, said, withCell } from './cells';
import { thousandfold } from '../layouts/thousands';

// Every seed's figures (2021 and 2019 formats) drafted in Word and saved as Word 97–2003 (.doc):
// test/fixtures/doc/, made by scripts/gen-doc-fixtures.mjs (LibreOffice converts the .docx of
// test/layouts/docx.ts). Unchanged, every cell is bound with its value and the findings are those
// of the same report as text; with any one cell's digit changed in the file's own bytes (the same
// length, so that every offset of the file stays valid), that cell is named and its fix restores it.

const DIR = join(process.cwd(), 'test', 'fixtures', 'doc');
const SEEDS = Object.keys(EXPECTED);
const FILES: { file: string; name: string; figures: Figures }[] = [
  ...SEEDS.map((k) => ({ file: `${k}.doc`, name: `seed ${k}`, figures: figuresOf(EXPECTED[k]) })),
  ...SEEDS.map((k) => ({ file: `${k}-2019.doc`, name: `seed ${k} (2019 format)`, figures: figures2019(EXPECTED[k]) })),
];
const bytesOf = (file: string) => readFileSync(join(DIR, file));

async function draftOf(bytes: Uint8Array, kind: 'doc' | 'docx' = 'doc'): Promise<string> {
  const imported = await importDocument(kind, bytes);
  assert.ok('text' in imported, JSON.stringify(imported));
  return imported.text;
}

describe('Word 97–2003 files (.doc)', () => {
  for (const { file, name, figures } of FILES) {
    it(`${name}: every cell bound with its value; the findings of the text`, async () => {
      const text = await draftOf(bytesOf(file));
      const { wrong, bound: n, total } = bound(text, figures);
      assert.deepEqual(wrong, []);
      assert.equal(n, total);
      const plain = asText(figures);
      assert.deepEqual(said(check(text).findings, text), said(check(plain).findings, plain));
    });
  }

  it('every seed, both formats: the draft is the .docx\'s it was saved from, line for line (merged cells as the same grid)', async () => {
    for (const { file, name, figures } of FILES) {
      // (The fixtures are renderDocx(figures, 1) saved as .doc: if that renderer changes, remake them with scripts/gen-doc-fixtures.mjs.)
      assert.equal(await draftOf(bytesOf(file)), await draftOf(await renderDocx(figures, 1), 'docx'), name);
    }
  });

  it('a .doc renamed .docx, or .wps (WPS writes the same format), reads as the .doc does', async () => {
    const bytes = bytesOf('002.doc');
    const text = await draftOf(bytes);
    assert.equal(await draftOf(bytes, 'docx'), text);
    assert.equal(documentKind('报告.WPS'), 'doc');
    assert.equal(documentKind('报告.doc'), 'doc');
  });

  const FRAMED: [string, string, Figures, Frame][] = [
    ['each table in the one cell of a layout table (nested)', '002-nested.doc', figuresOf(EXPECTED['002']), 'table'],
    ['each table in a text box (read where the box is anchored)', '003-textbox.doc', figures2019(EXPECTED['003']), 'textbox'],
  ];
  for (const [what, file, figures, frame] of FRAMED) {
    it(`${what}: every cell bound; the .docx's draft; the findings of the text`, async () => {
      const text = await draftOf(bytesOf(file));
      assert.deepEqual(bound(text, figures).wrong, []);
      assert.equal(text, await draftOf(await renderDocx(figures, 1, frame), 'docx'));
      const plain = asText(figures);
      assert.deepEqual(said(check(text).findings, text), said(check(plain).findings, plain));
    });
  }
});

describe('.doc files written as Word writes them (test/layouts/doc.ts, no LibreOffice)', () => {
  const STYLES: [string, DocStyle][] = [
    ['as LibreOffice writes them (one UTF-16 piece)', {}],
    ['ASCII in 8-bit pieces between UTF-16 ones', { eightBit: true }],
    ['headings in fields, pictures and drawn objects, page breaks', { fields: true, objects: true }],
    ['each table nested in a layout table', { nested: true }],
    ['tracked changes: a deleted number before each, a deleted row in each table', { tracked: true }],
    ['hidden text (sprmCFVanish): a digit before each number, not read as Word does not show it', { hidden: true }],
    ['a note\'s mark in superscript (sprmCIss) after every tenth number: 5¹ read as 5, not 51', { noteMarks: true }],
    ['a picture in each table\'s first cell (a stamp): no line of its own', { stamps: true }],
    ['in a compound file of 4096-byte sectors (version 4)', { sectors4096: true }],
    ['the table stream in the mini stream (64-byte sectors)', { mini: true }],
    ['all of these', { eightBit: true, fields: true, objects: true, nested: true, tracked: true, hidden: true, noteMarks: true, sectors4096: true, mini: true }],
  ];
  for (const [what, style] of STYLES) {
    it(`${what}: every seed, both formats, the draft of the .docx; every cell bound`, async () => {
      for (const { name, figures } of FILES) {
        const text = await draftOf(renderDoc(figures, style));
        assert.deepEqual(bound(text, figures).wrong, [], name);
        assert.equal(text, await draftOf(await renderDocx(figures, 1), 'docx'), name);
      }
    });
  }

  it('a blank cell (every fifth of seed 002, in turn, both formats): blank, not zero; only cell-blank', async () => {
    for (const figures of [figuresOf(EXPECTED['002']), figures2019(EXPECTED['002'])]) {
      let k = 0;
      for (const { key, row, col } of cellsOf(figures)) {
        if (k++ % 5 !== 0) continue;
        const text = await draftOf(renderDoc(withCell(figures, key, row, col, ''), { eightBit: true }));
        const where = `${figures.version} ${key} ${row} ${col}`;
        assert.equal(parseReport(text).tables[key]?.rows[row]?.cells[col]?.kind, 'blank', where);
        assert.deepEqual(check(text).findings.filter((f) => READER.has(f.code)).map((f) => f.code), ['cell-blank'], where);
      }
    }
  });

  // A number typed over two paragraphs in its cell (12 ⏎ 3) was read “12 3”: cell-invalid (61 over the seeds; 133 with their
  // numbers a thousandfold). As in a .docx or a web page, a cell that is not merged holds one number.
  it('every number of two digits or more typed over two paragraphs in its cell: one number, every seed, both formats, and a thousandfold; one changed is pinpointed', async () => {
    for (const [i, { name, figures: f }] of FILES.entries()) {
      for (const figures of [f, thousandfold(f)]) {
        const text = await draftOf(renderDoc(figures, { splitNumbers: true }));
        assert.deepEqual(bound(text, figures).wrong, [], name);
        const plain = asText(figures);
        assert.deepEqual(said(check(text).findings, text), said(check(plain).findings, plain), name);
      }
      const big = thousandfold(f), cells = [...cellsOf(big)].filter((c) => c.key === 't3' && /^\d{2,}$/.test(c.text));
      if (cells.length === 0) continue;
      const { row, col, text: value } = cells[i % cells.length], wrong = String(Number(value) + 10);
      assertPinpointed(await draftOf(renderDoc(withCell(big, 't3', row, col, wrong), { splitNumbers: true })), { key: 't3', row, col }, value, wrong, name);
    }
  });

  it('the same paragraphs in a cell its row\'s TC marks merged (Word keeps each merged cell\'s number as a paragraph): not joined into one number', async () => {
    for (const { name, figures } of FILES.filter((_, i) => i % 3 === 0)) {
      const report = parseReport(await draftOf(renderDoc(figures, { splitNumbers: 'merged' })));
      for (const { key, row, col, text } of cellsOf(figures)) {
        // (Table 2's wide cells, across the grid's columns, are not split by the generator.)
        if (key !== 't2' && /^\d{2,}$/.test(text)) assert.notEqual(report.tables[key]?.rows[row]?.cells[col]?.value, Number(text), `${name} ${key} ${row} ${col}`);
      }
    }
  });

  it('the FIB\'s fEncrypted flag: refused as encrypted', async () => {
    const r = await importDocument('doc', renderDoc(figuresOf(EXPECTED['001']), { encrypted: true }));
    assert.deepEqual(r, { refused: { zh: 'Word 文件已加密（有密码），无法读取；请取消密码后再检查', en: 'the Word file is encrypted (password-protected) and cannot be read; remove the password and check it again' } });
  });
});

/** Where the digits of each cell's number are in the file: the reader's runs carry each character's file offset. */
function placesOf(bytes: Uint8Array, figures: Figures) {
  const read = readDoc(bytes);
  assert.ok('blocks' in read);
  const { text, map } = renderBlocks(read.blocks);
  const report = parseReport(text);
  const idx = new LineIndex(text);
  return [...cellsOf(figures)].map((c) => {
    const cell = report.tables[c.key]!.rows[c.row]!.cells[c.col]!;
    // The file offset of the number's last character (each character's run is its own bytes).
    const last = map.toSource(idx.offset(cell.range.end) - 1, idx.offset(cell.range.end));
    return { ...c, at: last.start };
  });
}

describe('one digit of one cell changed in a .doc\'s bytes', () => {
  // Each seed's .doc from LibreOffice (one UTF-16 piece), and as test/layouts/doc.ts writes it with every
  // style at once (digits in 8-bit pieces: one byte each; tables nested).
  const ALL: DocStyle = { eightBit: true, fields: true, objects: true, nested: true, tracked: true, mini: true };
  const cases = FILES.flatMap(({ file, name, figures }) => [
    { name, figures, bytes: () => bytesOf(file) },
    { name: `${name}, written with 8-bit pieces, fields, nested tables and tracked changes`, figures, bytes: () => renderDoc(figures, ALL) },
  ]);
  for (const { name, figures, bytes: make } of cases) {
    it(`${name}: every cell of tables 3 and 4 is named, and its fix restores the value`, () => {
      const bytes = make();
      let n = 0;
      for (const { key, row, col, text, at } of placesOf(bytes, figures)) {
        if (key === 't2') continue;
        const digit = bytes[at] - 0x30;
        assert.ok(digit >= 0 && digit <= 9 && String(digit) === text.slice(-1), `${key} ${row} ${col}: ${bytes[at]}`);
        const wrong = text.slice(0, -1) + String((digit + 1) % 10);
        const mutated = Buffer.from(bytes);
        mutated[at] = 0x30 + (digit + 1) % 10;
        const read = readDoc(mutated);
        assert.ok('blocks' in read);
        const draft = renderBlocks(read.blocks).text;
        assertPinpointed(draft, { key, row, col }, text, wrong, `${key} ${row} ${col} ${text}→${wrong}`);
        n++;
      }
      assert.ok(n >= 175, `${n} cells`);
    });
  }
});
