import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { checkOne, emptyResult } from '../../server/src/cli/batch';
import { main } from '../../server/src/cli/main';
import { unifiedDiff } from '../../server/src/cli/diff';
import { eachCell } from '../../server/src/core/model';
import { check, RULES, type Finding } from '../../server/src/core/service';
import { draftToMarkdown } from '../../server/src/import/draft';
import { assertValidSarif } from './sarifSchema';
import { nianbao, scratch } from './runCli';

// The reviewer's batch workflow: the per-rule summary, SARIF (validated against the published schema),
// --jobs, the progress line, --fix and --fix --dry-run, and convert. Runs the built CLI (bin/nianbao)
// from the repo root, like cli.test.ts.

const SEEDS = join('test', 'fixtures', 'seeds');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string) => join(SEEDS, seeds.find((f) => f.startsWith(prefix))!);
const SEED_001 = seed('001_'); // no findings
const SEED_002 = seed('002_'); // three warnings, two of them fixable (section-numbering)
const SEED_003 = seed('003_');

const tmp = scratch('batch');
let n = 0;
const folder = () => { const dir = join(tmp, `d${n++}`); mkdirSync(dir); return dir; };

/** Seed 002 with table 3 “一、本年新收” · 自然人 55 → 56: one error (table3-balance) with a fix, besides its warnings. */
function injectedText(): string {
  const text = readFileSync(SEED_002, 'utf8').replace(/(一、本年新收[^\n]*\n\t)55\n/, '$156\n');
  assert.notEqual(text, readFileSync(SEED_002, 'utf8'));
  return text;
}

describe('the summary', () => {
  test('text: findings per rule (code, count, severity, title) before the summary line', () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), injectedText());
    copyFileSync(SEED_003, join(d, 'b.txt'));
    const r = nianbao('check', d, join(d, 'missing.txt'));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /各规则的问题数：\n {2}section-numbering +5 {2}警告 {2}部分标题的序号缺失或写错\n/);
    assert.match(r.stderr, / {2}table3-balance +1 {2}错误 {2}表三各列/);
    assert.match(r.stderr, /检查了 2 个文件：1 个错误，\d+ 个警告；1 个文件未能检查\n$/);
    const en = nianbao('check', '--locale', 'en', d);
    assert.match(en.stderr, /Findings per rule:\n {2}section-numbering +5 {2}warning {2}A section heading/);
  });

  test('a clean file: no per-rule lines', () => {
    assert.equal(nianbao('check', SEED_001).stderr, '检查了 1 个文件：0 个错误，0 个警告\n');
  });
});

describe('--format sarif', () => {
  const valid = assertValidSarif;

  const d = folder();
  const wrong = join(d, 'wrong.txt');
  writeFileSync(wrong, injectedText());
  const missing = join(d, 'missing.txt');
  const r = nianbao('check', '--format', 'sarif', wrong, SEED_003, missing);
  const log = JSON.parse(r.stdout) as Sarif.Log;

  test('valid against the SARIF 2.1.0 schema; exit code as with text', () => {
    valid(log);
    assert.equal(r.code, 1);
    assert.equal(log.version, '2.1.0');
    valid(JSON.parse(nianbao('check', '--format', 'sarif', SEED_001).stdout));
    valid(JSON.parse(nianbao('check', '--format', 'sarif', '--locale', 'en', missing).stdout));
  });

  test('the tool and every rule, in the locale asked for, with a link to its docs', () => {
    const { driver } = log.runs[0].tool;
    assert.equal(driver.name, 'nianbao');
    assert.equal(driver.version, JSON.parse(readFileSync('package.json', 'utf8')).version);
    assert.match(driver.informationUri!, /^file:\/\/.*README\.md$/);
    assert.deepEqual(driver.rules!.map((x) => x.id), RULES.map((x) => x.code));
    const balance = driver.rules!.find((x) => x.id === 'table3-balance')!;
    assert.equal(balance.shortDescription!.text, RULES.find((x) => x.code === 'table3-balance')!.title.zh);
    assert.equal(balance.defaultConfiguration!.level, 'error');
    assert.match(balance.helpUri!, /^file:\/\/.*\/docs\/rules\/table3-balance\.md$/);
    assert.equal(driver.rules!.find((x) => x.id === 'cell-ambiguous')!.defaultConfiguration!.level, 'note');
    const en = JSON.parse(nianbao('check', '--format', 'sarif', '--locale', 'en', SEED_001).stdout) as Sarif.Log;
    assert.equal(en.runs[0].tool.driver.rules![0].shortDescription!.text, RULES[0].title.en);
  });

  test('a result per finding: rule, level, message, 1-based region in UTF-16 units, relative URI, the fix', () => {
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.match(run.originalUriBaseIds!['%SRCROOT%'].uri!, /^file:\/\/.*\/$/);
    const text = injectedText();
    const findings = check(text).findings;
    const mine = run.results!.filter((x) => x.locations![0].physicalLocation!.artifactLocation!.uri!.endsWith('wrong.txt'));
    assert.equal(mine.length, findings.length);
    const balance = mine.find((x) => x.ruleId === 'table3-balance')!;
    const f = findings.find((x) => x.code === 'table3-balance')!;
    assert.equal(balance.level, 'error');
    assert.equal(balance.message.text, f.message);
    assert.equal(RULES[balance.ruleIndex!].code, 'table3-balance');
    const loc = balance.locations![0].physicalLocation!;
    // Outside the folder nianbao ran in (a temporary one): an absolute file URI.
    assert.equal(loc.artifactLocation!.uriBaseId, undefined);
    assert.equal(loc.artifactLocation!.uri, pathToFileURL(wrong).href);
    // Inside it: relative to %SRCROOT%, with '/' between the parts whatever the system.
    const inside = run.results!.find((x) => x.locations![0].physicalLocation!.artifactLocation!.uriBaseId)!;
    assert.equal(inside.locations![0].physicalLocation!.artifactLocation!.uri, SEED_003.split(sep).join('/'));
    assert.deepEqual(loc.region, { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 });
    const [fix] = balance.fixes!;
    assert.deepEqual(fix.artifactChanges[0].replacements[0], { deletedRegion: loc.region, insertedContent: { text: '55' } });
    // The seed's results follow, in the order of the files.
    const files = run.results!.map((x) => x.locations![0].physicalLocation!.artifactLocation!.uri!);
    assert.deepEqual([...new Set(files)].map((u) => u.split('/').pop()), ['wrong.txt', SEED_003.split('/').pop()]);
  });

  test('a file that could not be read: an error notification with the reason; the run still successful', () => {
    const [invocation] = log.runs[0].invocations!;
    assert.equal(invocation.executionSuccessful, true);
    assert.equal(invocation.exitCode, 1);
    const [note] = invocation.toolExecutionNotifications!;
    assert.equal(note.level, 'error');
    assert.equal(note.descriptor!.id, 'unreadable');
    assert.match(note.message.text!, /文件不存在/);
    assert.match(note.locations![0].physicalLocation!.artifactLocation!.uri!, /missing\.txt$/);
    const none = JSON.parse(nianbao('check', '--format', 'sarif', missing).stdout) as Sarif.Log;
    assert.equal(none.runs[0].invocations![0].executionSuccessful, false);
  });
});

describe('--jobs', () => {
  const d = folder();
  for (let i = 0; i < 60; i++) {
    const name = `r${String(i).padStart(2, '0')}.txt`;
    if (i % 7 === 3) writeFileSync(join(d, name), injectedText());
    else if (i % 11 === 5) writeFileSync(join(d, name), Buffer.from([0x41, 0xff, 0xfe, 0x0a])); // not checked
    else copyFileSync(seeds.map((s) => join(SEEDS, s))[i % seeds.length], join(d, name));
  }

  for (const format of ['text', 'json', 'sarif']) {
    test(`--jobs 2 and auto print what --jobs 1 prints, in the same order (${format})`, () => {
      const one = nianbao('check', '--format', format, d);
      assert.equal(one.code, 1);
      assert.deepEqual(nianbao('check', '--format', format, '--jobs', '2', d), one);
      assert.deepEqual(nianbao('check', '--format', format, '--jobs=auto', d), one);
    });
  }

  test('more threads than files, and a bad value', () => {
    assert.deepEqual(nianbao('check', '--jobs', '8', SEED_002), nianbao('check', SEED_002));
    const r = nianbao('check', '--jobs', 'many', SEED_002);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /选项 --jobs 的值无效：many/);
  });
});

describe('the progress line', () => {
  const d = folder();
  for (let i = 0; i < 55; i++) copyFileSync(SEED_001, join(d, `r${i}.txt`));

  test('on a terminal, for more than 50 files: 检查中 n/total, rewritten with \\r and cleared', async () => {
    let err = '', out = '';
    const code = await main(['check', d], { stdout: (s) => { out += s; }, stderr: (s) => { err += s; }, tty: true });
    assert.equal(code, 0);
    assert.match(err, /^\r检查中 1\/55 …\x1b\[K/);
    assert.ok(err.includes('\r\x1b[K检查了 55 个文件'), JSON.stringify(err.slice(-80)));
    assert.equal(out, '');
  });

  test('never when stderr is not a terminal', () => {
    const r = nianbao('check', d);
    assert.ok(!r.stderr.includes('\r') && !r.stderr.includes('检查中'), r.stderr);
  });
});

describe('--fix', () => {
  test('a mutated seed in GB18030 with CRLF: fixed in place, its encoding and line breaks kept; what remains is reported', () => {
    const d = folder();
    const path = join(d, 'report.txt');
    const gb = new TextDecoder('gb18030', { fatal: true });
    // The GBK copy of seed 002 with CRLF (0x0a is never inside a GBK character), and the cell 55 → 56.
    const bytes = Buffer.from(readFileSync(join('test', 'fixtures', 'encodings', '002_5381253050f8893c.gbk.txt'), 'latin1').replace(/\n/g, '\r\n'), 'latin1');
    const lines = gb.decode(bytes).split('\r\n');
    const line = lines.findIndex((l) => l.includes('一、本年新收')) + 1;
    let offset = 0;
    for (let i = 0; i < line; i++) offset = bytes.indexOf(0x0a, offset) + 1;
    assert.equal(bytes.subarray(offset, offset + 5).toString('latin1'), '\t55\r\n');
    bytes[offset + 2] = 0x36;
    writeFileSync(path, bytes);
    assert.match(nianbao('check', path).stdout, / error table3-balance /);

    const r = nianbao('check', '--fix', '--verbose', path);
    assert.match(r.stderr, /编码 GB18030/);
    assert.match(r.stderr, new RegExp(`nianbao：已修正 ${path}：\\d+ 处\n`));
    assert.equal(r.code, 0, 'the error was fixed');
    const after = readFileSync(path);
    const back = gb.decode(after);
    assert.ok(!/[^\r]\n/.test(back), 'CRLF kept');
    assert.equal(back.split('\r\n')[line], '\t55');
    // Only the fixed places changed: the other lines are the very bytes they were.
    const fixed = check(back).findings;
    assert.equal(fixed.filter((f) => f.fix?.safe).length, 0, 'every safe fix applied (the others are left to the author)');
    assert.deepEqual(r.stdout.split('\n').filter(Boolean).map((l) => l.split(' ')[2]), fixed.map((f) => f.code));
    const edits = Number(/：(\d+) 处/.exec(r.stderr)![1]);
    const [was, now] = [bytes, after].map((b) => b.toString('latin1').split('\n'));
    assert.equal(now.length, was.length);
    assert.equal(now.filter((l, i) => l !== was[i]).length, edits, 'one line changed per edit, the others byte for byte');
  });

  test('UTF-8 with BOM and UTF-16LE: kept', () => {
    const d = folder();
    const bom = join(d, 'bom.txt'), utf16 = join(d, 'utf16.txt');
    writeFileSync(bom, '\ufeff' + injectedText());
    writeFileSync(utf16, Buffer.from('\ufeff' + injectedText(), 'utf16le'));
    const r = nianbao('check', '--fix', bom, utf16);
    assert.equal(r.code, 0, r.stderr);
    const b = readFileSync(bom);
    assert.deepEqual([...b.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(b.toString('utf8').includes('\n\t55\n'));
    const u = readFileSync(utf16);
    assert.deepEqual([...u.subarray(0, 2)], [0xff, 0xfe]);
    assert.ok(u.toString('utf16le').includes('\n\t55\n'));
  });

  test('--dry-run: a unified diff on stdout; the file left byte for byte as it was', () => {
    const d = folder();
    const path = join(d, 'wrong.txt');
    writeFileSync(path, injectedText());
    const before = readFileSync(path);
    const r = nianbao('check', '--fix', '--dry-run', path);
    assert.deepEqual(readFileSync(path), before);
    assert.ok(r.stdout.startsWith(`--- ${path}\n+++ ${path}\n@@ `), r.stdout);
    assert.match(r.stdout, /\n-\t56\n\+\t55\n/);
    assert.match(r.stderr, /可修正 .*wrong\.txt：\d+ 处（--dry-run，未修改）/);
    // The diff applies: patch it onto a copy.
    const lines = r.stdout;
    assert.equal(unifiedDiff(path, path, before.toString('utf8'), before.toString('utf8')), '');
    assert.ok(lines.split('\n').filter((l) => l.startsWith('@@')).length >= 1);
    assert.equal(r.code, 0, 'what would remain has no error');
  });

  test('a read-only file: a clear message, the file unchanged, its error still reported', () => {
    const d = folder();
    const path = join(d, 'locked.txt');
    writeFileSync(path, injectedText());
    chmodSync(path, 0o444);
    const before = readFileSync(path);
    const r = nianbao('check', '--fix', path);
    assert.deepEqual(readFileSync(path), before);
    assert.match(r.stderr, new RegExp(`nianbao：未修正 ${path}：文件是只读的，未修改\n`));
    assert.equal(r.code, 1);
    assert.match(r.stdout, / error table3-balance /);
    assert.match(nianbao('check', '--fix', '--locale', 'en', path).stderr, /not fixed .*: the file is read-only; not changed/);
  });

  test('a Word, PDF or web-page document is never written: named as not fixed, its findings reported', () => {
    const out = emptyResult();
    const text = injectedText();
    const path = join(folder(), 'report.docx');
    checkOne({ path, text, imported: { text, kind: 'docx' } }, { items: [], locale: 'zh', format: 'text', fix: { dryRun: false } }, out);
    assert.equal(out.fixes.length, 1);
    assert.match(out.fixes[0], /^nianbao：未修正 .*report\.docx：只修正 \.txt 和 \.md 文件（\d+ 个问题可修正；可先用 nianbao convert 转成草稿）\n$/);
    assert.equal(out.tally.errors, 1);
    assert.match(out.printed[0], / error table3-balance /);
    assert.throws(() => readFileSync(path), /ENOENT/);
  });

  test('usage: --dry-run needs --fix, and text output', () => {
    assert.equal(nianbao('check', '--dry-run', SEED_002).code, 2);
    assert.match(nianbao('check', '--fix', '--dry-run', '--format', 'json', SEED_002).stderr, /不能与 --format json 或 sarif 同用/);
    assert.match(nianbao('parse', '--fix', SEED_002).stderr, /parse 不接受选项 --fix/);
  });
});

describe('unifiedDiff', () => {
  test('an inserted line, a changed line, no final line break', () => {
    const a = 'a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk', b = 'a\nb\nX\nc\nd\ne\nf\ng\nh\ni\nj\nK';
    assert.equal(unifiedDiff('o', 'n', a, b), [
      '--- o', '+++ n', '@@ -1,5 +1,6 @@', ' a', ' b', '+X', ' c', ' d', ' e',
      '@@ -8,4 +9,4 @@', ' h', ' i', ' j', '-k', '\\ No newline at end of file', '+K', '\\ No newline at end of file', '',
    ].join('\n'));
  });
});

/** Each cell's value, by table, row and column; and the findings' codes, by the cell they are on (or '' for none). */
function readBack(text: string) {
  const { report, findings } = check(text);
  const cells: Record<string, number | string | null> = {};
  const places: { key: string; start: number; end: number; line: number }[] = [];
  for (const [t, table] of Object.entries(report.tables)) {
    if (!table) continue;
    eachCell(table, (cell, row, col) => {
      const key = `${t}/${row}/${col}`;
      cells[key] = cell.value ?? null;
      places.push({ key, line: cell.range.start.line, start: cell.range.start.character, end: cell.range.end.character });
    });
  }
  const on = (f: Finding) => places.find((p) => p.line === f.range.start.line && p.start <= f.range.start.character && f.range.start.character <= p.end)?.key ?? '';
  return { cells, codes: findings.map((f) => `${on(f)} ${f.code}`).sort() };
}

describe('convert', () => {
  for (const name of seeds) {
    test(`${name}: to md and to txt, read back: every cell with the same value, the same findings per cell`, () => {
      const path = join(SEEDS, name);
      const want = readBack(readFileSync(path, 'utf8'));
      assert.ok(Object.keys(want.cells).length > 100);
      for (const to of ['md', 'txt']) {
        const r = nianbao('convert', path, '--to', to);
        assert.equal(r.code, 0, r.stderr);
        const got = readBack(r.stdout);
        assert.deepEqual(got.cells, want.cells, to);
        assert.deepEqual(got.codes, want.codes, to);
      }
    });
  }

  test('tab-separated rows become a pipe table with a rule row; --out writes the file', () => {
    const d = folder();
    const src = join(d, 'draft.txt');
    const text = readFileSync(seed('000_'), 'utf8');
    writeFileSync(src, text);
    const out = join(d, 'draft.md');
    const r = nianbao('convert', src, '--to', 'md', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const md = readFileSync(out, 'utf8');
    assert.equal(md, draftToMarkdown(text));
    // The first row of a run is the header (here the sub-table's title, its empty cells kept), then the rule row.
    assert.match(md, /\n\n\| 第二十条第（一）项 \| {3}\| {3}\| {3}\|\n\| --- \| --- \| --- \| --- \|\n\| 信息内容 \| 本年制发件数 \| 本年废止件数 \| 现行有效件数 \|\n/);
    assert.match(md, /\n\| 规章 \| 0 \| 0 \| 0 \|\n/);
    // And back: the md to txt gives the tab-separated rows again.
    const back = nianbao('convert', out, '--to', 'txt');
    assert.match(back.stdout, /\n规章\t0\t0\t0\n/);
  });

  test('usage and errors', () => {
    assert.match(nianbao('convert', SEED_002).stderr, /convert 需要 --to md 或 --to txt/);
    assert.equal(nianbao('convert', 'missing.txt', '--to', 'md').code, 2);
    assert.match(nianbao('convert', SEED_002, '--to', 'md', '--out', join(tmp, 'no', 'such', 'dir.md')).stderr, /无法写入 .*：文件不存在/);
  });
});

describe('.nianbao.json', () => {
  test('a folder\'s settings file turns a rule off or changes its severity, as in the editor; a bad one is named once', () => {
    const d = folder();
    writeFileSync(join(d, 'a.txt'), injectedText());
    writeFileSync(join(d, 'b.txt'), injectedText());
    const before = nianbao('check', d);
    assert.match(before.stdout, / error table3-balance /);
    writeFileSync(join(d, '.nianbao.json'), JSON.stringify({ rules: { 'table3-balance': 'warning', 'prose-mismatch': 'off' } }));
    const r = nianbao('check', d);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, / warning table3-balance /);
    assert.doesNotMatch(r.stdout, /prose-mismatch/);
    assert.match(r.stderr, /table3-balance\s+2\s+警告/, 'the per-rule summary at the level the findings were shown at');
    // What remains after --fix (the seed's own prose-mismatch) is shown at the same levels: here, not at all.
    const fixed = nianbao('check', '--fix', d);
    assert.match(fixed.stderr, /已修正 .*a\.txt：3 处/);
    assert.doesNotMatch(fixed.stdout, /prose-mismatch/);
    writeFileSync(join(d, '.nianbao.json'), JSON.stringify({ rules: { 'table3-balance': 'loud', 'no-such-rule': 'off' } }));
    writeFileSync(join(d, 'a.txt'), injectedText());
    const bad = nianbao('check', d);
    assert.match(bad.stdout, / error table3-balance /);
    assert.equal(bad.stderr.split('\n').filter((l) => l.includes('.nianbao.json 有误')).length, 1, bad.stderr);
  });
});
