import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { toHalfWidth } from '../../server/src/core/strings';
import { sliceAt } from './seeds';

// Reports in the odd shapes real ones come in, beyond the layout families of test/layouts (a 序号 or
// 备注 column, table 2 drawn as one table, table 4 turned round, a header repeated after a page break,
// zero-width spaces, &nbsp;, **bold** totals, 〇, numbers broken over a PDF's line end, pdftotext's
// real output, hostile inputs …): test/fixtures/odd, each with its gold (gold/<name>.json: the values
// printed; null for a blank cell, "placeholder" for one holding a sign for none (/ — ×), "ambiguous" for one the
// text cannot decide, "invalid" for one that holds no number, such as a formula pasted as text). What each shows and
// why is in test/fixtures/odd/EXPECTED.md.

const DIR = join(process.cwd(), 'test/fixtures/odd');

/** The offset of a range's start. */
const idxOf = (text: string, range: { start: { line: number; character: number } }) =>
  text.split('\n').slice(0, range.start.line).reduce((n, l) => n + l.length + 1, 0) + range.start.character;
type Gold = Record<'t2' | 't3' | 't4', Record<string, Record<string, number | null | 'placeholder' | 'ambiguous' | 'invalid'>>>;

/** Besides the gold's cells: the warnings and errors each fixture rightly gets, and the rows the reader rightly says it cannot read (`t3.*`: all of a table's). */
const EXPECT: Record<string, { codes?: string[]; unread?: string[] }> = {
  // Excel formulas pasted as text in the 总计 column (=SUM(C6:H6)): each a cell-invalid naming the formula, the other cells read.
  'excel-t3-formulas-as-text': { codes: ['cell-invalid'] },
  // Excel's error values pasted (#REF!, #VALUE!, #N/A): cell-invalid names each; they were said blank.
  'excel-t3-error-values': { codes: ['cell-invalid'] },
  'hostile-binary-noise': { codes: ['table-unreadable'] },
  'hostile-huge-digit-run-in-t3': { codes: ['table-unreadable'], unread: ['t3.3.1'] },
  // All the labels, then all the numbers (row by row, or column by column one a line): nothing bound.
  'pdf-t3-column-major-one-number-per-line': { codes: ['table-unreadable'], unread: ['t3.*'] },
  'pdf-t3-labels-then-numbers': { codes: ['table-unreadable'], unread: ['t3.*'] },
  // Digits as a PDF font's glyph codes ((cid:18)): no table can be read, and each says so.
  'pdf-text-unmapped-digit-glyphs-cid': { codes: ['table-unreadable'], unread: ['t2.*', 't3.*', 't4.*'] },
  'pdftotext-layout-blank-cell': { codes: ['cell-blank'] },
  // Table 2 written a row a line, one line's figures naming no column (行政规范性文件：12件，3件，45件。): that row said unread, on its line.
  'prose-t2-line-without-column-words': { codes: ['table-unreadable'], unread: ['t2.normative'] },
  'prose-2019-t2-rows-as-lines': { codes: ['format-version'] },
  // 法人或其他组织 written as one figure (法人或其他组织申请8件): the five columns under it unread where it is not 0, nothing else.
  'prose-t3-legal-persons-as-one-figure': { codes: ['table-unreadable'] },
  // pdftotext's plain mode keeps no table shape: 3.6.3's numbers are far from its label, table 4's among its header's words.
  'pdftotext-plain-huaian-2024': { codes: ['table-unreadable'], unread: ['t3.3.6.3', 't4.review', 't4.suit_direct', 't4.suit_after_review'] },
  'tabs-2019-t2-with-2021-t3-in-2023': { codes: ['format-version'] },
  'tabs-2019-tables-in-2023': { codes: ['format-version'] },
  'tabs-html-nbsp-entities-for-blanks': { codes: ['cell-blank'] },
  // Its 总计 left blank, the row's trailing tab trimmed by an editor: that cell blank, nothing shifted.
  'tabs-t3-blank-last-cell-trailing-tab-trimmed': { codes: ['cell-blank'] },
  'tabs-t3-row-really-missing': { codes: ['row-missing'] },
  // Every count written with its unit after a space (86 件): read, each said to carry a unit.
  'tabs-t3-unit-after-space': { codes: ['cell-unit'] },
  'pdf-t3-unit-after-space': { codes: ['cell-unit'] },
  // × (a form's “does not apply”) where a count should be: a placeholder, said blank, as / and — are.
  'tabs-t3-t4-cross-for-none': { codes: ['cell-blank'] },
  // A row pasted twice with other numbers: neither taken (the gold leaves it out), and said.
  'tabs-t3-row-pasted-twice': { codes: ['row-cells'] },
  'tabs-zero-width-spaces-from-web': { codes: ['cell-blank'] },
  // A web page's text a cell on each line, blank cells left so (a pipe alone; an empty line between pipes): each blank said.
  'web-text-cell-lines-pipe-after-blanks': { codes: ['cell-blank'] },
  'web-text-cell-lines-pipe-between-blanks': { codes: ['cell-blank'] },
  // WPS's distributed alignment copied (予 以 公 开), a minus typed as Word's non-breaking hyphen or an en dash (‑3, –1), and
  // 2 3 typed in one cell: the labels read, the negatives read (cell-fullwidth only), the spaced cell named (cell-invalid).
  'tabs-2019-spread-labels-dash-minus-spaced-digits': { codes: ['cell-invalid'] },
};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort()) {
  const name = file.replace(/\.txt$/, '');
  const text = readFileSync(join(DIR, file), 'utf8');
  const gold: Gold = JSON.parse(readFileSync(join(DIR, 'gold', `${name}.json`), 'utf8'));
  const { codes = [], unread = [] } = EXPECT[name] ?? {};
  describe(`odd: ${name}`, () => {
    const { report, findings } = check(text);

    it('every cell as the gold has it: its number on its digits, blank, or ambiguous; or said to be unread', () => {
      for (const key of ['t2', 't3', 't4'] as const) {
        for (const [row, cols] of Object.entries(gold[key] ?? {})) {
          for (const [col, want] of Object.entries(cols)) {
            const where = `${key}.${row}.${col}`;
            const cell = report.tables[key]?.rows[row]?.cells[col];
            if (unread.includes(`${key}.${row}`) || unread.includes(`${key}.*`)) {
              assert.ok(!cell && report.tables[key]!.problems.some((p) => p.kind === 'unreadable' || p.kind === 'stray'), `${where} should be said to be unread`);
            } else if (want === null) assert.equal(cell?.kind, 'blank', where);
            else if (want === 'placeholder' || want === 'ambiguous' || want === 'invalid') assert.equal(cell?.kind, want, where);
            else {
              assert.equal(cell?.value, want, where);
              assert.equal(cell.kind, 'number', where);
              // A decrease said in words (较上年减少1项): its place holds the count without the sign.
              const placed = Number(toHalfWidth(sliceAt(text, cell.range)).replace(/[\u2010-\u2013\ufe63]/g, '-').replace(/[^\d.-]/g, ''));
              assert.equal(/减少\s*$/.test(text.slice(0, idxOf(text, cell.range))) ? -placed : placed, want, `${where} range`);
            }
          }
        }
      }
    });

    it(`no warning or error but ${codes.length ? codes.join(', ') : 'none'}`, () => {
      const serious = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual([...new Set(serious.map((f) => f.code))].sort(), [...codes].sort(), serious.map((f) => `${f.code} ${f.message}`).join('\n'));
    });
  });
}

describe('odd: a formula pasted as text is named as a formula', () => {
  it('cell-invalid says the 总计 cell holds =SUM(C6:H6), and offers the number the identities give', () => {
    const { findings } = check(readFileSync(join(DIR, 'excel-t3-formulas-as-text.txt'), 'utf8'));
    const first = findings.find((f) => f.code === 'cell-invalid' && f.range.start.line === 48);
    assert.match(first?.message ?? '', /“本年新收申请”行“总计”列是公式“=SUM\(C6:H6\)”，不是数字/);
    assert.equal(first?.fix?.edits[0].newText, '104');
  });
});

describe('odd: a number whose thousands a space groups, in a cell of its own', () => {
  it('is one number, and cell-fullwidth offers it without the space (3 562 → 3562, 1 287 with a no-break space → 1287)', () => {
    const { findings } = check(readFileSync(join(DIR, 'tabs-t2-spaced-thousands.txt'), 'utf8'));
    const fixes = findings.filter((f) => f.code === 'cell-fullwidth').map((f) => f.fix?.edits[0].newText);
    assert.deepEqual(fixes, ['3562', '1287']);
  });
});
