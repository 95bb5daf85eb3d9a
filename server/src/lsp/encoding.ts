import { CodeActionKind, type CodeAction, type CodeActionContext } from 'vscode-languageserver';
import type { Finding, Locale } from '../core/service';

// A GBK report opened as UTF-8 shows as thousands of replacement characters (�): nothing in it reads
// as a report, so without this notice the author would get no diagnostic and no hint at all.

export const WRONG_ENCODING = 'wrong-encoding';

/** More than this many, and at least one character in a hundred: not a stray � pasted from the web. */
const MIN_REPLACEMENTS = 10;

export function wrongEncoding(text: string, locale: Locale): Finding | undefined {
  let count = 0;
  for (let at = text.indexOf('\ufffd'); at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  if (count < MIN_REPLACEMENTS || count * 100 < text.length) return undefined;
  const message = locale === 'en'
    ? `${count} characters could not be decoded (shown as �): the file is probably GBK/GB18030 opened as UTF-8. Click the encoding in the status bar, choose “Reopen with Encoding” and pick GBK; the report is then checked.`
    : `文件中有 ${count} 个无法识别的字符（显示为 �），可能是把 GBK/GB18030 编码的文件当作 UTF-8 打开了。请点击状态栏中的编码（UTF-8），选择“通过编码重新打开”，再选 GBK，之后即可检查。`;
  const start = { line: 0, character: 0 };
  return { code: WRONG_ENCODING, severity: 'warning', message, range: { start, end: start } };
}

/** The command that reopens the file in another encoding, offered on the notice. */
export function reopenWithEncoding(context: CodeActionContext, locale: Locale): CodeAction[] {
  const notice = context.diagnostics.filter((d) => d.code === WRONG_ENCODING);
  if (!notice.length) return [];
  const title = locale === 'en' ? 'Reopen with another encoding…' : '通过编码重新打开…';
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics: notice, isPreferred: true, command: { title, command: 'workbench.action.editor.changeEncoding' } }];
}
