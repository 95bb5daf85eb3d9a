import {
  CodeActionKind, TextDocumentEdit,
  type CodeAction, type CodeActionContext, type Diagnostic, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import { fixAllEdits, type Finding, type Locale } from '../core/service';

// Code actions only look fixes up: each fix was computed with its finding, for one document version.

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.nianbao`;

const TITLES = {
  zh: {
    fix: (title: string) => `修正：${title}`,
    fixRule: (code: string) => `修正本文件中所有 ${code} 问题`,
    fixAll: '修正本文件中所有可自动修正的问题',
  },
  en: {
    fix: (title: string) => `Fix: ${title}`,
    fixRule: (code: string) => `Fix all ${code} problems in this file`,
    fixAll: 'Fix all auto-fixable problems in this file',
  },
};

/** A document version and the findings shown for it. */
export interface FixSource {
  uri: string;
  version: number;
  findings: Finding[];
  locale: Locale;
  /** The client accepts versioned edits, which it refuses to apply to a changed document. */
  versionedEdits: boolean;
}

export function codeActions(source: FixSource, context: CodeActionContext): CodeAction[] {
  const titles = TITLES[source.locale];
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix, context.only, true)) {
    const rulesOffered = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const finding = source.findings.find((f) => f.fix && matches(f, diagnostic));
      if (!finding?.fix) continue;
      actions.push({
        title: titles.fix(finding.fix.title), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
        isPreferred: true, edit: workspaceEdit(source, finding.fix.edits),
      });
      // Fixing a whole rule at once is fix-all for one rule: only certain fixes (prose and years stay one by one).
      const fixable = source.findings.filter((f) => f.fix?.safe && f.code === finding.code).length;
      if (finding.fix.safe && fixable > 1 && !rulesOffered.has(finding.code)) {
        rulesOffered.add(finding.code);
        actions.push({
          title: titles.fixRule(finding.code), kind: CodeActionKind.QuickFix,
          edit: workspaceEdit(source, fixAllEdits(source.findings, finding.code)),
        });
      }
    }
  }
  // Fix-all runs on save or by command; it is offered only when asked for by kind, and applies only certain fixes.
  if (asksForFixAll(context.only)) {
    const edits = fixAllEdits(source.findings);
    if (edits.length) actions.push({ title: titles.fixAll, kind: FIX_ALL_KIND, edit: workspaceEdit(source, edits) });
  }
  return actions;
}

/** Whether a request asks for fix-all: on save VS Code sends `only: ['source.fixAll.nianbao']` (the setting's key). */
export const asksForFixAll = (only: string[] | undefined) => wanted(FIX_ALL_KIND, only, false);

/** `only` may name a parent kind: “source” and “source.fixAll” both include “source.fixAll.nianbao”. */
function wanted(kind: string, only: string[] | undefined, byDefault: boolean): boolean {
  if (!only) return byDefault;
  return only.some((o) => kind === o || kind.startsWith(o + '.'));
}

function matches(finding: Finding, diagnostic: Diagnostic): boolean {
  const a = finding.range, b = diagnostic.range;
  return finding.code === diagnostic.code
    && a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function workspaceEdit(source: FixSource, edits: TextEdit[]): WorkspaceEdit {
  return source.versionedEdits
    ? { documentChanges: [TextDocumentEdit.create({ uri: source.uri, version: source.version }, edits)] }
    : { changes: { [source.uri]: edits } };
}
