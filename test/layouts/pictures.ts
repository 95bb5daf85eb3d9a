import type { TableKey } from '../../server/src/core/format/schema';

// Statutory tables that a drafter put into the report as pictures (a screenshot, an Excel range pasted
// as a picture, an embedded Excel sheet), and a logo at the top: the renderers of Word files
// (docx.ts, doc.ts) write each in the forms their format stores pictures in.

/** Which tables are pictures, in which form (its values are the renderer's), and whether a logo picture opens the report. */
export interface Pictures<Form extends string> { tables: TableKey[]; form: Form; logo?: boolean }

/** A 1×1 PNG: the bytes of every picture written (no reader looks at them). */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63606060f80f00010401005fe5c34b0000000049454e44ae426082', 'hex');
