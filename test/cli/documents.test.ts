import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { EXPECTED } from '../core/expected';
import { renderDocx } from '../layouts/docx';
import { figuresOf } from '../layouts/figures';
import { placeKey, renderHtml } from '../layouts/html';
import { renderHtmlInText } from '../layouts/htmlInText';
import { assertValidSarif } from './sarifSchema';
import { nianbao, scratch } from './runCli';

// The command line on web pages and Word files among text drafts: a page's findings at their line and
// column in its HTML (and its fixes as edits of the HTML), a Word file's in the draft made of it, and
// the files that cannot be read named with their reason. Runs the built CLI (bin/nianbao).

const tmp = scratch('documents');

// Seed 002 with 56 for the 55 of table 3's 一、本年新收 · 自然人.
const figures = figuresOf(EXPECTED['002']);
figures.cells.t3['1'] = { ...figures.cells.t3['1'], natural: '56' };
const { html, places } = renderHtml(figures, { split: false });
const idx = new LineIndex(html);
const place = places.get(placeKey('t3', '1', 'natural'))!;
const CELL = idx.range(place.start, place.end);
const page = join(tmp, 'report.html');
const word = join(tmp, 'report.docx');
/** Seed 002 saved as Word 97–2003 (test/fixtures/doc): no error in it. */
const DOC = join('test', 'fixtures', 'doc', '002.doc');

before(async () => {
  writeFileSync(page, html);
  writeFileSync(word, await renderDocx(figures));
  copyFileSync(join('test', 'fixtures', 'seeds', '001_f7e86f2ed0717179.txt'), join(tmp, 'seed001.txt'));
});

describe('check: web pages and Word files', () => {
  test('a web page: the wrong cell at its line and column in the HTML', () => {
    const r = nianbao('check', page);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, `${page}:${CELL.start.line + 1}:${CELL.start.character + 1} error table3-balance ${r.stdout.split(' table3-balance ')[1]}`);
    assert.match(r.stdout, /应为 55/);
  });

  test('--format json: the range and the fix are the HTML\'s', () => {
    const [entry] = JSON.parse(nianbao('check', '--format', 'json', page).stdout);
    assert.equal(entry.diagnostics.length, 1);
    assert.deepEqual(entry.diagnostics[0].range, CELL);
    assert.deepEqual(entry.diagnostics[0].fix.edits, [{ range: CELL, newText: '55' }]);
  });

  test('a folder with a web page and a Word file among text files: every one checked', () => {
    const r = nianbao('check', tmp);
    assert.equal(r.code, 1, r.stderr);
    const files = r.stdout.split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual([...new Set(files)].sort(), [page, word].sort());
    assert.match(r.stderr, /检查了 3 个文件：2 个错误/);
  });

  test('Word files that cannot be read are named with their reason; the others are checked', () => {
    const dir = mkdtempSync(join(tmp, 'bad-'));
    copyFileSync(page, join(dir, 'good.html'));
    writeFileSync(join(dir, 'random.docx'), Buffer.from('this is not a zip file, but a text someone renamed'));
    // A .doc renamed .docx is read as the .doc it is; a .wps of an old WPS (no Word format) is not.
    copyFileSync(DOC, join(dir, 'old.docx'));
    writeFileSync(join(dir, 'old.wps'), Buffer.from('an old WPS format, not Word\'s'));
    const r = nianbao('check', dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /old\.wps：不是 Word 97–2003 格式的文件/);
    assert.match(r.stderr, /random\.docx：不是有效的 Word 文件（可能已损坏或不完整）/);
    assert.match(r.stderr, /检查了 2 个文件：1 个错误，0 个警告；2 个文件未能检查/);
  });
});

describe('check: a Markdown draft with HTML tables (a PDF converted by MinerU)', () => {
  const { text } = renderHtmlInText(figures, 'mineru');
  const good = renderHtmlInText(figuresOf(EXPECTED['002']), 'mineru').text;
  const at = renderHtmlInText(figures, 'mineru').places.get(placeKey('t3', '1', 'natural'))!;
  const cell = new LineIndex(text).range(at.start, at.end);

  test('the wrong cell at its line and column in the Markdown; --fix rewrites that number, and only it', () => {
    const dir = mkdtempSync(join(tmp, 'mineru-'));
    const md = join(dir, 'report.md');
    writeFileSync(md, text);
    const r = nianbao('check', md);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.split(' table3-balance ')[0], `${md}:${cell.start.line + 1}:${cell.start.character + 1} error`);
    const fixed = nianbao('check', '--fix', md);
    assert.match(fixed.stderr, /已修正 .*report\.md：1 处/);
    assert.equal(readFileSync(md, 'utf8'), good);
  });
});

const PDF = join('test', 'fixtures', 'corpus', 'huaian-city_2024.pdf');

describe('check: a reviewer\'s folder of every format, a corrupt file among them', () => {
  const dir = mkdtempSync(join(tmp, 'mixed-'));
  before(() => {
    copyFileSync(page, join(dir, 'a.html'));
    copyFileSync(word, join(dir, 'b.docx'));
    copyFileSync(PDF, join(dir, 'c.pdf'));
    copyFileSync(join('test', 'fixtures', 'seeds', '001_f7e86f2ed0717179.txt'), join(dir, 'd.txt'));
    writeFileSync(join(dir, 'e.pdf'), readFileSync(PDF).subarray(0, 5000)); // a download cut short
    writeFileSync(join(dir, 'f.docx'), readFileSync(word).subarray(0, 3000));
    copyFileSync(DOC, join(dir, 'g.doc'));
  });

  test('the others are checked, the corrupt ones named, exit 1 for the errors found', () => {
    const r = nianbao('check', dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /e\.pdf：.*(不完整|损坏)/);
    assert.match(r.stderr, /f\.docx：不是有效的 Word 文件/);
    assert.match(r.stderr, /检查了 5 个文件：2 个错误，.*；2 个文件未能检查/);
  });

  test('SARIF validates; the web page\'s result has its region in the HTML, the Word file\'s none; the corrupt files are notifications', () => {
    const log = JSON.parse(nianbao('check', '--format', 'sarif', dir).stdout);
    assertValidSarif(log);
    const [run] = log.runs;
    const located = (name: string) => run.results.filter((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0].physicalLocation.artifactLocation.uri.endsWith(name));
    const [inPage] = located('a.html');
    assert.deepEqual(inPage.locations[0].physicalLocation.region, {
      startLine: CELL.start.line + 1, startColumn: CELL.start.character + 1, endLine: CELL.end.line + 1, endColumn: CELL.end.character + 1,
    });
    assert.equal(located('b.docx')[0].locations[0].physicalLocation.region, undefined);
    const notes = run.invocations[0].toolExecutionNotifications.map((n: { message: { text: string } }) => n.message.text).join('\n');
    assert.match(notes, /e\.pdf|不完整|损坏/);
    assert.equal(run.invocations[0].toolExecutionNotifications.length, 2);
  });

  test('exit 2 when nothing named could be checked', () => {
    assert.equal(nianbao('check', join(dir, 'e.pdf'), join(dir, 'f.docx')).code, 2);
  });

  test('a glob the shell did not expand is expanded: only the files it names', () => {
    const r = nianbao('check', join(dir, '*.htm?'));
    assert.match(r.stderr, /检查了 1 个文件/);
    assert.ok(r.stdout.split('\n').filter(Boolean).every((l) => l.startsWith(join(dir, 'a.html'))), r.stdout);
    assert.match(nianbao('check', join(dir, '**', '*.nothing')).stderr, /没有与 .*\*\.nothing 匹配的文件/);
  });
});

describe('convert: a web page, a Word file (.docx, .doc) and a PDF become drafts that read back with every cell', () => {
  /** Every cell's value, by table, row and column, as `nianbao parse` reads the file. */
  const cells = (file: string) => {
    const r = nianbao('parse', file);
    assert.equal(r.code, 0, r.stderr);
    const { tables } = JSON.parse(r.stdout) as { tables: Record<string, Record<string, Record<string, { value: number | null }>>> };
    const out: Record<string, number | null> = {};
    for (const [t, rows] of Object.entries(tables)) for (const [row, cols] of Object.entries(rows)) for (const [col, c] of Object.entries(cols)) out[`${t} ${row} ${col}`] = c.value;
    return out;
  };
  for (const [name, file] of [['web page', page], ['Word file', word], ['Word 97–2003 file', DOC], ['PDF', PDF]] as const) {
    for (const to of ['md', 'txt']) {
      test(`${name} → ${to}`, () => {
        const before = cells(file);
        assert.equal(Object.keys(before).length, 200, 'every cell of the document');
        const out = join(tmp, `converted-${name.replace(/ /g, '-')}.${to}`);
        const r = nianbao('convert', file, '--to', to, '--out', out);
        assert.equal(r.code, 0, r.stderr);
        assert.deepEqual(cells(out), before);
      });
    }
  }
});
