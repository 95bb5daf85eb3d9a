// The numbers word processors write themselves before a numbered heading or list item (一、, （一）, 1.), by
// the number formats Word names (w:numFmt); ODF's formats (style:num-format) are mapped to these (odt.ts).

const HAN = '〇一二三四五六七八九';
/** A counter as a number format writes it (Chinese counting up to 99: 一 … 十 … 二十一). */
export function formatted(n: number, format: string): string | undefined {
  if (format === 'decimal') return String(n);
  if (format === 'decimalZero') return String(n).padStart(2, '0');
  if (format === 'chineseCounting' || format === 'chineseCountingThousand' || format === 'japaneseCounting') {
    if (n < 1 || n > 99) return String(n);
    const tens = Math.floor(n / 10), ones = n % 10;
    return (tens > 1 ? HAN[tens] : '') + (tens > 0 ? '十' : '') + (ones > 0 || tens === 0 ? HAN[ones] : '');
  }
  if (format === 'ideographDigital') return [...String(n)].map((d) => HAN[Number(d)]).join('');
  if (format === 'decimalEnclosedCircle' || format === 'decimalEnclosedCircleChinese') return n >= 1 && n <= 20 ? String.fromCharCode(0x245f + n) : String(n);
  if (format === 'lowerLetter' || format === 'upperLetter') return n >= 1 && n <= 26 ? String.fromCharCode((format === 'lowerLetter' ? 96 : 64) + n) : String(n);
  return undefined; // a bullet, or a format no report's headings use: left to the importer
}
