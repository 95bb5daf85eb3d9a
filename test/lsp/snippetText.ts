import { readFileSync } from 'node:fs';

// The snippets the extension contributes, and the text one inserts when every placeholder keeps its default.

interface Snippet { prefix: string[]; body: string[] }
const snippets = JSON.parse(readFileSync('snippets/nianbao.json', 'utf8')) as Record<string, Snippet>;

/** The snippet with this prefix. */
export const snippet = (prefix: string) => Object.values(snippets).find((s) => s.prefix.includes(prefix))!;

/** The text a snippet inserts when every placeholder keeps its default (mirrors repeat it). */
export function expand(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(m[1], m[2]);
  return text.replace(/\$\{(\d+)(?::[^}]*)?\}|\$(\d+)/g, (_, a, b) => defaults.get(a ?? b) ?? '');
}

/** The report template (2021 format) as inserted. */
export const template = () => expand(snippet('nianbao-report').body);
