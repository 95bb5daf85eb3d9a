import type { Layout } from '../core/authoring/layout';
import type { TableKey } from '../core/format/schema';
import type { Said } from '../import/types';

// What an export is asked for and what it gives: shared by the loader (index.ts) and the exporter's own bundle.

export type ExportFormat = 'docx' | 'md' | 'txt';

export interface Exported {
  bytes: Uint8Array;
  /** The tables the reader could not read whole, exported as the author wrote them. */
  asWritten: TableKey[];
}
export type ExportResult = Exported | { refused: Said };

/** The layout tables are drawn in when none is chosen: pipe tables in Markdown, a Word paste's tab rows in text. */
export const defaultLayout = (to: Exclude<ExportFormat, 'docx'>): Layout => (to === 'md' ? 'markdown' : 'tabs');
