import type { Range } from '../../server/src/core/lineIndex';

// A number broken over two lines by a narrow cell, as a PDF's text layer gives it: the number's first digits stay in
// the row's line, the rest go on a line of their own under it (“… 86 12 0 1 2 3 10” / “4”), whatever its column.

/** The text with the number at `range` (on one line) cut after `at` characters, its rest alone on the next line. */
export function numberOverLines(text: string, range: Range, at: number): string {
  const lines = text.split('\n'), { line, character } = range.start;
  const row = lines[line], digits = row.slice(character, range.end.character);
  lines.splice(line, 1, row.slice(0, character + at) + row.slice(range.end.character), digits.slice(at));
  return lines.join('\n');
}

/** Where a number may be cut between two digits (not after its sign, not at its point): the first such place past its middle. */
export const cutOf = (number: string): number => {
  for (let at = Math.floor(number.length / 2); at < number.length; at++) if (/\d/.test(number[at - 1]) && /\d/.test(number[at])) return at;
  return -1;
};
