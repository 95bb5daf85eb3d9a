import type { TextDocument } from 'vscode-languageserver-textdocument';
import { preview, type Preview } from '../core/authoring/preview';
import type { Range } from '../core/lineIndex';
import type { CheckResult, Finding, Locale } from '../core/service';
import { importHtml } from '../import/html';
import { placeInSource } from '../import/inSource';

// The client's table preview (request nianbao/preview, client/src/preview.ts): the tables of a
// document's current version, with the findings shown for it, their ranges in the document as the
// editor has it — for a web page, in its HTML, as its findings are.

export const PREVIEW_REQUEST = 'nianbao/preview';
export interface PreviewParams { uri: string }
/** The preview of the document version `version`; null for a document that is not a report. */
export type PreviewReply = (Preview & { version: number }) | null;

export function documentPreview(document: TextDocument, result: CheckResult, shown: Finding[], locale: Locale): PreviewReply {
  let place: ((r: Range) => Range) | undefined;
  if (document.languageId === 'html') {
    // The page's draft is made again (the check does not keep it): the same HTML makes the same draft.
    const { text, source } = importHtml(document.getText());
    if (source) {
      const inSource = placeInSource(text, source);
      place = (r) => inSource(r).range;
    }
  }
  return { version: document.version, ...preview(result.report, shown, { locale, place }) };
}
