import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importWord } from '../../server/src/import/docx';
import { renderChunkedDocx } from '../layouts/docx';
import { renderHtml } from '../layouts/html';
import { renderRtf } from '../layouts/rtf';
import { asText, bound, FIGURES, said } from './cells';

// A .docx that imports its content as a web page (w:altChunk), as programs that make Word files out of a
// web editor's content write it (or an RTF document, as some converters do): Word shows it merged in; mammoth drops it (the file had no text).
// Every seed (2021 and 2019 figures), read back cell by cell.

describe('a .docx whose report is an imported web page (w:altChunk)', () => {
  for (const form of ['mht', 'html', 'rtf'] as const) {
    for (const before of [[], ['某某镇人民政府', '（此件公开发布）']]) {
      it(`as a ${form === 'mht' ? 'web archive (.mht)' : form === 'rtf' ? 'RTF document' : 'web page (.htm)'}${before.length ? ', after paragraphs of the document\'s own' : ''}: every cell bound, the findings of the text`, async () => {
        for (const { name, figures } of FIGURES) {
          const result = await importWord(await renderChunkedDocx(form === 'rtf' ? renderRtf(figures, { chinese: 'gbk', across: 'wide' }).toString('latin1') : renderHtml(figures, { seed: 1 }).html, form, before), 'docx');
          assert.ok('text' in result, `${name}: ${JSON.stringify(result)}`);
          const { text } = result;
          assert.deepEqual(bound(text, figures).wrong, [], name);
          assert.deepEqual(said(check(text).findings, text), said(check(asText(figures)).findings, asText(figures)), name);
        }
      });
    }
  }
});
