import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { asWrittenNote } from '../../server/src/export/index';
import { exportParts, PICTURE_LEFT_OUT, type Part } from '../../server/src/export/parts';
import { seed, SEEDS } from '../core/seeds';

// What an exported report is made of (server/src/export/parts.ts): the author's title, headings and
// paragraphs as written, the tables the reader read whole drawn as the statute draws them, and a
// table it could not read whole kept as the author wrote it.

const CORPUS = join(process.cwd(), 'test/fixtures/corpus');
const partsOf = (text: string) => exportParts(text, check(text).report);
const texts = (parts: Part[], kind: Part['kind']) => parts.flatMap((p) => (p.kind === kind && 'text' in p ? [p.text] : []));
const blanks = (s: string) => s.replace(/[\s\u3000]+/g, '');

describe('export parts', () => {
  it('a table given as a picture: the Word file says a picture was there, and shows no Markdown', () => {
    const lines = seed('002').text.split('\n');
    const from = lines.findIndex((l) => l.includes('申请人情况')), to = lines.findIndex((l) => l.startsWith('四、'));
    const { parts } = partsOf([...lines.slice(0, from), '![](images/8c1f0e.jpg)', ...lines.slice(to)].join('\n'));
    assert.equal(texts(parts, 'paragraph').filter((t) => t === PICTURE_LEFT_OUT).length, 1);
    assert.ok(!texts(parts, 'paragraph').some((t) => t.includes('![')));
    assert.deepEqual(parts.flatMap((p) => (p.kind === 'table' ? [p.key] : [])), ['t2', 't4']);
  });

  it('the title as the author split it over lines; Markdown\'s heading marks and a PDF\'s page number are not part of it', () => {
    assert.deepEqual(texts(partsOf(seed('003').text).parts, 'title'), ['北京市通州区潞城镇2021年政府信息公开', '工作年度报告']);
    assert.deepEqual(texts(partsOf(seed('001').text).parts, 'title'), ['卫滨区平原镇 2023 年政府信息公开工作年度报告']);
    const huaian = partsOf(readFileSync(join(CORPUS, 'huaian-city_2024_pdf-text-layer.txt'), 'utf8')).parts;
    assert.deepEqual(texts(huaian, 'title'), ['淮安市人民政府', '2024 年政府信息公开工作年度报告']);
    assert.ok(!texts(huaian, 'paragraph').some((t) => /^- \d+ -$/.test(t)), 'no page number as a paragraph');
  });

  it('no title when the text opens with prose, not with the report\'s name', () => {
    const text = seed('000').text.replace(/^[\s\S]*?年度报告\n/, '');
    assert.match(text, /^\n依据《中华人民共和国政府信息公开条例》/);
    const { parts } = partsOf(text);
    assert.deepEqual(texts(parts, 'title'), []);
    assert.match(texts(parts, 'paragraph')[0], /^依据《中华人民共和国政府信息公开条例》.*编制本报告。$/);
  });

  it('a PDF\'s paragraphs, wrapped at the page\'s width, are whole paragraphs again', () => {
    const huaian = partsOf(readFileSync(join(CORPUS, 'huaian-city_2024_pdf-text-layer.txt'), 'utf8')).parts;
    const first = texts(huaian, 'paragraph')[0];
    assert.match(first, /^本报告由淮安市人民政府办公室根据《中华人民共和国政府信息公开条例》（国令第 711 号）.*编制。报告所列统计期限自 2024 年 1 月 1 日至 2024 年 12 月 31 日。$/);
    assert.equal(texts(huaian, 'paragraph').filter((t) => t.startsWith('（')).length, 5, 'the five sub-topics of 一, each a paragraph');
  });

  it('the section headings as written: a wrong numeral, or none, is the author\'s to fix, not the export\'s', () => {
    assert.deepEqual(texts(partsOf(seed('004').text).parts, 'heading').slice(0, 2), ['一、总体情况', '2、 主动公开政府信息情况']);
    assert.deepEqual(texts(partsOf(seed('002').text).parts, 'heading').slice(1, 3), ['主动公开政府信息情况', '收到和处理政府信息公开申请情况']);
  });

  it('a sub-heading （一） opening a paragraph is its lead, up to its full stop; on a line of its own, the whole line', () => {
    const parts = partsOf(seed('002').text).parts;
    const p = parts.find((x) => x.kind === 'paragraph' && x.text.startsWith('（一）组织领导。'));
    assert.ok(p && p.kind === 'paragraph');
    assert.equal(p.lead, '（一）组织领导。'.length);
    const own = partsOf(seed('004').text).parts.find((x) => x.kind === 'paragraph' && x.text === '（一）主动公开情况');
    assert.ok(own && own.kind === 'paragraph' && own.lead === own.text.length);
    assert.ok(parts.some((x) => x.kind === 'paragraph' && x.lead === 0));
  });

  it('the three tables drawn from the statute, in the order of the report', () => {
    for (const s of SEEDS) {
      const { parts, asWritten } = partsOf(s.text);
      assert.deepEqual(parts.flatMap((p) => (p.kind === 'table' ? [p.key] : [])), ['t2', 't3', 't4'], s.name);
      assert.deepEqual(asWritten, []);
    }
  });

  it('every word of the author\'s outside the tables is kept, in order (a web page\'s one line too)', () => {
    for (const [name, text] of [
      ...SEEDS.map((s) => [s.name, s.text]),
      ['pingtan', readFileSync(join(CORPUS, 'pingtan_2022_flattened-web-text.txt'), 'utf8')],
    ]) {
      const { parts } = partsOf(text);
      let at = 0;
      const source = blanks(text);
      for (const p of parts) {
        if (p.kind === 'table' || p.kind === 'grid') continue;
        const found = source.indexOf(blanks(p.text), at);
        assert.ok(found >= at, `${name}: “${p.text.slice(0, 30)}” not in the source after what came before`);
        at = found;
      }
    }
  });

  it('a table the reader could not read whole: its rows as a plain grid of the cells as written, its other lines as paragraphs; said so', () => {
    const text = readFileSync(join(CORPUS, 'shanghai-govoffice_2025_pdf-to-markdown.md'), 'utf8');
    const { parts, asWritten } = partsOf(text);
    assert.deepEqual(asWritten, ['t2']);
    const grids = parts.filter((p): p is Extract<Part, { kind: 'grid' }> => p.kind === 'grid');
    assert.ok(grids.length > 0);
    // Never a cell the author did not write: each is a cell of a pipe row of the source.
    const written = new Set(text.split('\n').filter((l) => l.trim().startsWith('|')).flatMap((l) => l.split('|').map((c) => c.trim())));
    for (const g of grids) for (const row of g.rows) for (const cell of row) assert.ok(written.has(cell), `“${cell}” is not a cell of the source`);
    assert.ok(texts(parts, 'paragraph').includes('（其中修订 16 件）'));
    assert.deepEqual(asWrittenNote(asWritten), {
      zh: '表二没有完全读懂，按原文导出，没有画成法定表格',
      en: 'Table 2 could not be read whole: exported as written, not drawn as the statutory table',
    });
    assert.equal(asWrittenNote([]), undefined);
  });
});
