import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import type * as Sarif from 'sarif';
import { LineIndex, type Range } from '../../server/src/core/lineIndex';
import { draftToMarkdown, markdownToDraft } from '../../server/src/import/draft';
import { assertValidSarif } from '../cli/sarifSchema';
import { nianbao, scratch } from '../cli/runCli';
import { SEEDS } from '../core/seeds';
import { asDocx, asHtml, changed, lastYearOf, THIS_YEAR } from './pairs';

// `nianbao check` with both years among its inputs: a folder or two files, any input format, every
// output format, --jobs, and .nianbao.json choosing last year's report or turning a rule off.

const tmp = scratch('years');
let n = 0;
const folder = (files: Record<string, string | Buffer>) => {
  const dir = join(tmp, `d${n++}`);
  mkdirSync(dir);
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
  return dir;
};
/** Last year's report with 结转下年度 · 商业企业 2 where this year's 上年结转 has 0. */
const BROKEN = changed(lastYearOf(), '四、结转下年度继续办理', '0', '2');
const at = (text: string, r: Range) => { const idx = new LineIndex(text); return text.slice(idx.offset(r.start), idx.offset(r.end)); };

const crossYear = (out: string) => out.split('\n').filter((l) => /carryover-mismatch|normative-stock|copied-text/.test(l));

describe('nianbao check across years', () => {
  test('a folder: this year’s text file and last year’s web page, in text, JSON and SARIF', () => {
    const dir = folder({ '2024.txt': THIS_YEAR, '2023.html': asHtml(BROKEN) });
    const text = nianbao('check', dir);
    assert.deepEqual(crossYear(text.stdout).map((l) => l.replace(/:\d+:\d+ .*? /, ' ')), [`${join(dir, '2024.txt')} carryover-mismatch 表三“上年结转”行“商业企业”列为 0，上年（2023年）报告“结转下年度继续办理”为 2：两者应相等。`]);
    assert.match(text.stderr, /carryover-mismatch\s+1/);

    const [entry] = (JSON.parse(nianbao('check', '--format', 'json', dir).stdout) as { file: string; diagnostics: { code: string; range: Range; fix?: { safe: boolean; edits: { newText: string }[] }; related?: { file: string; range: Range; message: string }[] }[] }[])
      .filter((e) => e.file.endsWith('2024.txt'));
    const d = entry.diagnostics.find((x) => x.code === 'carryover-mismatch')!;
    assert.equal(at(THIS_YEAR, d.range), '0');
    assert.deepEqual(d.fix, { title: '改为上年结转下年度的 2', safe: false, edits: [{ range: d.range, newText: '2' }] });
    assert.equal(d.related?.[0].file, join(dir, '2023.html'));
    assert.equal(at(asHtml(BROKEN), d.related![0].range), '2', 'last year’s cell in the page’s HTML');

    const sarif = nianbao('check', '--format', 'sarif', dir);
    const log = JSON.parse(sarif.stdout) as Sarif.Log;
    assertValidSarif(log);
    const result = log.runs[0].results!.find((r) => r.ruleId === 'carryover-mismatch')!;
    assert.ok(log.runs[0].tool.driver.rules!.some((r) => r.id === 'carryover-mismatch'));
    assert.match(result.locations![0].physicalLocation!.artifactLocation!.uri!, /2024\.txt$/);
    const [related] = result.relatedLocations!;
    assert.match(related.physicalLocation!.artifactLocation!.uri!, /2023\.html$/);
    assert.ok(related.physicalLocation!.region, 'a web page’s place is its own');
  });

  test('text: this year’s lines in the order of their places, the findings across years among the others', () => {
    // Last year's report is this year's with the year changed: 一's paragraphs, before the seed's own findings, are copied.
    const dir = folder({ '2024.txt': THIS_YEAR, '2023.txt': THIS_YEAR.replaceAll('2024', '2023') });
    const lines = nianbao('check', dir).stdout.split('\n').filter((l) => l.startsWith(join(dir, '2024.txt')));
    const places = lines.map((l) => l.split(' ')[0].split(':').slice(-2).map(Number));
    assert.ok(lines.some((l) => / copied-text /.test(l)) && lines.some((l) => / prose-mismatch /.test(l)), lines.join('\n'));
    assert.deepEqual(places, [...places].sort((a, b) => a[0] - b[0] || a[1] - b[1]), lines.join('\n'));
  });

  test('two files named, a Word file and a Markdown file: stock and copied text', () => {
    const dir = folder({ '2023.md': draftToMarkdown(markdownToDraft(lastYearOf(undefined, { copyFive: true }))) });
    return asDocx(changed(THIS_YEAR, '行政规范性文件', '3', '5')).then((docx) => {
      writeFileSync(join(dir, '2024.docx'), docx);
      const out = nianbao('check', '--format', 'json', join(dir, '2024.docx'), join(dir, '2023.md'));
      const [entry] = (JSON.parse(out.stdout) as { file: string; diagnostics: { code: string; message: string; severity: string; related?: { file: string }[] }[] }[]).filter((e) => e.file.endsWith('.docx'));
      const across = entry.diagnostics.filter((x) => ['normative-stock', 'copied-text', 'carryover-mismatch'].includes(x.code));
      assert.deepEqual(across.map((x) => [x.code, x.severity]), [['normative-stock', 'warning'], ['copied-text', 'warning']]);
      assert.match(across[0].message, /上年（2023年）现行有效 3 \+ 本年制发 0 − 本年废止 0 = 3/);
      assert.match(across[1].message, /“五、存在的主要问题及改进情况”有 100% 的文字照搬上年（2023年）报告：2 段（第 \d+、\d+ 行起）/);
      assert.equal(across[0].related?.[0].file, join(dir, '2023.md'));
      // The copied section: each paragraph in this year's file, then in last year's.
      assert.deepEqual(across[1].related?.map((r) => r.file), [join(dir, '2024.docx'), join(dir, '2023.md'), join(dir, '2024.docx'), join(dir, '2023.md')]);
      const sarif = JSON.parse(nianbao('check', '--format', 'sarif', join(dir, '2024.docx'), join(dir, '2023.md')).stdout) as Sarif.Log;
      assertValidSarif(sarif);
      const results = sarif.runs[0].results!.filter((r) => r.ruleId === 'copied-text');
      assert.equal(results.length, 1);
      assert.equal(results[0].locations![0].physicalLocation!.region, undefined, 'a Word file’s places are in its draft');
      const [thisYear, lastYear] = results[0].relatedLocations!.map((r) => r.physicalLocation!);
      assert.match(thisYear.artifactLocation!.uri!, /2024\.docx$/);
      assert.equal(thisYear.region, undefined, 'this year’s paragraph: in the Word file’s draft');
      assert.match(lastYear.artifactLocation!.uri!, /2023\.md$/);
      assert.ok(lastYear.region, 'last year’s Markdown has its own');
    });
  });

  test('--jobs 2 prints what --jobs 1 does, among other reports', () => {
    const files: Record<string, string> = { '2024.txt': THIS_YEAR, '2023.txt': BROKEN };
    // (Not seed 002 itself: a second 2024 report of the body would leave which one is meant open.)
    for (const s of SEEDS) if (!s.name.startsWith('002_')) files[s.name] = s.text;
    const dir = folder(files);
    for (const format of ['text', 'json', 'sarif']) {
      const one = nianbao('check', '--format', format, '--jobs', '1', dir), two = nianbao('check', '--format', format, '--jobs', '2', dir);
      assert.equal(two.stdout, one.stdout, format);
      assert.match(one.stdout, /carryover-mismatch/);
    }
  });

  test('no pairing: different bodies, two reports for one year, only one year given', () => {
    const other = BROKEN.replace('西红门镇人民政府', '旧宫镇人民政府');
    assert.deepEqual(crossYear(nianbao('check', folder({ '2024.txt': THIS_YEAR, '2023.txt': other })).stdout), []);
    assert.deepEqual(crossYear(nianbao('check', folder({ '2024.txt': THIS_YEAR, '2023.txt': BROKEN, '2023b.txt': BROKEN })).stdout), []);
    const dir = folder({ '2024.txt': THIS_YEAR, '2023.txt': BROKEN });
    assert.deepEqual(crossYear(nianbao('check', join(dir, '2024.txt')).stdout), []);
  });

  test('.nianbao.json: acrossYears.previous pairs what the names do not, or unpairs; a rule turned off', () => {
    const other = BROKEN.replace('西红门镇人民政府', '旧宫镇人民政府');
    const chosen = folder({ '2024.txt': THIS_YEAR, 'old/上年.txt': other, '.nianbao.json': JSON.stringify({ acrossYears: { previous: { '2024.txt': 'old/上年.txt' } } }) });
    assert.equal(crossYear(nianbao('check', chosen).stdout).length, 1);
    const none = folder({ '2024.txt': THIS_YEAR, '2023.txt': BROKEN, '.nianbao.json': JSON.stringify({ acrossYears: { previous: { '2024.txt': null } } }) });
    assert.deepEqual(crossYear(nianbao('check', none).stdout), []);
    const off = folder({ '2024.txt': THIS_YEAR, '2023.txt': BROKEN, '.nianbao.json': JSON.stringify({ rules: { 'carryover-mismatch': 'off' } }) });
    assert.deepEqual(crossYear(nianbao('check', off).stdout), []);
    const quiet = folder({ '2024.txt': THIS_YEAR, '2023.txt': lastYearOf(undefined, { copyFive: true }), '.nianbao.json': JSON.stringify({ acrossYears: { copiedTextWarning: 1 } }) });
    assert.deepEqual(crossYear(nianbao('check', quiet).stdout).map((l) => l.split(' ')[1]), ['information']);
  });

  test('a consistent pair has no finding across years', () => {
    assert.deepEqual(crossYear(nianbao('check', folder({ '2024.txt': THIS_YEAR, '2023.html': asHtml(lastYearOf()) })).stdout), []);
  });
});
