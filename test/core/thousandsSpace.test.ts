import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from '../../server/src/core/service';
import { bound, FIGURES, withCell } from '../import/cells';
import { LAYOUTS } from '../layouts/render';
import { spacedThousands, thousandfold } from '../layouts/thousands';

// Thousands parted by a blank (23 207) in a PDF's text or a space-aligned table, where a blank parts the cells too:
// each such row was two numbers too long (row-cells “读到 9 个数”). Now the groups are joined where the row's
// identities hold so and in one way only; a row that does not add up either way stays too long (never a value guessed).

const codes = (text: string) => check(text).findings.filter((f) => f.severity !== 'information').map((f) => f.code).sort();
const SPACED = LAYOUTS.filter((l) => ['pdf-text', 'space-aligned'].includes(l.family));

describe('table 3 with its thousands parted by a blank where blanks part the cells', () => {
  for (const layout of SPACED) {
    it(`${layout.name}: every cell read, the findings of the same table without the blanks`, () => {
      for (const { name, figures } of FIGURES) {
        const f = thousandfold(figures), plain = layout.render(f), text = spacedThousands(plain);
        if (text === plain) continue; // no count of table 3 but 0
        assert.deepEqual(bound(text, f).wrong, [], name);
        assert.deepEqual(codes(text), codes(plain), name);
      }
    });
  }
  it('a row that adds up in no reading is still said too long, its numbers unread', () => {
    for (const { name, figures } of FIGURES) {
      const f = thousandfold(figures), natural = Number(f.cells.t3['1'].natural);
      if (natural < 1000) continue;
      const text = spacedThousands(SPACED[0].render(withCell(f, 't3', '1', 'natural', String(natural + 1))));
      const found = check(text).findings;
      assert.ok(found.some((x) => x.code === 'row-cells' && x.message.includes('本年新收')), name);
      assert.ok(!found.some((x) => x.code === 'table3-row-total' && x.message.includes('本年新收')), name);
    }
  });
});
