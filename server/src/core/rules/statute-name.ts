import { MISSPELLINGS } from '../format/laws';
import type { LineIndex } from '../lineIndex';
import { matchesOf } from '../strings';
import type { RawFinding, Rule } from './types';

const byLength = [...MISSPELLINGS].sort((a, b) => b.wrong.length - a.wrong.length);
const MISSPELT = new RegExp(byLength.map((m) => m.wrong).join('|'), 'g');
// A misspelling must stand as a name: one that runs on into a word is an ordinary phrase
// (政府信息公开条理化, 条理清晰; 保守国家机密法规, 法律法规). 规定 after a name is the name's (…管理办法规定).
const WORD_GOES_ON = /^(?:化|性|规(?!定)|律|治|清|分明|有序|井然)/;

function statuteNames(text: string, idx: LineIndex): RawFinding[] {
  const out: RawFinding[] = [];
  for (const m of matchesOf(MISSPELT, text)) {
    const end = m.index! + m[0].length;
    if (WORD_GOES_ON.test(text.slice(end, end + 2))) continue;
    const name = byLength.find((n) => n.wrong === m[0])!;
    const range = idx.range(m.index!, m.index! + m[0].length);
    out.push({
      code: 'statute-name', range,
      message: {
        zh: `名称写错了：“${name.wrong}”应为“${name.right}”（${name.law.startsWith('中华人民共和国') && name.law.length > 7 ? `《${name.law}》` : name.law}）。`,
        en: `Misspelt name: “${name.wrong}” should be “${name.right}”.`,
      },
      fix: { title: { zh: `改为“${name.right}”`, en: `Change to “${name.right}”` }, edits: [{ range, newText: name.right }], safe: false },
    });
  }
  return out;
}

export const statuteName: Rule = {
  code: 'statute-name', severity: 'warning',
  title: { zh: '法律法规名称写错', en: 'A misspelt name of a law' },
  description: {
    zh: '报告常引用的法律法规名称的常见错写，如“保守价格秘密法”（应为保守国家秘密法）、“政府信息公开条列”（应为条例）。只检查已知的错写，且须是名称本身：接着成词的（“政府信息公开条理化”“保守国家机密法规”）不算。快速修复改为正确名称。',
    en: 'Known misspellings of the laws reports cite, such as 保守价格秘密法 for 保守国家秘密法. Only listed misspellings are reported, and only as names: one that runs on into a word (政府信息公开条理化, 保守国家机密法规) passes. The quick fix writes the right name.',
  },
  check: ({ text, idx }) => statuteNames(text, idx),
};
