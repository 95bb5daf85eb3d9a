import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleByCode, type Finding, type Locale } from '../core/service';

// Silencing one finding in one document, without writing into the report: the quick fix runs the
// client's command nianbao.silence with the finding's key; the client keeps the keys in its
// workspaceState and sends a document's full list back (notification nianbao/silenced).
//
// The key is the rule code, the text the finding covers and its line's text (trimmed): it survives
// lines inserted or deleted above, and lapses when that line is edited — then the finding may well
// be another one, and deserves to be seen again.

export const SILENCE_COMMAND = 'nianbao.silence';

export function findingKey(document: TextDocument, f: { code: string; range: Finding['range'] }): string {
  const covered = document.getText(f.range);
  const line = document.getText({ start: { line: f.range.start.line, character: 0 }, end: { line: f.range.start.line + 1, character: 0 } });
  return `${f.code}\u0000${covered}\u0000${line.trim()}`;
}

export function unsilenced(document: TextDocument, findings: Finding[], keys: ReadonlySet<string> | undefined): Finding[] {
  return keys?.size ? findings.filter((f) => !keys.has(findingKey(document, f))) : findings;
}

/** One “ignore in this document” action per finding of a rule (not the server's notices); after the fixes, never preferred. */
export function silenceActions(document: TextDocument, diagnostics: Diagnostic[], locale: Locale): CodeAction[] {
  const title = locale === 'en' ? 'Ignore this problem in this document' : '在本文档中忽略此问题';
  return diagnostics
    .filter((d) => d.source === 'nianbao' && typeof d.code === 'string' && ruleByCode(d.code))
    .map((d) => ({
      title, kind: CodeActionKind.QuickFix, diagnostics: [d],
      command: { title, command: SILENCE_COMMAND, arguments: [document.uri, findingKey(document, { code: d.code as string, range: d.range })] },
    }));
}
