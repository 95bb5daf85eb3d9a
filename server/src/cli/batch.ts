import { check, type Locale } from '../core/service';
import { documentKind } from '../import/index';
import { findingsInSource } from '../import/inSource';
import { readDocument, readSource, type Listed, type ReadProblem, type SourceFile } from './files';
import { count, encodingLine, fileJson, textLines, visible, type Tally } from './output';

export interface Batch { items: Listed[]; locale: Locale; format: 'text' | 'json'; verbose?: boolean }
export interface BatchResult {
  /** Each file's findings as printed: text lines, or its JSON entry. */
  printed: string[];
  tally: Tally;
  /** The files that were not checked, in order: the others are checked all the same. */
  problems: ReadProblem[];
  ruleErrors: string[];
  /** --verbose: the encoding each file was read in, one line each. */
  encodings: string[];
}

// Text files are read synchronously (see files.ts); the importers of other documents are asynchronous.
const isText = (path: string) => (documentKind(path) ?? 'text') === 'text';

/**
 * Reads and checks the files, in order, on this thread. (Worker threads were tried: on the two
 * cores here V8's compiler and collector already keep the second core busy, so they only slowed it.)
 */
export async function checkBatch(batch: Batch): Promise<BatchResult> {
  const out: BatchResult = { printed: [], tally: { files: 0, errors: 0, warnings: 0, notes: 0 }, problems: [], ruleErrors: [], encodings: [] };
  for (const item of batch.items) {
    checkOne(typeof item !== 'string' ? item : isText(item) ? readSource(item) : await readDocument(item), batch, out);
  }
  return out;
}

function checkOne(source: SourceFile | ReadProblem, { locale, format, verbose }: Batch, out: BatchResult): void {
  if (!('text' in source)) { out.problems.push(source); return; }
  const { path } = source;
  if (verbose && source.encoding) out.encodings.push(encodingLine(path, source.encoding, locale));
  // A rule that throws is a bug in nianbao, not in the report: say so, keep checking.
  const onError = (error: unknown, rule: string) =>
    out.ruleErrors.push(visible(`nianbao：规则 ${rule} 在检查 ${path} 时出错（请报告此问题）：${error instanceof Error ? error.message : String(error)}`) + '\n');
  // The command line prints no related places: they are not built.
  const checked = check(source.text, { locale, onError, related: false }).findings;
  // A web page's findings are shown where they are in its HTML, not in the draft made of it.
  const mapped = source.imported?.source;
  const findings = mapped ? findingsInSource(checked, source.text, mapped) : checked;
  count(out.tally, findings);
  out.printed.push(format === 'json' ? fileJson(path, findings) : textLines(path, findings));
}
