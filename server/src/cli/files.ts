import { isUtf8, transcode } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Reading is synchronous on purpose: the CLI has nothing else to do meanwhile, and the 2,000 files of
// npm run bench are read in ~85 ms one after another, ~280 ms through fs.promises all at once.

export interface SourceFile { path: string; text: string }

/** A file that could not be read, with the reason in Chinese. */
export interface ReadProblem { path: string; message: string }

const NOT_UTF8 = '不是 UTF-8 编码的文本（若是 GBK 编码，请先转换为 UTF-8）';

// UTF-8 to a string through ICU's transcoding to UTF-16 and a plain copy, faster on Chinese text than
// toString('utf8'): with toString the 2,000-report CLI batch takes ~3–4% longer (npm run bench).
// (A Node built without ICU has no transcode: it decodes the plain way.)
const decode: (bytes: Buffer) => string = typeof transcode === 'function'
  ? (bytes) => transcode(bytes, 'utf8', 'ucs2').toString('ucs2')
  : (bytes) => bytes.toString('utf8');

/** One file as UTF-8 text. */
export function readSource(path: string): SourceFile | ReadProblem {
  try {
    const bytes = readFileSync(path);
    // A GBK-encoded report (common in offices) must be refused, not checked as mojibake.
    if (!isUtf8(bytes)) return { path, message: NOT_UTF8 };
    const text = decode(bytes);
    // A leading BOM is dropped, so positions match what editors show.
    return { path, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { path, message: reason(error) };
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'EISDIR') return '是目录';
  return (error as Error).message;
}

/** Every report file under a directory, in a stable order. */
function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const { name } = entry;
    // Hidden folders and node_modules hold tooling, not reports, and can be huge.
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (entry.isDirectory()) walk(join(dir, name), out);
    else if (entry.isFile() && (name.endsWith('.txt') || name.endsWith('.md'))) out.push(join(dir, name));
  }
}

/** The files named; a directory stands for every .txt and .md file inside it, recursively. */
export function listSources(args: string[]): { paths: string[]; problems: ReadProblem[] } {
  const paths: string[] = [];
  const problems: ReadProblem[] = [];
  for (const arg of args) {
    try {
      if (statSync(arg).isDirectory()) walk(arg, paths);
      else paths.push(arg);
    } catch (error) {
      problems.push({ path: arg, message: reason(error) });
    }
  }
  return { paths, problems };
}
