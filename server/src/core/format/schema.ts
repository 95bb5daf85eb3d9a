import { z } from 'zod';

// The statutory format is data: the parser, the rules, the snippets and the docs all read it.
// zod checks it once at load, so a typo in a key fails the first test instead of a user's report.

export const ColumnSpec = z.object({
  key: z.string(),
  /** The header as the statute prints it. */
  header: z.string(),
  /** Keywords that identify the header text in a draft (after removing blanks and punctuation). */
  match: z.array(z.string()).min(1),
  decimals: z.boolean().default(false),
  signed: z.boolean().default(false),
  /** The header cell merged over this column and its neighbours (法人或其他组织): such columns stand side by side in any header. */
  under: z.string().optional(),
});

export const RowSpec = z.object({
  key: z.string(),
  /** The label as the statute prints it. */
  label: z.string(),
  /** Short name used in messages. */
  name: z.string(),
  /** Keywords that identify the label in a draft; the first label cell containing one of them names the row. */
  match: z.array(z.string()).min(1),
  /** Only matches after this group label (e.g. 3.6.3 “其他” inside （六）其他处理). */
  group: z.string().optional(),
  /** A group label such as （三）不予公开: it opens a group and holds no numbers of its own. */
  isGroup: z.boolean().default(false),
  /** The columns this row has, in order. */
  columns: z.array(z.string()).min(1),
  /** Table 2: the 第二十条 block the row belongs to. */
  block: z.string().optional(),
});

export const IdentitySpec = z.object({
  code: z.string(),
  /** 'column': one equation per column over the listed rows; 'row': one per row over the listed columns. */
  per: z.enum(['column', 'row']),
  sum: z.array(z.string()).min(1),
  equals: z.array(z.string()).min(1),
  /** For per-row identities: the rows it applies to (default: every data row). */
  rows: z.array(z.string()).optional(),
  /** Which side holds the total a fix should set when no single cell is to blame. */
  totalSide: z.enum(['sum', 'equals']),
  /** The key of the total on that side (a row key for per-column, a column key for per-row). */
  total: z.string(),
  description: z.string(),
});

export const TableSpec = z.object({
  key: z.enum(['t2', 't3', 't4']),
  number: z.number().int(),
  title: z.string(),
  /** Text that marks where the table begins in a draft. */
  anchors: z.array(z.string()).min(1),
  /** Words only this version of the table prints (how a table shows its version); may be none. */
  markers: z.array(z.string()),
  columns: z.array(ColumnSpec).min(1),
  rows: z.array(RowSpec).min(1),
  identities: z.array(IdentitySpec),
});

export const SectionSpec = z.object({
  number: z.number().int().min(1).max(6),
  numeral: z.string(),
  title: z.string(),
  variants: z.array(z.string()),
});

export const FormatSpec = z.object({
  /** The year its notice was issued: the format's name. */
  version: z.string().regex(/^\d{4}$/),
  notice: z.string(),
  /** The first report year it applies to. */
  firstYear: z.number().int(),
  tables: z.array(TableSpec).length(3),
});

export type ColumnSpec = z.infer<typeof ColumnSpec>;
export type RowSpec = z.infer<typeof RowSpec>;
export type IdentitySpec = z.infer<typeof IdentitySpec>;
export type TableSpec = z.infer<typeof TableSpec>;
export type SectionSpec = z.infer<typeof SectionSpec>;
export type FormatSpec = z.infer<typeof FormatSpec>;
export type TableKey = TableSpec['key'];
