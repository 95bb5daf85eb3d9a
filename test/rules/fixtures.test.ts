import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check, RULES, type Finding } from '../../server/src/core/service';

// One fixture per rule, in the manner of markdownlint's test files: test/rules/<code>.txt (or .md)
// is a small complete report that is clean but for a few instances of that rule's mistake. Each
// finding expected is marked at the end of the line where it starts (the finding's range.start.line):
//
//   （七）总计 … 18 {table3-outcome-total}        one finding of that code starts on this line
//   … {table3-row-total=8} {table3-row-total=10}  two, whose quick fixes write 8 and 10
//   … {conversion-artifact=}                      a finding whose quick fix deletes its text
//
// The markers (each with the one blank before it) are stripped, the rest of the text is checked
// as it stands, and the findings must be exactly the marked ones: an unexpected finding fails as
// surely as a missing one.

const DIR = join(process.cwd(), 'test/rules');
// The rules across years compare two reports: test/core/years.test.ts has their pairs.
const CODES = new Set(RULES.filter((r) => !('acrossYears' in r)).map((r) => r.code));

/** One marker: ` {code}` or ` {code=fix text}`. */
const MARKER = / ?\{([a-z0-9-]+)(?:=([^}]*))?\}/y;
/** The markers at the end of a line (before a CR, if any). */
const MARKERS_AT_END = /(?: ?\{[a-z0-9-]+(?:=[^}]*)?\})+(?=\r?$)/;

export interface Expected { line: number; code: string; fix?: string }

/** The text without its markers, and the markers, by 0-based line. Only the markers change: CR, blanks and all else stay. */
export function stripMarkers(source: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const lines = source.split('\n').map((line, i) => {
    const m = MARKERS_AT_END.exec(line);
    if (!m) return line;
    const tail = m[0];
    MARKER.lastIndex = 0;
    for (let at = 0; at < tail.length; at = MARKER.lastIndex) {
      const one = MARKER.exec(tail)!;
      expected.push(one[2] === undefined ? { line: i, code: one[1] } : { line: i, code: one[1], fix: one[2] });
    }
    return line.slice(0, m.index) + line.slice(m.index + tail.length);
  });
  return { text: lines.join('\n'), expected };
}

const key = (line: number, code: string) => `${line}\u0000${code}`;
/** A place as an editor shows it: 1-based line. */
const place = (line: number, code: string) => `line ${line + 1} {${code}}`;

function tally<T>(items: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) m.set(keyOf(t), [...(m.get(keyOf(t)) ?? []), t]);
  return m;
}

/** What is wrong with the findings against the markers, in words; empty when they agree. */
export function compare(expected: Expected[], findings: Finding[], lines: string[]): string[] {
  const problems: string[] = [];
  const want = tally(expected, (e) => key(e.line, e.code));
  const got = tally(findings, (f) => key(f.range.start.line, f.code));
  const quote = (line: number) => `    | ${(lines[line] ?? '').replace(/\t/g, '→').slice(0, 70)}`;
  for (const [k, fs] of got) {
    const extra = fs.length - (want.get(k)?.length ?? 0);
    if (extra > 0) {
      for (const f of fs.slice(-extra)) problems.push(`unexpected ${place(f.range.start.line, f.code)} at column ${f.range.start.character + 1}: ${f.message}\n${quote(f.range.start.line)}`);
    }
  }
  for (const [k, es] of want) {
    const missing = es.length - (got.get(k)?.length ?? 0);
    if (missing > 0) {
      const { line, code } = es[0];
      const there = findings.filter((f) => f.range.start.line === line).map((f) => `{${f.code}}`);
      problems.push(`missing ${place(line, code)}${missing > 1 ? ` ×${missing}` : ''} (found on that line: ${there.join(' ') || 'nothing'})\n${quote(line)}`);
    }
  }
  if (problems.length) return problems;
  // The counts agree: each marker with a fix text needs a finding of its own whose one edit writes that text.
  for (const [k, es] of want) {
    const left = [...got.get(k)!];
    for (const e of es.filter((x) => x.fix !== undefined)) {
      const i = left.findIndex((f) => f.fix?.edits.length === 1 && f.fix.edits[0].newText === e.fix);
      if (i >= 0) { left.splice(i, 1); continue; }
      const fixes = got.get(k)!.map((f) => (f.fix ? JSON.stringify(f.fix.edits.map((ed) => ed.newText)) : 'no fix')).join(', ');
      problems.push(`${place(e.line, e.code)}: no finding whose fix writes ${JSON.stringify(e.fix)} (the fixes there: ${fixes})\n${quote(e.line)}`);
    }
  }
  return problems;
}

/** Every file here but this test, README.md and dotfiles (.gitattributes) is a fixture. */
const FILES = readdirSync(DIR).filter((f) => !f.startsWith('.') && !f.endsWith('.ts') && f !== 'README.md').sort();
const codeOf = (file: string) => file.replace(/\.(txt|md)$/, '');

describe('the rule fixtures (test/rules/<code>.txt|.md)', () => {
  it('every rule has a fixture', () => {
    const have = new Set(FILES.map(codeOf));
    assert.deepEqual([...CODES].filter((c) => !have.has(c)), [], 'rules without a fixture in test/rules');
  });

  it('every fixture is named <code>.txt or <code>.md after a rule, one per rule', () => {
    assert.deepEqual(FILES.filter((f) => !/\.(txt|md)$/.test(f) || !CODES.has(codeOf(f))), [], 'files in test/rules that are not a rule\'s fixture');
    const codes = FILES.map(codeOf);
    assert.deepEqual(codes.filter((c, i) => codes.indexOf(c) !== i), [], 'rules with two fixtures');
  });

  for (const file of FILES) {
    if (!CODES.has(codeOf(file))) continue;
    describe(file, () => {
      const source = readFileSync(join(DIR, file), 'utf8');
      const { text, expected } = stripMarkers(source);

      it('is UTF-8 text with LF line endings, without a BOM', () => {
        assert.equal(source.includes('\r'), false, 'a CR in the file: fixtures are kept with LF line endings');
        assert.equal(source.charCodeAt(0) === 0xfeff, false, 'a BOM at the start');
        assert.equal(source.includes('\uFFFD') && codeOf(file) !== 'conversion-artifact', false, 'a replacement character: was the file saved in another encoding?');
      });

      it(`marks at least one {${codeOf(file)}}, and only rules' codes, at line ends`, () => {
        assert.ok(expected.some((e) => e.code === codeOf(file)), `no {${codeOf(file)}} marker: a fixture that cannot fail`);
        assert.deepEqual(expected.filter((e) => !CODES.has(e.code)).map((e) => place(e.line, e.code)), [], 'markers with a code that is no rule\'s');
        // A marker left inside a line (not at its end) would be checked as report text.
        const inside = text.split('\n').flatMap((l, i) => [...l.matchAll(/\{([a-z0-9-]+)(?:=[^}]*)?\}/g)].filter((m) => CODES.has(m[1])).map((m) => `line ${i + 1}: ${m[0]}`));
        assert.deepEqual(inside, [], 'markers not at the end of their line');
      });

      it('has exactly the findings marked', () => {
        const { findings } = check(text, { locale: 'zh' });
        const problems = compare(expected, findings, text.split('\n'));
        assert.ok(problems.length === 0, `${file}:\n  ${problems.join('\n  ')}`);
      });
    });
  }
});

describe('stripping the markers', () => {
  it('removes each marker with the one blank before it, and nothing else', () => {
    const source = ['规章\t0\t0\t0 {cell-blank}', '  行政诉讼25件。 {prose-mismatch=24} {year-mismatch}', '', '表三{a-b}中间', '结尾两个空格  {x}'].join('\n');
    const { text, expected } = stripMarkers(source);
    assert.equal(text, ['规章\t0\t0\t0', '  行政诉讼25件。', '', '表三{a-b}中间', '结尾两个空格 '].join('\n'));
    assert.deepEqual(expected, [
      { line: 0, code: 'cell-blank' }, { line: 1, code: 'prose-mismatch', fix: '24' }, { line: 1, code: 'year-mismatch' }, { line: 4, code: 'x' },
    ]);
  });

  it('keeps CRLF line endings, and the lines where they were', () => {
    const { text, expected } = stripMarkers('标题\r\n一、总体情况 {section-title}\r\n正文 {conversion-artifact=}\r\n');
    assert.equal(text, '标题\r\n一、总体情况\r\n正文\r\n');
    assert.deepEqual(expected, [{ line: 1, code: 'section-title' }, { line: 2, code: 'conversion-artifact', fix: '' }]);
  });

  it('leaves Pandoc\'s attributes alone, which are report text ({.underline} is no marker)', () => {
    const { text, expected } = stripMarkers('[严格遵守]{.underline}');
    assert.equal(text, '[严格遵守]{.underline}');
    assert.deepEqual(expected, []);
  });
});
