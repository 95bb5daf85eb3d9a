import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { importWord } from '../../server/src/import/docx';

// What Word shows of a .docx table is what is read (test/fixtures/odd, with their gold): a total kept as a
// simple field (w:fldSimple, =SUM(LEFT)) is its result, which mammoth dropped (25 cell-blank); hidden text
// (w:vanish) before a cell's number is not read, where mammoth read it (9 before 86: 25 wrong values).

const DIR = join(process.cwd(), 'test/fixtures/odd');

describe('a .docx read as Word shows it', () => {
  for (const name of ['docx-t3-totals-in-fldsimple-fields', 'docx-t3-hidden-text-in-cells']) {
    it(`${name}: every cell of table 3 as its gold, no warning or error`, async () => {
      const result = await importWord(readFileSync(join(DIR, `${name}.docx`)), 'docx');
      assert.ok('text' in result);
      const { report, findings } = check(result.text);
      const gold = JSON.parse(readFileSync(join(DIR, 'gold', `${name}.json`), 'utf8')) as { t3: Record<string, Record<string, number>> };
      for (const [row, cols] of Object.entries(gold.t3)) {
        for (const [col, want] of Object.entries(cols)) assert.equal(report.tables.t3?.rows[row]?.cells[col]?.value, want, `t3.${row}.${col}`);
      }
      assert.deepEqual(findings.filter((f) => f.severity !== 'information').map((f) => f.code), []);
    });
  }
});
