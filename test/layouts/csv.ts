import type { Draw, Style } from './render';
import { drawTabs } from './tabs';

// A table exported as CSV with every field in double quotes ("规章","0","0","0"), as spreadsheet tools and
// scripts write it when told to quote all (QUOTE_ALL): one line per row, a merged cell's other grid cells
// empty fields (""), a blank statutory cell an empty field too. `thousands`: numbers written as the
// spreadsheet shows them, with a thousands separator inside their quotes ("1,092").

type Csv = Extract<Style, { family: 'csv' }>;

const quote = (field: string) => `"${field.replace(/"/g, '""')}"`;
const grouped = (field: string) => (/^\d{4,}$/.test(field) ? field.replace(/\B(?=(\d{3})+$)/g, ',') : field);

export const drawCsv: Draw<Csv> = (rows, table, style) =>
  drawTabs(rows, table, { family: 'tabs', merges: 'pad' }).map((lines) =>
    lines.map((line) => line.split('\t').map((f) => quote(style.thousands ? grouped(f) : f)).join(',')));
