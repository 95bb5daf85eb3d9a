import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleByCode, type Finding, type Severity } from '../core/service';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule's docs page; the docs ship next to dist/, where this bundle runs from. */
export const ruleDocsHref = (code: string) =>
  pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', code + '.md')).href;

export function toDiagnostic(finding: Finding, uri: string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'nianbao',
    message: finding.message,
  };
  // Only rules have docs pages (the server's own notices, such as too-large, do not).
  if (ruleByCode(finding.code)) diagnostic.codeDescription = { href: ruleDocsHref(finding.code) };
  if (finding.related?.length) {
    // A place in another file (last year's report) names its URI.
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.file ?? uri, range: r.range }, message: r.message }));
  }
  return diagnostic;
}
