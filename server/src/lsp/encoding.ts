import { CodeActionKind, type CodeAction, type CodeActionContext } from 'vscode-languageserver';
import type { Finding, Locale } from '../core/service';
import { documentKind, KIND_NAMES } from '../import/formats';

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

// A PDF (or an RTF, a flat OpenDocument file) opened in the editor shows its source code: what the
// author reads there is no report, and a PDF's binary streams would have the notice above send them
// to reopen it as GBK. Such a file is read by the importers, through the command that converts it.

export const DOCUMENT_SOURCE = 'document-source';

/** The notice for a Word, PDF, OFD, OpenDocument or RTF file opened as text; undefined for any other document. */
export function documentSource(uri: string, locale: Locale): Finding | undefined {
  const kind = KIND_NAMES[documentKind(decodeURIComponent(uri.replace(/[?#].*$/, ''))) ?? 'text'];
  if (!kind) return undefined;
  const message = locale === 'en'
    ? `This is a ${kind} file: the editor shows its source code, which cannot be checked or corrected here. Convert it to a draft (“Convert a Word/PDF/OFD report to a draft”, in the explorer's context menu or the command palette) to check it.`
    : `这是 ${kind} 文件，编辑器中显示的是它的原始代码，不能在这里检查或修改。请先转为草稿（资源管理器中右键或命令面板：“将 Word/PDF/OFD 年报转为草稿”），再检查。`;
  const start = { line: 0, character: 0 };
  return { code: DOCUMENT_SOURCE, severity: 'information', message, range: { start, end: start } };
}

/** The command each notice offers: reopen the file in another encoding; convert the file to a draft. */
export function noticeActions(uri: string, context: CodeActionContext, locale: Locale): CodeAction[] {
  const actions: CodeAction[] = [];
  const encoding = context.diagnostics.filter((d) => d.code === WRONG_ENCODING);
  if (encoding.length) {
    const title = locale === 'en' ? 'Reopen with another encoding…' : '通过编码重新打开…';
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: encoding, isPreferred: true, command: { title, command: 'workbench.action.editor.changeEncoding' } });
  }
  const source = context.diagnostics.filter((d) => d.code === DOCUMENT_SOURCE);
  if (source.length) {
    const title = locale === 'en' ? 'Convert to a draft' : '转为草稿';
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: source, isPreferred: true, command: { title, command: 'nianbao.convertToDraft', arguments: [uri] } });
  }
  return actions;
}
