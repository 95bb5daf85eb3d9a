import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { nianbao, scratch } from './runCli';

// Runs the built CLI (dist/cli.js through bin/nianbao) as a user would; tests run from the repo root.

const SEEDS = join('test', 'fixtures', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const SEED_002 = join(SEEDS, seeds.find((f) => f.startsWith('002_'))!);
const SEED_001 = join(SEEDS, seeds.find((f) => f.startsWith('001_'))!);
/** What each seed gets at warning and error severity (shared with the core and e2e tests). */
const SEED_FINDINGS: Record<string, { code: string; line: number; column: number }[]> =
  JSON.parse(readFileSync(join('test', 'fixtures', 'seed-findings.json'), 'utf8'));
/** The error lines only: the injected copies of seed 002 keep that seed's own warnings. */
const errorLines = (stdout: string) => stdout.split('\n').filter((l) => / error /.test(l));

const tmp = scratch('cli');

/** Seed 002 with table 3 “一、本年新收” · 自然人 changed from 55 to 56; the line (0-based) of that cell. */
function injectedCopy(): { path: string; line: number } {
  const lines = readFileSync(SEED_002, 'utf8').split('\n');
  const line = lines.findIndex((l) => l.includes('一、本年新收')) + 1;
  assert.equal(lines[line], '\t55');
  lines[line] = '\t56';
  const path = join(tmp, 'injected.txt');
  writeFileSync(path, lines.join('\n'));
  return { path, line };
}

const keys = (o: object) => Object.keys(o).sort();
const RANGE_KEYS = ['end', 'start'];
const POSITION_KEYS = ['character', 'line'];

function assertRange(r: { start: object; end: object }) {
  assert.deepEqual(keys(r), RANGE_KEYS);
  assert.deepEqual(keys(r.start), POSITION_KEYS);
  assert.deepEqual(keys(r.end), POSITION_KEYS);
}

describe('nianbao check', () => {
  for (const seed of seeds) {
    test(`${seed}: one line per expected warning, exit 0`, () => {
      const path = join(SEEDS, seed);
      const r = nianbao('check', path);
      const expected = SEED_FINDINGS[seed].map((f) => `${path}:${f.line}:${f.column} warning ${f.code} `);
      const lines = r.stdout.split('\n').filter(Boolean);
      assert.equal(lines.length, expected.length, r.stdout);
      lines.forEach((l, i) => assert.ok(l.startsWith(expected[i]), `${l}\n  expected ${expected[i]}…`));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`检查了 1 个文件：0 个错误，${expected.length} 个警告`));
    });
  }

  test('a wrong number: exit 1 and a line file:L:C error table3-balance at the cell', () => {
    const { path, line } = injectedCopy();
    const r = nianbao('check', path);
    assert.equal(r.code, 1);
    const lines = errorLines(r.stdout);
    assert.equal(lines.length, 1);
    // 1-based: the number stands after the tab that indents the cell.
    assert.ok(lines[0].startsWith(`${path}:${line + 1}:2 error table3-balance `), lines[0]);
    assert.match(r.stderr, /1 个错误/);
  });

  test('--format json has exactly the documented keys, and the fix restores the number', () => {
    const { path, line } = injectedCopy();
    const r = nianbao('check', '--format', 'json', path);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout);
    assert.ok(Array.isArray(out) && out.length === 1);
    assert.deepEqual(keys(out[0]), ['diagnostics', 'file']);
    assert.equal(out[0].file, path);
    const errors = out[0].diagnostics.filter((x: { severity: string }) => x.severity === 'error');
    assert.equal(errors.length, 1);
    const d = errors[0];
    assert.deepEqual(keys(d), ['code', 'fix', 'message', 'range', 'severity']);
    assert.equal(d.code, 'table3-balance');
    assert.equal(d.severity, 'error');
    assert.equal(typeof d.message, 'string');
    assertRange(d.range);
    assert.deepEqual(d.range, { start: { line, character: 1 }, end: { line, character: 3 } });
    assert.deepEqual(keys(d.fix), ['edits', 'safe', 'title']);
    assert.equal(d.fix.safe, true, 'a cell the identities pin');
    assert.equal(typeof d.fix.title, 'string');
    assert.equal(d.fix.edits.length, 1);
    assert.deepEqual(keys(d.fix.edits[0]), ['newText', 'range']);
    assertRange(d.fix.edits[0].range);
    assert.deepEqual(d.fix.edits[0].range, d.range);
    assert.equal(d.fix.edits[0].newText, '55');
  });

  test('--format json lists a clean file with no diagnostics and no fix key', () => {
    const r = nianbao('check', '--format=json', SEED_001);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), [{ file: SEED_001, diagnostics: [] }]);
  });

  test('a BOM is stripped, so positions match the editor', () => {
    const { path, line } = injectedCopy();
    const bom = join(tmp, 'bom.txt');
    writeFileSync(bom, '\ufeff' + readFileSync(path, 'utf8'));
    assert.ok(errorLines(nianbao('check', bom).stdout)[0].startsWith(`${bom}:${line + 1}:2 error table3-balance `));
  });

  test('columns count UTF-16 units, as editors do, after a character beyond the BMP (𠀀)', () => {
    const seed = seeds.find((f) => f.startsWith('000_'))!;
    const [f] = SEED_FINDINGS[seed]; // 行政诉讼 2 件
    const lines = readFileSync(join(SEEDS, seed), 'utf8').split('\n');
    lines[f.line - 1] = '𠀀' + lines[f.line - 1];
    const path = join(tmp, 'astral.txt');
    writeFileSync(path, lines.join('\n'));
    assert.ok(nianbao('check', path).stdout.startsWith(`${path}:${f.line}:${f.column + 2} warning ${f.code} `));
  });

  test('more files than are read in one go: every one, in order, in the output and the summary', () => {
    const dir = join(tmp, 'many');
    mkdirSync(dir);
    const names = Array.from({ length: 70 }, (_, i) => `r${String(i).padStart(2, '0')}.txt`);
    for (const name of names) copyFileSync(SEED_001, join(dir, name));
    copyFileSync(injectedCopy().path, join(dir, names[66]));
    const r = nianbao('check', '--format', 'json', dir);
    assert.equal(r.code, 1);
    const files = JSON.parse(r.stdout).map((f: { file: string; diagnostics: unknown[] }) => [f.file, f.diagnostics.length]);
    assert.deepEqual(files, names.map((n, i) => [join(dir, n), i === 66 ? 4 : 0]));
    assert.match(nianbao('check', dir).stderr, /检查了 70 个文件：1 个错误，3 个警告/);
  });

  test('a file far larger than the read buffer, then a small one: both read whole', () => {
    const { path: injected, line } = injectedCopy();
    const big = join(tmp, 'big.txt');
    // ~270 KB of UTF-8: the buffer files are read into (64 KB at first) must grow.
    writeFileSync(big, `${readFileSync(injected, 'utf8')}\n${'这是一段很长的附注。'.repeat(9000)}\n`);
    const both = nianbao('check', big, SEED_002);
    const alone = nianbao('check', SEED_002);
    assert.ok(alone.stdout.length > 0);
    assert.equal(both.code, 1);
    assert.deepEqual(errorLines(both.stdout), errorLines(nianbao('check', injected).stdout).map((l) => l.replace(injected, big)));
    assert.ok(errorLines(both.stdout)[0].startsWith(`${big}:${line + 1}:`));
    assert.ok(both.stdout.endsWith(alone.stdout), 'the small file after the big one reads as it does alone');
  });

  test('a directory: every .txt and .md inside, recursively', () => {
    const dir = join(tmp, 'dir');
    mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
    copyFileSync(SEED_001, join(dir, 'a.txt'));
    copyFileSync(SEED_001, join(dir, 'sub', 'b.md'));
    copyFileSync(injectedCopy().path, join(dir, 'sub', 'deeper', 'c.txt'));
    writeFileSync(join(dir, 'notes.docx'), 'not a report');
    const r = nianbao('check', '--format', 'json', dir);
    assert.equal(r.code, 1);
    // The .docx that is not one: in the array with its error, and no diagnostics.
    const files = JSON.parse(r.stdout).filter((f: { error?: object }) => !f.error).map((f: { file: string; diagnostics: unknown[] }) => [f.file, f.diagnostics.length]);
    assert.deepEqual(files, [[join(dir, 'a.txt'), 0], [join(dir, 'sub', 'b.md'), 0], [join(dir, 'sub', 'deeper', 'c.txt'), 4]]);
    assert.equal(JSON.parse(r.stdout).filter((f: { file: string; error?: object }) => f.error && f.file === join(dir, 'notes.docx')).length, 1);
    assert.match(nianbao('check', dir).stderr, /检查了 3 个文件：1 个错误，3 个警告/);
  });

  test('a missing file: a message naming it; the other file is checked all the same', () => {
    const r = nianbao('check', SEED_002, 'no-such-report.txt');
    assert.equal(r.code, 0);
    assert.equal(r.stdout, nianbao('check', SEED_002).stdout);
    assert.match(r.stderr, /无法读取 no-such-report\.txt：文件不存在/);
    assert.equal(nianbao('check', 'no-such-report.txt').code, 2);
  });

  test('a file in GBK is read as GBK', () => {
    const gbk = join(tmp, 'gbk.txt');
    writeFileSync(gbk, Buffer.from([0xc4, 0xea, 0xb1, 0xa8])); // 年报 in GBK
    const r = nianbao('check', '--verbose', gbk);
    assert.match(r.stderr, /编码 GB18030（兼容 GBK）/);
    assert.match(r.stderr, /检查了 1 个文件/);
  });

  test('an unknown option: exit 2, the message and the usage', () => {
    const r = nianbao('check', '--strict', SEED_002);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /未知选项：--strict/);
    assert.match(r.stderr, /用法：/);
  });

  test('a bad option value or no file: exit 2', () => {
    assert.equal(nianbao('check', '--format', 'xml', SEED_002).code, 2);
    assert.equal(nianbao('check').code, 2);
    assert.equal(nianbao('frobnicate').code, 2);
  });

  test('--locale en: English messages and summary', () => {
    const r = nianbao('check', '--locale', 'en', injectedCopy().path);
    assert.match(r.stdout, /table3-balance Table 3/);
    assert.match(r.stderr, /Checked 1 file/);
  });
});

describe('nianbao parse', () => {
  test('seed 002: t3 row 1 natural 55 and total 63, ranges on those numbers', () => {
    const r = nianbao('parse', '--format', 'json', SEED_002);
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    assert.deepEqual(keys(model), ['file', 'format', 'pictures', 'problems', 'sections', 'tables', 'year']);
    assert.deepEqual(model.problems, {});
    assert.equal(model.year, 2024);
    assert.equal(model.format, '2021');
    assert.deepEqual(model.sections.map((s: { number: number }) => s.number), [1, 2, 3, 4, 5, 6]);
    for (const s of model.sections) { assert.deepEqual(keys(s), ['number', 'range', 'title']); assertRange(s.range); }
    assert.deepEqual(keys(model.tables), ['t2', 't3', 't4']);

    const lines = readFileSync(SEED_002, 'utf8').split('\n');
    const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => {
      assert.equal(r.start.line, r.end.line);
      return lines[r.start.line].slice(r.start.character, r.end.character);
    };
    const row1 = model.tables.t3['1'];
    for (const cell of Object.values(row1) as object[]) assert.deepEqual(keys(cell), ['range', 'raw', 'value']);
    assert.equal(row1.natural.value, 55);
    assert.equal(row1.natural.raw, '55');
    assert.equal(at(row1.natural.range), '55');
    assert.equal(row1.total.value, 63);
    assert.equal(at(row1.total.range), '63');
  });

  test('Pingtan (flattened web text): cells cut from run-together digits are marked inferred; what the reader could not read is listed per table', () => {
    const r = nianbao('parse', '--format', 'json', join('test', 'fixtures', 'corpus', 'pingtan_2022_flattened-web-text.txt'));
    assert.equal(r.code, 0, r.stderr);
    const model = JSON.parse(r.stdout);
    const row1 = model.tables.t3['1'];
    assert.deepEqual([row1.natural.value, row1.commercial.value, row1.total.value], [71, 3, 74]);
    assert.equal(row1.natural.inferred, true);
    assert.deepEqual(keys(row1.natural), ['inferred', 'range', 'raw', 'value']);
    for (const problems of Object.values(model.problems) as { kind: string; range: { start: object; end: object } }[][]) {
      for (const p of problems) { assert.ok(['too-few', 'too-many', 'ambiguous', 'unreadable', 'stray'].includes(p.kind)); assertRange(p.range); }
    }
  });

  test('Shanghai (a PDF converted to Markdown): the numbers of table 2 astray are listed as problems', () => {
    const r = nianbao('parse', '--format', 'json', join('test', 'fixtures', 'corpus', 'shanghai-govoffice_2025_pdf-to-markdown.md'));
    const model = JSON.parse(r.stdout);
    assert.deepEqual(model.problems.t2.map((p: { kind: string }) => p.kind).sort(), ['stray', 'stray', 'unreadable', 'unreadable']);
    assert.equal(model.tables.t3['3.5.5'].total.value, 0);
  });

  test('a table given as a picture: listed under pictures, and check says it is unreadable, not missing', () => {
    // Seed 002 with table 3 as a PDF-to-Markdown converter writes a table it could not read.
    const lines = readFileSync(SEED_002, 'utf8').split('\n');
    const from = lines.findIndex((l) => l.includes('申请人情况')), to = lines.findIndex((l) => l.startsWith('四、'));
    const path = join(tmp, 'picture.md');
    writeFileSync(path, [...lines.slice(0, from), '![](images/8c1f0e.jpg)', ...lines.slice(to)].join('\n'));
    const model = JSON.parse(nianbao('parse', '--format', 'json', path).stdout);
    assert.deepEqual(Object.keys(model.pictures), ['t3']);
    assert.equal(model.pictures.t3.start.line, from);
    assert.equal(model.tables.t3, undefined);
    const found = nianbao('check', path).stdout;
    assert.match(found, new RegExp(`:${from + 1}:1 warning table-unreadable 表三是图片`));
    assert.doesNotMatch(found, /table-missing/);
  });

  test('a directory or a missing file: exit 2', () => {
    assert.equal(nianbao('parse', SEEDS).code, 2);
    assert.equal(nianbao('parse', 'no-such-report.txt').code, 2);
  });
});

describe('nianbao rules, --help, --version', () => {
  test('rules lists every code with severity and Chinese title', () => {
    const r = nianbao('rules');
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^table3-balance\s+error\s+表三各列/m);
  });

  test('--help and -h print the usage; --version the package version', () => {
    assert.match(nianbao('--help').stdout, /用法：/);
    assert.match(nianbao('check', '-h').stdout, /nianbao check/);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(nianbao('--version').stdout.trim(), version);
  });

  test('bin/nianbao runs as a command through its #! line, as installed, with the same output', { skip: process.platform === 'win32' }, () => {
    const r = spawnSync('./bin/nianbao', ['check', SEED_002], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.error, undefined);
    assert.deepEqual({ code: r.status, stdout: r.stdout, stderr: r.stderr }, nianbao('check', SEED_002));
    assert.match(r.stdout, /\S/);
  });
});
