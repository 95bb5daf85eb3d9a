import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, test } from 'node:test';
import { readSource, systemError } from '../../server/src/cli/files';
import { nianbao, scratch } from './runCli';

// The command line on bad input, as a new user meets it: files that cannot be read among good ones,
// FIFOs and devices, symbolic links, binary files, system errors, empty files, and the encodings
// Chinese offices write (GBK, UTF-16). Runs the built CLI (bin/nianbao) from the repo root.

const SEEDS = join('test', 'fixtures', 'seeds');
const ENCODINGS = join('test', 'fixtures', 'encodings');
const seeds = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
const seed = (prefix: string) => join(SEEDS, seeds.find((f) => f.startsWith(prefix))!);
const SEED_001 = seed('001_'); // no findings
const SEED_002 = seed('002_'); // three warnings
const unix = process.platform !== 'win32';

/** The CLI, with a time limit: a hang is a failure, not a stuck test run. */
const tmp = scratch('input');
let n = 0;
/** A fresh folder under the temporary one. */
const folder = () => { const dir = join(tmp, `d${n++}`); mkdirSync(dir); return dir; };

/** Seed 002 with a wrong number in table 3: one error, besides the seed's three warnings. */
function injected(dir: string): string {
  const text = readFileSync(SEED_002, 'utf8').replace(/(一、本年新收[^\n]*\n\t)55\n/, '$156\n');
  assert.notEqual(text, readFileSync(SEED_002, 'utf8'));
  const path = join(dir, 'injected.txt');
  writeFileSync(path, text);
  return path;
}

/** A file's output lines with its path cut off: what two copies of a report must share. */
const findingsOf = (stdout: string, path: string) =>
  stdout.split('\n').filter(Boolean).map((l) => { assert.ok(l.startsWith(`${path}:`), l); return l.slice(path.length); });

/** No control character but the line ends: what the CLI may print. */
const CONTROLS = /[\0-\x09\x0b-\x1f\x7f-\x9f]/;

describe('check: files that cannot be checked among good ones', () => {
  const dir = folder();
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, Buffer.from([0x41, 0xff, 0xfe, 0x0a])); // valid in no encoding
  const missing = join(dir, 'missing.txt');
  const wrong = injected(dir);

  test('text: the good files are reported, the others named on stderr and counted; exit 1 for the error', () => {
    const r = nianbao('check', SEED_002, missing, wrong, bad);
    assert.equal(r.code, 1, r.stderr);
    const alone = nianbao('check', SEED_002).stdout + nianbao('check', wrong).stdout;
    assert.equal(r.stdout, alone);
    assert.match(r.stderr, new RegExp(`无法读取 ${missing}：文件不存在\n`));
    assert.match(r.stderr, new RegExp(`未检查 ${bad}：无法识别编码`));
    assert.match(r.stderr, /检查了 2 个文件：1 个错误，6 个警告；2 个文件未能检查\n$/);
  });

  test('json: every file in the array, in order; those not checked with `error` (and no diagnostics); named on stderr too', () => {
    const r = nianbao('check', '--format', 'json', SEED_002, missing, wrong, bad);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { file: string; diagnostics: unknown[]; error?: { kind: string; message: string } }[];
    assert.deepEqual(out.map((f) => [f.file, f.diagnostics.length, f.error?.kind]), [[SEED_002, 3, undefined], [missing, 0, 'unreadable'], [wrong, 4, undefined], [bad, 0, 'refused']]);
    assert.deepEqual(out[1], { file: missing, diagnostics: [], error: { kind: 'unreadable', message: '文件不存在' } });
    assert.match(out[3].error!.message, /^无法识别编码/);
    assert.equal(JSON.parse(nianbao('check', '--format', 'json', '--locale', 'en', missing, SEED_001).stdout)[0].error.message, 'no such file');
    assert.match(r.stderr, /文件不存在/);
    assert.match(r.stderr, /无法识别编码/);
  });

  test('exit 0 when the files checked have no errors, whatever could not be read', () => {
    const r = nianbao('check', SEED_001, missing);
    assert.equal(r.code, 0);
    assert.match(r.stderr, /检查了 1 个文件：0 个错误，0 个警告；1 个文件未能检查/);
  });

  test('exit 2 when not one file could be checked; json then lists only their errors', () => {
    const r = nianbao('check', missing, bad);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /检查了 0 个文件：0 个错误，0 个警告；2 个文件未能检查/);
    const json = nianbao('check', '--format', 'json', missing, bad);
    assert.equal(json.code, 2);
    assert.deepEqual(JSON.parse(json.stdout).map((f: { error?: object }) => f.error !== undefined), [true, true]);
  });

  test('--locale en: the summary counts them in English', () => {
    const r = nianbao('check', '--locale', 'en', SEED_001, missing);
    assert.match(r.stderr, /nianbao: cannot read .*missing\.txt: no such file\n/);
    assert.match(r.stderr, /Checked 1 file\(s\): 0 error\(s\), 0 warning\(s\); 1 file\(s\) could not be checked/);
  });

  test('in a folder too: the one bad file is named, the rest checked', () => {
    const d = folder();
    copyFileSync(SEED_001, join(d, 'a.txt'));
    copyFileSync(bad, join(d, 'b.txt'));
    copyFileSync(SEED_002, join(d, 'c.md'));
    const r = nianbao('check', '--format', 'json', d);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string; error?: object }) => [f.file, !f.error]), [[join(d, 'a.txt'), true], [join(d, 'b.txt'), false], [join(d, 'c.md'), true]]);
    assert.match(r.stderr, new RegExp(`未检查 ${join(d, 'b.txt')}：无法识别编码`));
  });

  test('a folder that cannot be read, inside a folder: named, the rest checked', { skip: !unix || process.getuid?.() === 0 ? 'root reads any folder' : false }, () => {
    const d = folder();
    copyFileSync(SEED_001, join(d, 'a.txt'));
    mkdirSync(join(d, 'locked'), { mode: 0o000 });
    const r = nianbao('check', d);
    assert.equal(r.code, 0);
    assert.match(r.stderr, new RegExp(`无法读取 ${join(d, 'locked')}：没有读取权限`));
    assert.match(r.stderr, /检查了 1 个文件.*；1 个文件未能检查/);
  });

  test('a folder with no reports in it says so', () => {
    const d = folder();
    writeFileSync(join(d, 'notes.xlsx'), 'x');
    const r = nianbao('check', d);
    assert.equal(r.code, 0);
    assert.match(r.stderr, new RegExp(`nianbao：${d} 中没有年报文件（\\.txt、\\.md、.*\\.pdf、\\.ofd）\n检查了 0 个文件`));
  });
});

describe('check: only regular files are read', { skip: !unix }, () => {
  test('a FIFO, named or in a folder: one line, no hang, the others checked', () => {
    const d = folder();
    const fifo = join(d, 'pipe.txt');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    copyFileSync(SEED_001, join(d, 'report.txt'));
    for (const args of [[fifo, SEED_001], [d]]) {
      const r = nianbao('check', ...args);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`无法读取 ${fifo}：不是普通文件（是命名管道）\n`));
      assert.match(r.stderr, /检查了 1 个文件.*；1 个文件未能检查/);
    }
    assert.equal(nianbao('parse', fifo).code, 2);
  });

  test('/dev/zero: refused at once, not read (it never ends)', { skip: !existsSync('/dev/zero') }, () => {
    const start = Date.now();
    const r = nianbao('check', '/dev/zero');
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'nianbao：无法读取 /dev/zero：不是普通文件（是设备）\n检查了 0 个文件：0 个错误，0 个警告；1 个文件未能检查\n');
    assert.ok(Date.now() - start < 10_000);
  });

  test('a directory given to parse', () => {
    const r = nianbao('parse', SEEDS);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /无法读取 .*：不是普通文件（是目录）|是目录/);
  });
});

describe('check: symbolic links are followed, once', { skip: !unix }, () => {
  test('links to files and folders are checked; a link cycle ends; broken links are named', () => {
    const outside = folder();
    copyFileSync(SEED_002, join(outside, 'other.txt'));
    const d = folder();
    copyFileSync(SEED_001, join(d, 'a.txt'));
    symlinkSync(resolve(SEED_002), join(d, 'b.txt')); // a link to a report
    symlinkSync(outside, join(d, 'c')); // a link to a folder
    mkdirSync(join(d, 'd'));
    symlinkSync('..', join(d, 'd', 'up')); // a cycle: d/d/up is d
    symlinkSync('nowhere.txt', join(d, 'e.txt')); // broken
    symlinkSync('f.txt', join(d, 'f.txt')); // a link to itself
    const r = nianbao('check', '--format', 'json', d);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).filter((f: { error?: object }) => !f.error).map((f: { file: string; diagnostics: unknown[] }) => [f.file, f.diagnostics.length]),
      [[join(d, 'a.txt'), 0], [join(d, 'b.txt'), 3], [join(d, 'c', 'other.txt'), 3]]);
    assert.match(r.stderr, new RegExp(`无法读取 ${join(d, 'e.txt')}：符号链接指向的文件不存在\n`));
    assert.match(r.stderr, new RegExp(`无法读取 ${join(d, 'f.txt')}：符号链接层数过多，可能链接成了环\n`));
    // --verbose says which folder was passed over, and why.
    assert.match(nianbao('check', '--verbose', d).stderr, new RegExp(`跳过 ${join(d, 'd', 'up')}：与已检查的目录相同`));
  });

  test('two links into each other: each folder walked once', () => {
    const a = folder(), b = folder();
    copyFileSync(SEED_001, join(a, 'a.txt'));
    copyFileSync(SEED_001, join(b, 'b.txt'));
    symlinkSync(b, join(a, 'to-b'));
    symlinkSync(a, join(b, 'to-a'));
    const r = nianbao('check', '--format', 'json', a, b);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).map((f: { file: string }) => f.file), [join(a, 'a.txt'), join(a, 'to-b', 'b.txt')]);
  });

  test('a link given on the command line, to a folder', () => {
    const d = folder();
    copyFileSync(SEED_001, join(d, 'a.txt'));
    const link = join(folder(), 'link');
    symlinkSync(d, link);
    assert.match(nianbao('check', link).stderr, /检查了 1 个文件/);
  });
});

describe('check: control characters', () => {
  test('a NUL in a report: one line for the file, with where; nothing checked; no NUL printed', () => {
    const d = folder();
    const path = join(d, 'nul.txt');
    const lines = readFileSync(SEED_002, 'utf8').split('\n');
    const at = lines.findIndex((l) => l === '\t55');
    lines[at] = '\t5\x005';
    writeFileSync(path, lines.join('\n'));
    const r = nianbao('check', path);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `nianbao：未检查 ${path}：含有二进制或控制字符，不像文本文件（第 ${at + 1} 行第 3 列有 \\u0000）\n`
      + '检查了 0 个文件：0 个错误，0 个警告；1 个文件未能检查\n');
    const json = nianbao('check', '--format', 'json', path, SEED_001);
    const [nul, clean] = JSON.parse(json.stdout);
    assert.deepEqual(clean, { file: SEED_001, diagnostics: [] });
    assert.equal(nul.file, path);
    // The message holds the character itself; JSON writes it as \u0000.
    assert.match(nul.error.message, /含有二进制或控制字符，不像文本文件（第 \d+ 行第 3 列有 \x00）/);
    assert.ok(!json.stdout.includes('\0'));
    assert.match(json.stderr, /含有二进制或控制字符/);
  });

  test('other control characters too (ESC, DEL, a C1 control); tab, form feed and CR are text', () => {
    const d = folder();
    for (const [name, char] of [['esc', '\x1b'], ['del', '\x7f'], ['c1', '\x85']]) {
      const path = join(d, `${name}.txt`);
      writeFileSync(path, readFileSync(SEED_001, 'utf8').replace('\n', `${char}\n`));
      assert.match(nianbao('check', path).stderr, new RegExp(`含有二进制或控制字符，不像文本文件（第 1 行第 \\d+ 列有 \\\\u00${char.charCodeAt(0).toString(16).padStart(2, '0')}）`), name);
    }
    const text = join(d, 'text.txt');
    writeFileSync(text, readFileSync(SEED_001, 'utf8').replace(/\n/g, '\r\n').replace('\r\n', '\f\r\n'));
    assert.equal(nianbao('check', text).code, 0);
  });

  test('a vertical tab (Word\'s manual line break, in text copied out of Word) is text: inside a label and a sentence, every cell read as without it', () => {
    const d = folder();
    const path = join(d, 'vt.txt');
    const seed = readFileSync(SEED_002, 'utf8');
    writeFileSync(path, seed.replace('（二）部分公开（区分处理的', '（二）部分公开\x0b（区分处理的').replace('一、本年新收', '一、本年新收\x0b'));
    type Tables = Record<string, Record<string, Record<string, { value: number | null }>>>;
    const cells = (file: string) => Object.entries((JSON.parse(nianbao('parse', '--format', 'json', file).stdout) as { tables: Tables }).tables)
      .flatMap(([t, rows]) => Object.entries(rows).flatMap(([r, cols]) => Object.entries(cols).map(([c, cell]) => `${t} ${r} ${c} ${cell.value}`)));
    assert.equal(cells(SEED_002).length, 200);
    assert.deepEqual(cells(path), cells(SEED_002));
    assert.equal(nianbao('check', path).stderr.includes('控制字符'), false);
  });

  test('control characters in a file name are printed escaped; JSON keeps the name', { skip: !unix }, () => {
    const d = folder();
    const name = 'a\x1b[31mred\nline\x85.txt';
    const path = join(d, name);
    copyFileSync(SEED_002, path);
    const shown = join(d, 'a\\u001b[31mred\\u000aline\\u0085.txt');
    const text = nianbao('check', d);
    assert.doesNotMatch(text.stdout + text.stderr, CONTROLS);
    assert.equal(text.stdout.split('\n').filter(Boolean).length, 3);
    for (const line of text.stdout.split('\n').filter(Boolean)) assert.ok(line.startsWith(`${shown}:`), line);
    const json = nianbao('check', '--format', 'json', path);
    assert.doesNotMatch(json.stdout + json.stderr, CONTROLS);
    assert.equal(JSON.parse(json.stdout)[0].file, path);
    const empty = join(d, 'b\x07.txt');
    writeFileSync(empty, '');
    const r = nianbao('check', empty);
    assert.equal(r.stderr.split('\n')[0], `nianbao：未检查 ${join(d, 'b\\u0007.txt')}：空文件，不是年度报告`);
    assert.doesNotMatch(nianbao('check', '--bad\x1b').stderr, CONTROLS);
  });
});

describe('check: system errors and sizes, in Chinese', () => {
  const ENGLISH = /E[A-Z]{3,}|too|long|link|string|length|range/;

  test('a link to itself, a name too long, a path through a file: a Chinese sentence each', { skip: !unix }, () => {
    const d = folder();
    symlinkSync('loop.txt', join(d, 'loop.txt'));
    const long = join(d, `${'长'.repeat(200)}.txt`);
    const r = nianbao('check', join(d, 'loop.txt'), long, join(SEED_001, 'x.txt'));
    assert.equal(r.code, 2);
    const lines = r.stderr.split('\n');
    assert.equal(lines[0], `nianbao：无法读取 ${join(d, 'loop.txt')}：符号链接层数过多，可能链接成了环`);
    assert.equal(lines[1], `nianbao：无法读取 ${long}：文件名或路径太长`);
    assert.equal(lines[2], `nianbao：无法读取 ${join(SEED_001, 'x.txt')}：路径中有一段不是目录`);
    for (const line of lines) assert.doesNotMatch(line.replace(d, ''), ENGLISH);
  });

  test('an unknown system error: a Chinese sentence with its code', () => {
    assert.deepEqual(systemError(Object.assign(new Error('EXDEV: cross-device link'), { code: 'EXDEV' })),
      { zh: '读取出错（系统错误代码 EXDEV）', en: 'could not be read (system error EXDEV)' });
    assert.equal(systemError(new RangeError('Array buffer allocation failed')).zh, '读取出错（系统错误代码 RangeError）');
    assert.equal(systemError(Object.assign(new Error('x'), { code: 'EACCES' })).zh, '没有读取权限');
  });

  test('a file over 10 MB is refused by its size, before reading', () => {
    const d = folder();
    const big = join(d, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 12 * 1024 * 1024); // sparse: nothing is written
    const start = Date.now();
    const r = nianbao('check', big, SEED_001);
    assert.equal(r.code, 0);
    assert.match(r.stderr, new RegExp(`未检查 ${big}：文件过大（12\\.0 MB，超过 10 MB），不像年度报告\n`));
    assert.ok(Date.now() - start < 10_000);
  });

  test('a file whose size lies (/proc says 0) is read no further than the limit', { skip: !existsSync('/proc/self/status') }, () => {
    assert.equal(statSync('/proc/self/status').size, 0);
    const r = readSource('/proc/self/status', 100);
    assert.ok('reason' in r);
    assert.equal(r.reason.zh, '文件过大（超过 100 字节），不像年度报告');
    assert.ok('text' in readSource('/proc/self/status'));
  });

  test('a file whose size lies, larger than the read buffer (64 KB at first): read whole', { skip: !existsSync('/proc/self/smaps') }, () => {
    const r = readSource('/proc/self/smaps');
    assert.ok('text' in r, JSON.stringify(r));
    assert.ok(r.text.length > 1 << 16, `${r.text.length}`);
  });
});

describe('check: names that are not UTF-8', { skip: process.platform !== 'linux' }, () => {
  test('a file and a folder named in GBK: named as such, not “文件不存在”', () => {
    const d = folder();
    copyFileSync(SEED_001, join(d, 'a.txt'));
    const gbk = Buffer.from([0xc4, 0xea, 0xb1, 0xa8]); // 年报
    writeFileSync(Buffer.concat([Buffer.from(`${d}/`), gbk, Buffer.from('.txt')]), readFileSync(SEED_001));
    mkdirSync(Buffer.concat([Buffer.from(`${d}/`), gbk]));
    const r = nianbao('check', d);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stderr.split('\n').filter((l) => l.includes('UTF-8'));
    assert.equal(lines.length, 2, r.stderr);
    for (const line of lines) assert.match(line, /：名称不是 UTF-8 编码（可能是 GBK），无法打开；请改名后再检查$/);
    assert.match(r.stderr, /检查了 1 个文件.*；2 个文件未能检查/);
  });
});

describe('check: empty files', () => {
  test('an empty file, a BOM alone, white space alone: “空文件”, not silence', () => {
    const d = folder();
    const files: [string, string | Buffer, string][] = [
      ['empty.txt', '', '空文件，不是年度报告'],
      ['bom.txt', '\ufeff', '空文件，不是年度报告'],
      ['blank.md', ' \n\t\r\n　\n', '空文件（只有空白字符），不是年度报告'],
    ];
    for (const [name, content, message] of files) {
      writeFileSync(join(d, name), content);
      const r = nianbao('check', join(d, name));
      assert.equal(r.code, 2);
      assert.equal(r.stderr.split('\n')[0], `nianbao：未检查 ${join(d, name)}：${message}`);
    }
    assert.equal(nianbao('check', d).stderr.split('\n').filter((l) => l.includes('空文件')).length, 3);
  });
});

describe('check: encodings', () => {
  const utf16 = (text: string, order: 'le' | 'be') => {
    const bytes = Buffer.from(`\ufeff${text}`, 'utf16le');
    return order === 'le' ? bytes : bytes.swap16();
  };
  /** The committed GBK and GB18030 copies (made with iconv), and UTF-16 copies of every seed made here. */
  const copies: { seed: string; path: string; encoding: string }[] = [
    { seed: seed('002_'), path: join(ENCODINGS, '002_5381253050f8893c.gbk.txt'), encoding: 'GB18030（兼容 GBK）' },
    { seed: seed('003_'), path: join(ENCODINGS, '003_d5656f869e11e1df.gb18030.txt'), encoding: 'GB18030（兼容 GBK）' },
  ];
  const d = folder();
  for (const name of seeds) {
    const text = readFileSync(join(SEEDS, name), 'utf8');
    for (const order of ['le', 'be'] as const) {
      const path = join(d, `${name}.utf16${order}.txt`);
      writeFileSync(path, utf16(text, order));
      copies.push({ seed: join(SEEDS, name), path, encoding: `UTF-16${order.toUpperCase()}（带 BOM）` });
    }
  }

  test('the committed GBK and GB18030 copies are the seeds', () => {
    const gb = new TextDecoder('gb18030', { fatal: true });
    for (const { seed, path } of copies.slice(0, 2)) assert.equal(gb.decode(readFileSync(path)), readFileSync(seed, 'utf8'));
    // GBK proper (not GB18030's four-byte sequences) for 002: what Chinese Windows writes.
    assert.ok(readFileSync(copies[0].path).length < readFileSync(copies[0].seed).length);
  });

  for (const { seed: original, path, encoding } of copies) {
    test(`${path.replace(d, '…')}: the same findings as the UTF-8 seed, text and json`, () => {
      const want = nianbao('check', original);
      const got = nianbao('check', path);
      assert.equal(got.code, want.code, got.stderr);
      assert.deepEqual(findingsOf(got.stdout, path), findingsOf(want.stdout, original));
      assert.equal(got.stderr, want.stderr);
      const json = JSON.parse(nianbao('check', '--format', 'json', path).stdout);
      assert.deepEqual(json[0].diagnostics, JSON.parse(nianbao('check', '--format', 'json', original).stdout)[0].diagnostics);
      assert.equal(nianbao('check', '--verbose', path).stderr.split('\n')[0], `nianbao：${path}：编码 ${encoding}`);
    });
  }

  test('GBK with an error in it: the error at the same place as in UTF-8', () => {
    const e = folder();
    const wrong = injected(e);
    const gbk = join(e, 'injected.gbk.txt');
    // GBK, like UTF-8, writes line breaks and digits as ASCII bytes, which no Chinese character's bytes
    // contain: the same line of either holds the number.
    const utf8Lines = readFileSync(wrong, 'utf8').split('\n');
    const line = utf8Lines.indexOf('\t56');
    const lines = readFileSync(copies[0].path).toString('latin1').split('\n');
    assert.equal(lines[line], '\t55');
    lines[line] = '\t56';
    const copy = Buffer.from(lines.join('\n'), 'latin1');
    writeFileSync(gbk, copy);
    const got = nianbao('check', gbk), want = nianbao('check', wrong);
    assert.equal(got.code, 1);
    assert.deepEqual(findingsOf(got.stdout, gbk), findingsOf(want.stdout, wrong));
  });

  test('--verbose names UTF-8, with or without BOM, for each file', () => {
    const e = folder();
    const bom = join(e, 'bom.txt');
    writeFileSync(bom, `\ufeff${readFileSync(SEED_001, 'utf8')}`);
    const r = nianbao('check', '--verbose', SEED_001, bom);
    assert.match(r.stderr, new RegExp(`nianbao：${SEED_001}：编码 UTF-8\nnianbao：${bom}：编码 UTF-8（带 BOM）\n`));
    assert.match(nianbao('check', '--verbose', '--locale', 'en', bom).stderr, /nianbao: .*bom\.txt: read as UTF-8 with BOM\n/);
    assert.doesNotMatch(nianbao('check', SEED_001).stderr, /编码/);
    assert.match(nianbao('parse', '--verbose', SEED_001).stderr, /编码 UTF-8\n/);
  });

  test('bytes valid in no encoding, UTF-16 without its BOM, a broken UTF-16: “无法识别编码”, one line each', () => {
    const e = folder();
    const text = readFileSync(SEED_001, 'utf8');
    const files: [string, Buffer, RegExp][] = [
      ['latin1.txt', Buffer.from('Caf\xe9 au lait\n', 'latin1'), /无法识别编码（不是 UTF-8、UTF-16 或 GBK\/GB18030），请另存为 UTF-8 后再检查/],
      ['nobom.txt', Buffer.from(text, 'utf16le'), /无法识别编码（像是没有字节顺序标记的 UTF-16）/],
      ['odd.txt', utf16(text, 'le').subarray(0, 101), /无法识别编码（以 UTF-16LE 的字节顺序标记开头，内容却不是有效的 UTF-16LE）/],
      ['zip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0xa8, 0xb2]), /含有二进制或控制字符，不像文本文件/],
    ];
    for (const [name, bytes, message] of files) {
      writeFileSync(join(e, name), bytes);
      const r = nianbao('check', join(e, name));
      assert.equal(r.code, 2, name);
      assert.equal(r.stderr.split('\n').length, 3, r.stderr); // the line, the summary, the end
      assert.match(r.stderr, message, name);
    }
  });
});
