import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { LineIndex } from '../../server/src/core/lineIndex';
import { EXPECTED } from '../core/expected';
import { renderDocx } from '../layouts/docx';
import { figuresOf } from '../layouts/figures';
import { placeKey, renderHtml } from '../layouts/html';

// The command line on web pages and Word files among text drafts: a page's findings at their line and
// column in its HTML (and its fixes as edits of the HTML), a Word file's in the draft made of it, and
// the files that cannot be read named with their reason. Runs the built CLI (bin/nianbao).

function nianbao(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/nianbao', ...args], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined, `nianbao ${args.join(' ')} did not finish: ${r.error}`);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-documents-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

// Seed 002 with 56 for the 55 of table 3's 一、本年新收 · 自然人.
const figures = figuresOf(EXPECTED['002']);
figures.cells.t3['1'] = { ...figures.cells.t3['1'], natural: '56' };
const { html, places } = renderHtml(figures, { split: false });
const idx = new LineIndex(html);
const place = places.get(placeKey('t3', '1', 'natural'))!;
const CELL = idx.range(place.start, place.end);
const page = join(tmp, 'report.html');
const word = join(tmp, 'report.docx');

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
    writeFileSync(join(dir, 'old.docx'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from('WordDocument', 'utf16le')]));
    const r = nianbao('check', dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /old\.docx：是旧版 \.doc 格式，请在 Word 中另存为 \.docx/);
    assert.match(r.stderr, /random\.docx：不是有效的 Word 文件（可能已损坏或不完整）/);
    assert.match(r.stderr, /检查了 1 个文件：1 个错误，0 个警告；2 个文件未能检查/);
  });
});
