import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { check } from '../../server/src/core/service';
import { importDocument } from '../../server/src/import/index';
import { seed } from '../core/seeds';
import { nianbao, scratch } from './runCli';

// nianbao export: a report with errors is refused unless --force; the file goes next to the input or
// where --out says, never over the input; every usage mistake is one clear sentence and exit code 2.

const tmp = scratch('export');
const SEED = seed('000').text;
/** Seed 000 with one wrong number: table 3's new applications from natural persons, 23 → 24. */
const WRONG = SEED.replace('一、本年新收政府信息公开申请数量\t\t23\t', '一、本年新收政府信息公开申请数量\t\t24\t');
const errorsIn = (text: string) => check(text).findings.filter((f) => f.severity === 'error').length;

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

async function cellsOfDocx(path: string) {
  const imported = await importDocument('docx', readFileSync(path));
  assert.ok('text' in imported);
  return check(imported.text).report.tables.t3!.rows['1'].cells;
}

describe('export', () => {
  test('a report without errors: a .docx next to it, with the same name; said where', async () => {
    const input = file('大兴庄镇2023年报.txt', SEED);
    const r = nianbao('export', input, '--to', 'docx');
    assert.equal(r.code, 0, r.stderr);
    const out = join(tmp, '大兴庄镇2023年报.docx');
    assert.equal(r.stderr, `nianbao：已导出 ${out}\n`);
    assert.equal(r.stdout, '');
    assert.equal((await cellsOfDocx(out)).natural.value, 23);
    assert.equal(readFileSync(input, 'utf8'), SEED);
  });

  test('a report with errors is not exported, and the message counts them; --force exports it as written', async () => {
    const errors = errorsIn(WRONG);
    assert.ok(errors > 0);
    const input = file('wrong.txt', WRONG);
    const out = join(tmp, 'wrong.docx');
    const refused = nianbao('export', input, '--to', 'docx');
    assert.equal(refused.code, 1);
    assert.equal(refused.stderr, `nianbao：${input} 有 ${errors} 个错误，未导出。请先修正（nianbao check ${input} 列出这些错误），或加 --force 仍然导出\n`);
    assert.ok(!existsSync(out));
    const en = nianbao('export', input, '--to', 'md', '--locale', 'en');
    assert.match(en.stderr, new RegExp(`has ${errors} error\\(s\\): not exported`));

    const forced = nianbao('export', input, '--to', 'docx', '--force');
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, new RegExp(`有 ${errors} 个错误，按 --force 仍已导出\n.*已导出 `));
    // The number as the author wrote it: an export never corrects.
    assert.equal((await cellsOfDocx(out)).natural.value, 24);
  });

  test('an error made a warning in .nianbao.json does not count', () => {
    const dir = join(tmp, 'office');
    mkdirSync(dir);
    const codes = check(WRONG).findings.filter((f) => f.severity === 'error').map((f) => f.code);
    writeFileSync(join(dir, '.nianbao.json'), JSON.stringify({ rules: Object.fromEntries(codes.map((c) => [c, 'warning'])) }));
    const input = join(dir, 'wrong.txt');
    writeFileSync(input, WRONG);
    const r = nianbao('export', input, '--to', 'txt');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'wrong（导出）.txt')));
  });

  test('--out, and --to md/txt in a layout: the tables drawn in it, read back with every cell', () => {
    const input = file('seed.txt', SEED);
    for (const [to, layout, mark] of [['md', 'markdown', /\n\| 规章 +\| 0 +\| 0 +\| 0 +\|\n/], ['txt', 'cell-per-line', /\n\t规章\n\t0\n\t0\n\t0\n/], ['md', 'tabs', /\n规章 *\t0 *\t0 *\t0\n/]] as const) {
      const out = join(tmp, `out-${layout}.${to}`);
      const r = nianbao('export', input, '--to', to, '--layout', layout, '--out', out);
      assert.equal(r.code, 0, r.stderr);
      const text = readFileSync(out, 'utf8');
      assert.match(text, mark);
      assert.equal(check(text).report.tables.t3!.rows['3.7'].cells.total.value, 23);
    }
  });

  test('a Word file exported to Word: next to it as “（导出）”, the original untouched; never over the input', async () => {
    const first = file('report.txt', SEED);
    assert.equal(nianbao('export', first, '--to', 'docx').code, 0);
    const docx = join(tmp, 'report.docx');
    const bytes = readFileSync(docx);
    const again = nianbao('export', docx, '--to', 'docx');
    assert.equal(again.code, 0, again.stderr);
    assert.ok(existsSync(join(tmp, 'report（导出）.docx')));
    assert.deepEqual(readFileSync(docx), bytes);
    const over = nianbao('export', docx, '--to', 'docx', '--out', docx);
    assert.equal(over.code, 2);
    assert.equal(over.stderr, `nianbao：输出文件就是原文件 ${docx}，不覆盖原文件；请用 --out 另选文件名\n`);
    assert.deepEqual(readFileSync(docx), bytes);
  });

  test('a table the reader could not read whole is exported as written, and said so', () => {
    const out = join(tmp, 'shanghai.docx');
    const r = nianbao('export', 'test/fixtures/corpus/shanghai-govoffice_2025_pdf-to-markdown.md', '--to', 'docx', '--out', out);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^nianbao：表二没有完全读懂，按原文导出，没有画成法定表格\n/);
  });

  test('the docx package is in the export\'s own bundle, which the command line and the server load only to export', () => {
    for (const bundle of ['dist/cli.js', 'dist/server.js']) {
      const code = readFileSync(bundle, 'utf8');
      assert.match(code, /require\("\.\/exporter\.js"\)/, bundle);
      assert.ok(!code.includes('w:gridSpan'), `${bundle} holds the Word writer`);
    }
    assert.ok(readFileSync('dist/exporter.js', 'utf8').includes('w:gridSpan'));
  });

  test('usage mistakes: one sentence, exit code 2', () => {
    const input = file('usage.txt', SEED);
    const usage: [string[], RegExp][] = [
      [['export', input], /export 需要 --to docx、--to md 或 --to txt/],
      [['export', input, input, '--to', 'docx'], /export 需要且只需要一个文件/],
      [['export', input, '--to', 'pdf'], /选项 --to 的值无效：pdf（可选 md\|txt\|docx）/],
      [['export', input, '--to', 'docx', '--layout', 'tabs'], /--layout 只用于 --to md 或 --to txt/],
      [['export', input, '--to', 'md', '--layout', 'grid'], /选项 --layout 的值无效：grid（可选 tabs\|markdown\|cell-per-line）/],
      [['export', input, '--to', 'docx', '--format', 'json'], /export 不接受选项 --format/],
      [['check', input, '--force'], /check 不接受选项 --force/],
      [['convert', input, '--to', 'docx'], /导出 Word 文件请用 nianbao export --to docx/],
    ];
    for (const [args, message] of usage) {
      const r = nianbao(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /nianbao export 文件 --to docx\|md\|txt/);
    }
    assert.equal(nianbao('export', join(tmp, 'missing.txt'), '--to', 'docx').code, 2);
    const notReport = nianbao('export', file('notes.txt', '会议记录\n今天讨论了三件事。\n'), '--to', 'docx');
    assert.equal(notReport.code, 2);
    assert.match(notReport.stderr, /不像政府信息公开工作年度报告.*未导出/);
    assert.match(nianbao('export', input, '--to', 'docx', '--out', join(tmp, 'no', 'such', 'dir.docx')).stderr, /无法写入 .*：文件不存在/);
  });
});
