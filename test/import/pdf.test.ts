import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importDocument } from '../../server/src/import/index';
import { LIMITS, tooSlow } from '../../server/src/import/isolated';
import { DAMAGED, ENCRYPTED, importPdf, NO_PAGES, NO_TEXT, NOT_PDF, PDF_BUDGET, tooManyItems, TRUNCATED } from '../../server/src/import/pdf';
import { MAX_PAGES } from '../../server/src/import/layoutText';
import type { ImportResult } from '../../server/src/import/types';
import { assertPinpointed, sliceAt } from '../core/seeds';
import { FIGURES, withCell } from './cells';
import { EXPECTED } from '../core/expected';
import { figures2019, figuresOf, type Figures } from '../layouts/figures';
import { LAYOUTS, type Noise } from '../layouts/render';
import { makePdf, SCAN, typeset } from './minipdf';

// PDFs read through pdf.js's text layer (server/src/import/pdf.ts): the published Huaian 2024 report
// against its gold; the seeds' figures typeset into PDFs of several pages (tables across page breaks,
// a running header and page numbers) and read back cell by cell; and the files that are not a
// report's PDF, each refused with its reason. importDocument reads on a worker thread (isolated.ts),
// as the command line and the language server do; importPdf on the test's own.

const CORPUS = join(process.cwd(), 'test/fixtures/corpus');
type Cells = Record<string, Record<string, number>>;
type Gold = { year: number; format: string; ambiguous: string[]; t2: Cells; t3: Cells; t4: Cells };

function text(result: ImportResult): string {
  assert.ok('text' in result, `refused: ${'refused' in result ? result.refused.zh : ''}`);
  return result.text;
}

describe('pdf: the published Huaian 2024 report', async () => {
  const draft = text(await importDocument('pdf', readFileSync(join(CORPUS, 'huaian-city_2024.pdf'))));
  const gold: Gold = JSON.parse(readFileSync(join(CORPUS, 'gold/huaian-city_2024_pdf-text-layer.json'), 'utf8'));
  const { report, findings } = check(draft);

  it('year and format as the gold', () => {
    assert.equal(report.year, gold.year);
    assert.equal(report.format, gold.format);
  });

  it('all 200 cells of the gold bound with the printed value, each range on its digits', () => {
    const wrong: string[] = [];
    let bound = 0;
    for (const key of ['t2', 't3', 't4'] as const) {
      for (const [row, cols] of Object.entries(gold[key])) {
        for (const [col, value] of Object.entries(cols)) {
          const cell = report.tables[key]?.rows[row]?.cells[col];
          if (cell?.value !== value || Number(sliceAt(draft, cell.range)) !== value) wrong.push(`${key}.${row}.${col}: ${cell?.value}`);
          else bound++;
        }
      }
    }
    assert.deepEqual(wrong, []);
    assert.equal(bound, 200);
  });

  it('no error or warning (the gold supports none), as for its text layer', () => {
    assert.deepEqual(findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.code} ${f.message}`), []);
  });

  it('no page numbers in the draft; the prose reads on across page breaks', () => {
    assert.doesNotMatch(draft, /^\s*- \d+ -\s*$/m);
    assert.match(draft, /全年收取政府信息公开信息处理费 3940 元/);
  });

  it('table 3 in columns: a row’s numbers stand under those of the row above', () => {
    // (Right-aligned in their cells: the ends of 3001 and 34 are a column apart on the page, 1 mm.)
    const rows = draft.split('\n').filter((l) => /^\s*(一、本年新收|二、上年结转)/.test(l));
    const [a, b] = rows.map((l) => [...l.matchAll(/\d+/g)].map((m) => m.index! + m[0].length));
    assert.equal(a.length, 7);
    assert.ok(a.every((end, i) => Math.abs(end - b[i]) <= 1), `${a} / ${b}`);
  });
});

/** The cells of the figures the report read from `draft` does not bind to their values. */
function misread(draft: string, f: Figures): string[] {
  const { report } = check(draft);
  const out: string[] = [];
  for (const key of ['t2', 't3', 't4'] as const) {
    for (const [row, cols] of Object.entries(f.cells[key])) {
      for (const [col, want] of Object.entries(cols)) {
        const cell = report.tables[key]?.rows[row]?.cells[col];
        if (want === '' ? cell && cell.kind !== 'blank' : cell?.value !== Number(want)) out.push(`${key}.${row}.${col}: ${cell?.value} for ${want}`);
      }
    }
  }
  return out;
}

describe('pdf: the seeds typeset on pages, read back', () => {
  const layouts = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
  for (const [seed, expected] of Object.entries(EXPECTED)) {
    for (const figures of [figuresOf(expected), figures2019(expected)]) {
      for (const layout of layouts) {
        it(`seed ${seed} (${figures.version}), ${layout.name}: every cell bound with its value; no table finding`, async () => {
          const pages = typeset(layout.render(figures));
          assert.ok(pages.length >= 3);
          const draft = text(await importPdf(makePdf(pages)));
          assert.deepEqual(misread(draft, figures), []);
          // Neither the running header nor a page number is left in the text.
          assert.doesNotMatch(draft, /某某镇政府信息公开工作年度报告|- \d+ -/);
          const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
          assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), []);
        });
      }
    }
  }
});

describe('pdf: landscape pages (a wide table printed across the page)', () => {
  // Word and WPS write a landscape page's MediaBox wide; PDF printers write it tall and turn it (/Rotate), its
  // text drawn turned the other way; some draw the whole page turned on a tall MediaBox without /Rotate (the
  // viewer shows it sideways; before, its text, none of it upright, was dropped as a stamp's: table-missing).
  // Every page of the seed so, or every other one; the text set on 842 × 595.
  const layouts = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
  for (const turn of ['landscape', 90, 270, 'sideways 90', 'sideways 270'] as const) {
    it(`${typeof turn === 'number' ? `/Rotate ${turn}` : turn === 'landscape' ? 'a landscape MediaBox' : `drawn ${turn}`}: every seed, every cell bound; no table finding`, async () => {
      for (const [i, [seed, expected]] of Object.entries(EXPECTED).entries()) {
        for (const figures of [figuresOf(expected), figures2019(expected)]) {
          const pages = typeset(layouts[i % layouts.length].render(figures), { perPage: 30 })
            .map((p, k) => (k + i) % 2 && turn !== 'landscape' ? p : { ...p, turn, texts: p.texts.map((t) => ({ ...t, y: (t.y * 595) / 842 })) });
          const draft = text(await importPdf(makePdf(pages)));
          assert.deepEqual(misread(draft, figures), [], `seed ${seed} ${figures.version}`);
          const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
          assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), [], `seed ${seed} ${figures.version}`);
        }
      }
    });
  }
  it('drawn sideways: one table-3 cell changed in each seed (a different row each) is pinpointed, its fix restores it', async () => {
    for (const [i, { name, figures }] of FIGURES.entries()) {
      const rows = Object.keys(figures.cells.t3), row = rows[i % rows.length];
      const value = figures.cells.t3[row].natural, wrong = String(Number(value) + 1);
      const pages = typeset(layouts[i % layouts.length].render(withCell(figures, 't3', row, 'natural', wrong)), { perPage: 30 })
        .map((p) => ({ ...p, turn: i % 2 ? 'sideways 90' as const : 'sideways 270' as const, texts: p.texts.map((t) => ({ ...t, y: (t.y * 595) / 842 })) }));
      assertPinpointed(text(await importPdf(makePdf(pages))), { key: 't3', row, col: 'natural' }, value, wrong, name);
    }
  });
});

describe('pdf: a note\'s mark raised after a number (a footnote\'s ¹, as Word sets it: two thirds the size, a third higher)', () => {
  const layouts = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
  it('after every tenth number of the tables, ¹ ² … or ①: every seed, every cell bound (5¹ is 5, not 51); no table finding', async () => {
    for (const [i, [seed, expected]] of Object.entries(EXPECTED).entries()) {
      for (const figures of [figuresOf(expected), figures2019(expected)]) {
        let n = 0;
        const pages = typeset(layouts[i % layouts.length].render(figures)).map((p) => ({
          ...p, texts: p.texts.flatMap((t) => !/^\d+$/.test(t.text) || t.y < 60 || t.y > 800 || n++ % 10 ? [t]
            : [t, { x: t.x + (t.text.length * t.size) / 2, y: t.y - t.size / 3, size: (t.size * 2) / 3, text: n % 20 === 1 ? '①' : String(n % 9 + 1) }]),
        }));
        const draft = text(await importPdf(makePdf(pages)));
        assert.deepEqual(misread(draft, figures), [], `seed ${seed} ${figures.version}`);
        const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
        assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), [], `seed ${seed} ${figures.version}`);
      }
    }
  });
});

describe('pdf: labels set with distributed alignment (分散对齐), their characters spread across the cell', () => {
  const layouts = LAYOUTS.filter((l) => l.family === 'space-aligned');
  /** The display columns of a text (a Chinese character two). */
  const cols = (t: string) => [...t].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 2 : 1), 0);
  /** Each row's label spread over its field up to the row's numbers, `gap` columns (half a character each) at most between its characters. */
  const spread = (text: string, gap: number) => text.split('\n').map((line) => {
    const m = /^(\s*)(\S+)( {3,})(\d.*)$/.exec(line);
    const chars = m ? [...m[2]] : [];
    if (!m || chars.length < 2) return line;
    const each = Math.min(gap, Math.floor((cols(m[3]) - 2) / (chars.length - 1)));
    const label = chars.join(' '.repeat(Math.max(1, each)));
    return each < 1 ? line : m[1] + label + ' '.repeat(cols(m[2]) + cols(m[3]) - cols(label)) + m[4];
  }).join('\n');

  it('gaps of half a character to three (予　　以　　公　　开, 4.无正当理由 too): every seed, every cell bound; no table finding; each label one word in the draft', async () => {
    let n = 0;
    for (const [seed, expected] of Object.entries(EXPECTED)) {
      for (const figures of [figuresOf(expected), figures2019(expected)]) {
        for (const gap of [1, 2, 4, 6]) {
          const layout = layouts[n++ % layouts.length];
          const where = `seed ${seed} ${figures.version}, ${layout.name}, ${gap} columns`;
          const draft = text(await importPdf(makePdf(typeset(spread(layout.render(figures), gap)))));
          assert.deepEqual(misread(draft, figures), [], where);
          const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
          assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), [], where);
          for (const label of ['（一）予以公开', '4.无正当理由大量反复申请', '2.重复申请']) assert.ok(draft.includes(label), `${where}: ${label}`);
        }
      }
    }
  });

  it('characters in cells of their own stay apart: a row of 无, 是 and 否, numbers, a label and the number after it', async () => {
    const lines = ['无        无        无        无', '是        否', '1    2    3    4', '总    计    5'];
    const draft = text(await importPdf(makePdf(typeset(['某某镇2024年政府信息公开工作年度报告', ...lines].join('\n')))));
    assert.deepEqual(draft.split('\n').slice(2, 6).map((l) => l.trim().split(/\s+/)), [['无', '无', '无', '无'], ['是', '否'], ['1', '2', '3', '4'], ['总计', '5']]);
  });
});

describe('pdf: a watermark laid flat across the middle of every page (Word\'s and WPS\'s horizontal watermark)', () => {
  const layouts = LAYOUTS.filter((l) => l.family === 'space-aligned' || l.family === 'pdf-text');
  for (const [mark, size] of [['征求意见稿', 12], ['仅供审核  请勿外传', 24], ['内部资料', 40]] as const) {
    it(`“${mark}” at ${size} pt: every seed, every layout, every cell bound; no table finding; the watermark not in the text`, async () => {
      for (const [seed, expected] of Object.entries(EXPECTED)) {
        for (const figures of [figuresOf(expected), figures2019(expected)]) {
          for (const layout of layouts) {
            const pages = typeset(layout.render(figures)).map((p) => ({ ...p, texts: [...p.texts, { x: 150, y: 421, size, text: mark }] }));
            const draft = text(await importPdf(makePdf(pages)));
            const where = `seed ${seed} ${figures.version} ${layout.name}`;
            assert.deepEqual(misread(draft, figures), [], where);
            const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
            assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), [], where);
            for (const word of mark.split(/\s+/)) assert.ok(!draft.includes(word), where);
          }
        }
      }
    });
  }
});

describe('pdf: a table across a page break, a page number in the middle of it', () => {
  it('the rows on either side of the break are read into one table', async () => {
    const figures = figuresOf(Object.values(EXPECTED)[0]);
    const draftText = LAYOUTS.find((l) => l.name === 'space-aligned/right')!.render(figures);
    // A page ends in the middle of table 3, after its row （三）… 4.
    const pages = typeset(draftText, { perPage: 60, breakAfter: /4\.保护第三方合法权益/ });
    assert.equal(pages[1].texts[1].text, '- 2 -');
    assert.match(pages[1].texts[2].text, /5\.属于三类内部事务信息/);
    const draft = text(await importPdf(makePdf(pages)));
    assert.deepEqual(misread(draft, figures), []);
    assert.doesNotMatch(draft, /- \d -/);
  });
});

describe('pdf: a page that ends inside a row, the header printed again at the top of the next', () => {
  // A form feed in the text ends a page (typeset): a row's label at the foot of one page, its numbers
  // under the repeated header on the next; or a group's label (（三）不予公开) at the foot, its rows on the next.
  const cases: [string, string, Noise][] = [
    ['label | numbers', 'pdf-text', { pageMarkerAfter: 4, pageBreak: { lines: ['\f'], repeatHeader: true, within: 'label' } }],
    ['label | numbers, inside a group', 'pdf-text/interleaved-groups', { pageMarkerAfter: 9, pageBreak: { lines: ['\f'], repeatHeader: true, within: 'label' } }],
    ['group label | its rows', 'pdf-text', { pageMarkerAfter: 5, pageBreak: { lines: ['\f'], repeatHeader: true, within: 'group' } }],
  ];
  for (const [name, layout, noise] of cases) {
    it(`${name} (${layout}): every seed, every cell bound; no table finding`, async () => {
      for (const expected of Object.values(EXPECTED)) {
        for (const figures of [figuresOf(expected), figures2019(expected)]) {
          const pages = typeset(LAYOUTS.find((l) => l.name === layout)!.render(figures, noise), { perPage: 60 });
          const draft = text(await importPdf(makePdf(pages)));
          assert.equal(draft.split('申请人情况').length, 3, 'table 3\'s header twice');
          assert.deepEqual(misread(draft, figures), [], `${figures.year} ${figures.version}`);
          const table = check(draft).findings.filter((f) => f.code.startsWith('table') || f.code.startsWith('row') || f.code.startsWith('cell'));
          assert.deepEqual(table.map((f) => `${f.code} ${f.message}`), [], `${figures.year} ${figures.version}`);
        }
      }
    });
  }
});

describe('pdf: files that are no report’s PDF, refused with their reason', () => {
  const report = typeset('某某镇2024年政府信息公开工作年度报告\n一、总体情况\n本年度……');

  it('a scanned report (pages of images, no text): no text layer', async () => {
    assert.deepEqual(await importPdf(makePdf([{ texts: [], images: [SCAN] }, { texts: [], images: [SCAN] }])), { refused: NO_TEXT });
  });

  it('a scanned page among pages of text: read, and said', async () => {
    const result = await importPdf(makePdf([...report, { texts: [], images: [SCAN] }]));
    assert.match(text(result), /一、总体情况/);
    assert.deepEqual('notes' in result && result.notes?.map((n) => n.zh), ['第 2 页没有文字层（可能是扫描的页面），未读取']);
  });

  it('a PDF without pages: no pages', async () => {
    assert.deepEqual(await importPdf(makePdf([])), { refused: NO_PAGES });
  });

  it('a book-length PDF: too many pages to be a report, refused before its pages are read', async () => {
    const result = await importPdf(makePdf(Array.from({ length: MAX_PAGES + 1 }, () => report[0])));
    assert.deepEqual(result, { refused: { zh: `PDF 有 ${MAX_PAGES + 1} 页（超过 ${MAX_PAGES} 页），不像年度报告`, en: `the PDF has ${MAX_PAGES + 1} pages (over ${MAX_PAGES}), not an annual report` } });
  });

  it('a password to open it: password-protected', async () => {
    assert.deepEqual(await importPdf(makePdf(report, { encrypt: { user: 'secret', owner: 'owner' } })), { refused: ENCRYPTED });
  });

  it('restricted (encrypted, no password to open it): read as any other', async () => {
    assert.match(text(await importPdf(makePdf(report, { encrypt: { user: '', owner: 'owner' } }))), /一、总体情况/);
  });

  it('cut short (an interrupted download): incomplete', async () => {
    const whole = makePdf(report);
    for (const share of [0.2, 0.6, 0.95]) assert.deepEqual(await importPdf(whole.subarray(0, Math.floor(whole.length * share))), { refused: TRUNCATED });
  });

  it('random bytes named .pdf: not a PDF', async () => {
    const bytes = Buffer.alloc(5000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919 + 13) % 251;
    assert.deepEqual(await importPdf(bytes), { refused: NOT_PDF });
    assert.deepEqual(await importPdf(Buffer.from('<html><body>404 Not Found</body></html>')), { refused: NOT_PDF });
  });

  it('a PDF header over garbage: damaged', async () => {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x41), Buffer.from('\n%%EOF\n')]);
    assert.deepEqual(await importPdf(bytes), { refused: DAMAGED });
  });
});

describe('pdf: a time budget, so that no PDF holds the command line or the language server', () => {
  const figures = figuresOf(Object.values(EXPECTED)[1]);
  const report = () => typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figures));
  /** One page of `n` pieces of text (a number each, as a page of a hostile file might hold millions). */
  const crowded = (n: number) => makePdf([{ texts: Array.from({ length: n }, (_, i) => ({ x: 50 + (i % 50) * 10, y: 60 + (Math.floor(i / 50) % 700), size: 8, text: String(i % 10) })) }]);
  /**
   * One page of `n` lines drawn (3 operators each) and no text, its contents compressed: pdf.js parses
   * them all on its thread without a pause (here some 3 s a million lines; 20 million operators, an 870 KB
   * file, took a minute).
   */
  const drawing = (n: number) => makePdf([{ texts: [], operators: '0 0 m 1 1 l S\n'.repeat(n) }], { deflate: true });

  it('a page with more pieces of text than a report has: refused, naming the page, in seconds; the event loop runs meanwhile', async () => {
    const bytes = crowded(PDF_BUDGET.itemsPerPage + 10_000);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const result = await importDocument('pdf', bytes);
    clearInterval(timer);
    assert.deepEqual(result, { refused: tooManyItems(1, PDF_BUDGET.itemsPerPage) });
    assert.equal('refused' in result && result.refused.zh, `PDF 第 1 页有超过 ${PDF_BUDGET.itemsPerPage} 段文字，不像年度报告，已停止读取`);
    // Generous: it takes well under a second here; without the cap pdf.js reads on, a second per 50,000 pieces.
    assert.ok(Date.now() - started < 20_000, `${Date.now() - started} ms`);
    assert.ok(ticks > 0, 'the event loop never ran while the page was read');
  });

  it('the cap counts the pieces of one page: a report’s pages are far below it, a tiny cap refuses its first page', async () => {
    assert.ok('text' in await importPdf(makePdf(report())));
    assert.deepEqual(await importPdf(makePdf(report()), { ...PDF_BUDGET, itemsPerPage: 20 }), { refused: tooManyItems(1, 20) });
  });

  it('a page of 6 million drawing operators and no text, compressed (55 KB): stopped at the deadline, though pdf.js never pauses; the event loop runs meanwhile', async () => {
    const made = Date.now();
    const bytes = drawing(2_000_000);
    assert.ok(Date.now() - made < 2000, `made in ${Date.now() - made} ms`);
    assert.ok(bytes.length < 100_000, `${bytes.length} bytes`);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = Date.now();
    const result = await importDocument('pdf', bytes, { ...LIMITS, seconds: 1 });
    const took = Date.now() - started;
    clearInterval(timer);
    assert.deepEqual(result, { refused: tooSlow('pdf', 1) });
    assert.equal(tooSlow('pdf', 1).zh, '读取 PDF 超过 1 秒仍未读完（文件可能有异常），已停止');
    assert.ok(took >= 1000 && took < 2000, `${took} ms`);
    assert.ok(ticks > 20, `the event loop ran ${ticks} times in ${took} ms`);
  });

  it('a refused PDF leaves nothing behind: the next one is read (that the worker keeps no process alive, the command line’s tests show)', async () => {
    await importDocument('pdf', crowded(PDF_BUDGET.itemsPerPage + 1));
    assert.deepEqual(await importDocument('pdf', drawing(2_000_000), { ...LIMITS, seconds: 0.5 }), { refused: tooSlow('pdf', 0.5) });
    assert.deepEqual(misread(text(await importDocument('pdf', makePdf(report()))), figures), []);
  });
});

describe('pdf: character maps', () => {
  it('text in a font that needs pdf.js’s character maps (UniGB-UTF16-H) is read', async () => {
    const figures = figuresOf(Object.values(EXPECTED)[1]);
    const draft = text(await importPdf(makePdf(typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figures)), { cmap: true })));
    assert.deepEqual(misread(draft, figures), []);
  });
});

describe('pdf: the command line', () => {
  it('nianbao check reads the corpus PDF (dist/pdfjs.js and dist/cmaps) and finds nothing', () => {
    const r = spawnSync(process.execPath, ['bin/nianbao', 'check', join(CORPUS, 'huaian-city_2024.pdf')], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /检查了 1 个文件：0 个错误，0 个警告/);
  });

  it('nianbao check says which pages it could not read, and with --verbose how long the PDF took', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    try {
      const path = join(dir, 'scanned-page.pdf');
      writeFileSync(path, makePdf([...typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figuresOf(Object.values(EXPECTED)[1]))), { texts: [], images: [SCAN] }]));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'check', '--verbose', path], { encoding: 'utf8', timeout: 60_000 });
      assert.match(r.stderr, /scanned-page\.pdf：第 \d+ 页没有文字层（可能是扫描的页面），未读取/);
      assert.match(r.stderr, /scanned-page\.pdf：读取用时 \d+ 毫秒/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nianbao check stops reading a PDF with a page of too many pieces of text, says why, and checks the other files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    try {
      const crowded = join(dir, 'crowded.pdf'), report = join(dir, 'report.pdf');
      writeFileSync(crowded, makePdf([{ texts: Array.from({ length: PDF_BUDGET.itemsPerPage + 5000 }, (_, i) => ({ x: 50 + (i % 50) * 10, y: 60 + (Math.floor(i / 50) % 700), size: 8, text: String(i % 10) })) }]));
      writeFileSync(report, makePdf(typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figuresOf(Object.values(EXPECTED)[1])))));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'check', crowded, report], { encoding: 'utf8', timeout: 60_000 });
      // Ended (not killed by the timeout), with the other file checked and nothing found in it.
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`crowded\\.pdf：PDF 第 1 页有超过 ${PDF_BUDGET.itemsPerPage} 段文字，不像年度报告，已停止读取`));
      assert.match(r.stderr, /检查了 1 个文件：0 个错误，0 个警告；1 个文件未能检查/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('nianbao parse reads a PDF whose font needs the character maps (dist/cmaps)', () => {
    const figures = figuresOf(Object.values(EXPECTED)[1]);
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-pdf-'));
    try {
      const path = join(dir, 'report.pdf');
      writeFileSync(path, makePdf(typeset(LAYOUTS.find((l) => l.name === 'pdf-text')!.render(figures)), { cmap: true }));
      const r = spawnSync(process.execPath, ['bin/nianbao', 'parse', path], { encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, r.stderr);
      const total = JSON.parse(r.stdout).tables.t3['3.7'].total.value;
      assert.equal(total, Number(figures.cells.t3['3.7'].total));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
