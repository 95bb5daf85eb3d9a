import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { FormatSpec, SectionSpec } from '../../server/src/core/format/schema';
import { FORMATS, SECTIONS, versionForYear } from '../../server/src/core/format/statute';

describe('the statutory format data', () => {
  it('matches its zod schema: every format of the registry, and the six sections', () => {
    z.array(FormatSpec).min(1).parse(FORMATS);
    z.array(SectionSpec).length(6).parse(SECTIONS);
  });

  it('the registry holds each version once, newest first, each with the three tables in order', () => {
    const versions = FORMATS.map((f) => f.version);
    assert.deepEqual(versions, ['2021', '2019']);
    assert.deepEqual(FORMATS.map((f) => f.firstYear), [2021, 2019]);
    for (const f of FORMATS) assert.deepEqual(f.tables.map((t) => t.key), ['t2', 't3', 't4']);
  });

  it('a report year is held to the newest format in force that year', () => {
    assert.deepEqual([2018, 2019, 2020, 2021, 2024].map(versionForYear), [null, '2019', '2019', '2021', '2021']);
  });

  for (const format of FORMATS) {
    for (const table of format.tables) {
      it(`${format.version} ${table.key}: keys are unique and every reference resolves`, () => {
        const rows = table.rows.map((r) => r.key), cols = table.columns.map((c) => c.key);
        assert.equal(new Set(rows).size, rows.length);
        assert.equal(new Set(cols).size, cols.length);
        for (const r of table.rows) {
          for (const c of r.columns) assert.ok(cols.includes(c), `${r.key}: column ${c}`);
          if (r.group) assert.ok(table.rows.some((g) => g.key === r.group && g.isGroup), `${r.key}: group ${r.group}`);
        }
        for (const id of table.identities) {
          const [sumKeys, along] = id.per === 'column' ? [rows, cols] : [cols, rows];
          for (const k of [...id.sum, ...id.equals, id.total]) assert.ok(sumKeys.includes(k), `${id.code}: ${k}`);
          for (const k of id.rows ?? []) assert.ok(along.includes(k), `${id.code}: row ${k}`);
        }
      });
    }
  }

  it('table 3 has the statutory number of cells: 175 in 2021, 161 in 2019', () => {
    const cells = (v: string) => FORMATS.find((f) => f.version === v)!.tables[1].rows.filter((r) => !r.isGroup).reduce((n, r) => n + r.columns.length, 0);
    assert.deepEqual([cells('2021'), cells('2019')], [175, 161]);
  });
});
