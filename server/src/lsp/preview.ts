import { preview } from '../core/authoring/preview';
import type { Range } from '../core/lineIndex';
import type { CheckResult, Finding, Locale } from '../core/service';
import { placeInSource, type MappedSource } from '../import/inSource';
import type { PreviewReply } from './protocol';

// The client's table preview (request nianbao/preview, client/src/preview.ts): the tables of a
// document's current version, with the findings shown for it, their ranges in the document as the
// editor has it — for a web page, in its HTML, as its findings are.

/** `page`: a web page's draft and HTML, whose cells are placed in the HTML. */
export function documentPreview(version: number, result: CheckResult, shown: Finding[], locale: Locale, page?: { draft: string; source: MappedSource }): PreviewReply {
  const inSource = page && placeInSource(page.draft, page.source);
  const place = inSource && ((r: Range) => inSource(r).range);
  return { version, ...preview(result.report, shown, { locale, place }) };
}
