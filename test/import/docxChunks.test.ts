import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importWord, unreadChunks } from '../../server/src/import/docx';
import type { Figures } from '../layouts/figures';
import { renderChunkedDocx, renderDocx } from '../layouts/docx';
import { renderHtml } from '../layouts/html';
import { renderRtf } from '../layouts/rtf';
import { asText, bound, FIGURES, said } from './cells';

// A .docx that imports its content as a web page (w:altChunk), as programs that make Word files out of a
// web editor's content write it (or an RTF document, as some converters do): Word shows it merged in; mammoth drops it (the file had no text).
// Every seed (2021 and 2019 figures), read back cell by cell.

describe('a .docx whose report is an imported web page (w:altChunk)', () => {
  const NAMES = { mht: 'web archive (.mht)', rtf: 'RTF document', html: 'web page (.htm)', docx: 'Word document (.docx)', text: 'text (text/plain, a table as tabs)' };
  const content = async (form: keyof typeof NAMES, figures: Figures, i: number) => {
    switch (form) {
      case 'rtf': return renderRtf(figures, { chinese: 'gbk', across: 'wide' }).toString('latin1');
      case 'docx': return renderDocx(figures, i);
      case 'text': return asText(figures);
      default: return renderHtml(figures, { seed: 1 }).html;
    }
  };
  // A Word document or text imported so was dropped (no text; after paragraphs of the document's own, table-missing ×3).
  for (const form of ['mht', 'html', 'rtf', 'docx', 'text'] as const) {
    for (const before of [[], ['某某镇人民政府', '（此件公开发布）']]) {
      it(`as a ${NAMES[form]}${before.length ? ', after paragraphs of the document\'s own' : ''}: every cell bound, the findings of the text`, async () => {
        for (const [i, { name, figures }] of FIGURES.entries()) {
          const result = await importWord(await renderChunkedDocx(await content(form, figures, i), form, before), 'docx');
          assert.ok('text' in result, `${name}: ${JSON.stringify(result)}`);
          const { text } = result;
          assert.deepEqual(bound(text, figures).wrong, [], name);
          assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
          assert.equal(result.notes, undefined, name);
        }
      });
    }
  }

  it('a chunk that is none of these (a picture\'s bytes), or a .docx imported into an imported .docx: said, the rest read', async () => {
    const { figures } = FIGURES[0];
    const png = await importWord(await renderChunkedDocx(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), 'text', ['某某镇人民政府']), 'docx');
    assert.ok('text' in png && png.notes?.[0].zh === unreadChunks(1).zh && /某某镇人民政府/.test(png.text), JSON.stringify(png));
    const alone = await importWord(await renderChunkedDocx(Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), 'text'), 'docx');
    assert.deepEqual(alone, { refused: unreadChunks(1) });
    const twice = await importWord(await renderChunkedDocx(await renderChunkedDocx(await renderDocx(figures, 0), 'docx'), 'docx', ['某某镇人民政府']), 'docx');
    assert.ok('text' in twice && twice.notes?.[0].zh === unreadChunks(1).zh && /某某镇人民政府/.test(twice.text), JSON.stringify(twice));
  });
});
