import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importDocument } from '../../server/src/import/index';
import { LIMITS, tooBig, tooSlow } from '../../server/src/import/isolated';
import type { ImportResult } from '../../server/src/import/types';
import { EXPECTED } from '../core/expected';
import { figuresOf } from '../layouts/figures';
import { LAYOUTS } from '../layouts/render';
import { ofdParts, zipDeflated } from './miniofd';
import { makePdf, typeset } from './minipdf';

// PDF, OFD and Word files are read on a worker thread under a deadline and a memory limit
// (server/src/import/isolated.ts): hostile files of each kind, which their parsers read synchronously
// for seconds or minutes, are refused at the deadline with the reason, the files around them read.

const pages = typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figuresOf(Object.values(EXPECTED)[1])));
const report = makePdf(pages);
/** A page of `n` lines drawn and no text, compressed: pdf.js parses on without a pause (some 3 s a million here). */
const drawing = (n: number) => makePdf([{ texts: [], operators: '0 0 m 1 1 l S\n'.repeat(n) }], { deflate: true });
const read = (result: ImportResult) => 'text' in result && /一、总体情况/.test(result.text);

/** The hostile file, read within `seconds`: refused as too slow, at the deadline and not much later. */
async function refusedInTime(kind: 'pdf' | 'ofd' | 'docx', bytes: Uint8Array, seconds: number): Promise<void> {
  const started = Date.now();
  const result = await importDocument(kind, bytes, { ...LIMITS, seconds });
  const took = Date.now() - started;
  assert.deepEqual(result, { refused: tooSlow(kind, seconds) });
  assert.ok(took >= seconds * 1000 && took < seconds * 1000 + 1000, `${took} ms`);
}

describe('documents read on a worker: a deadline and a memory limit', () => {
  it('a hostile PDF and a report asked for at once (the language server does): the one refused at its deadline, the other read', async () => {
    const [hostile, good] = await Promise.all([importDocument('pdf', drawing(2_000_000), { ...LIMITS, seconds: 1 }), importDocument('pdf', report)]);
    assert.deepEqual(hostile, { refused: tooSlow('pdf', 1) });
    assert.ok(read(good));
    // And the other way round: the report's reading is not cut short by the deadline of the one after it.
    const [first, second] = await Promise.all([importDocument('pdf', report), importDocument('pdf', drawing(2_000_000), { ...LIMITS, seconds: 1 })]);
    assert.ok(read(first));
    assert.deepEqual(second, { refused: tooSlow('pdf', 1) });
  });

  it('a PDF that needs more memory than the worker may have (a run of 2 million characters): refused, saying so; the next one read', async () => {
    const run = makePdf([{ texts: [{ x: 50, y: 60, size: 8, text: '1'.repeat(2_000_000) }] }], { deflate: true });
    assert.deepEqual(await importDocument('pdf', run, { ...LIMITS, megabytes: 48 }), { refused: tooBig('pdf', 48) });
    assert.equal(tooBig('pdf', 48).zh, '读取 PDF 所需内存超过 48 MB（文件可能有异常），已停止');
    assert.ok(read(await importDocument('pdf', report)));
  });

  it('a worker out of memory just after the memory watch stopped its job (its error then unheard): nothing thrown, the next report read', async () => {
    // With a small limit the process's memory passes it as the worker's heap does: the watch and the
    // worker's own out-of-memory error race, and an error no job listens to must not end the process.
    const run = makePdf([{ texts: [{ x: 50, y: 60, size: 8, text: '1'.repeat(2_000_000) }] }], { deflate: true });
    for (const megabytes of [4, 8, 12, 16, 24, 32]) assert.deepEqual(await importDocument('pdf', run, { ...LIMITS, megabytes }), { refused: tooBig('pdf', megabytes) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(read(await importDocument('pdf', report)));
  });

  it('a PDF whose page inflates to 256 MB of spaces (256 KB; pdf.js’s buffers, not V8’s heap): refused as too big, the next one read', async () => {
    const bomb = makePdf([{ texts: [], operators: ' '.repeat(2 ** 28) }], { deflate: true });
    assert.ok(bomb.length < 300 * 1024, `${bomb.length} bytes`);
    assert.deepEqual(await importDocument('pdf', bomb, { ...LIMITS, megabytes: 128 }), { refused: tooBig('pdf', 128) });
    assert.ok(read(await importDocument('pdf', report)));
  });

  it('a Word file of 100,000 one-digit paragraphs (11 KB; read to its end in some 20 s here): refused at the deadline', async () => {
    const para = '<w:p><w:r><w:t>1</w:t></w:r></w:p>';
    const docx = zipDeflated({
      '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>',
      '_rels/.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      'word/document.xml': `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${para.repeat(100_000)}</w:body></w:document>`,
    });
    await refusedInTime('docx', docx, 1);
    assert.equal(tooSlow('docx', 1).zh, '读取 Word 文件超过 1 秒仍未读完（文件可能有异常），已停止');
  });

  it('an OFD page of 49,000 text objects, under the budget of objects (236 KB; read to its end in some 5 s here): refused at the deadline', async () => {
    const objects = Array.from({ length: 49_000 }, (_, i) => `<ofd:TextObject ID="${i}" Boundary="${10 + (i % 50) * 3} ${20 + (Math.floor(i / 50) % 250)} 3 4" Size="3"><ofd:TextCode X="0" Y="3">${i % 10}</ofd:TextCode></ofd:TextObject>`).join('');
    const parts = ofdParts(pages.slice(0, 1));
    const path = 'Doc_0/Pages/Page_0/Content.xml';
    const ofd = zipDeflated({ ...parts, [path]: String(parts[path]).replace('</ofd:Layer>', `${objects}</ofd:Layer>`) });
    await refusedInTime('ofd', ofd, 0.5);
    assert.equal(tooSlow('ofd', 0.5).en, 'reading the OFD file took over 0.5 seconds (the file may be malformed) and was stopped');
  });
});
