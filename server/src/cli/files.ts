import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { EMPTY, readText, type Encoding } from '../import/decode';
import { documentKind, EXTENSIONS, importDocument, importText, MAX_BYTES as MAX_BYTES_OF, type DocumentKind } from '../import/index';
import type { Imported, Said } from '../import/types';

export type { Encoding, Said };

// Reading is synchronous on purpose: the CLI has nothing else to do meanwhile, and the 2,000 files of
// npm run bench are read in ~85 ms one after another, ~280 ms through fs.promises all at once.



export interface SourceFile {
  path: string;
  /** The report's text: the file's own, or the draft an importer made of a Word, web-page or PDF document (or of a text's HTML tables). */
  text: string;
  /** How a text file (or a web page) was decoded. */
  encoding?: Encoding;
  /** For a document that is not plain text, or a text with HTML tables: what the importer made of it (its source text and map, for HTML). */
  imported?: Imported & { kind: DocumentKind };
}

/** The text of a text file itself: for one with HTML tables, not the draft made of them. */
export const ownText = (source: SourceFile) => source.imported?.source?.text ?? source.text;

/**
 * A file that was not checked: `unreadable` when it could not be read (the system's error, or not a
 * regular file), `refused` when what it holds is not a report's text (empty, binary, too big, an unknown encoding).
 */
export interface ReadProblem { path: string; kind: 'unreadable' | 'refused'; reason: Said }

/** No annual report's text comes near this; a bigger file is something else, and is not read whole. */
export const MAX_BYTES = MAX_BYTES_OF.text;

// Files are read into one buffer, reused and grown as needed, so that a read can stop at the size
// limit whatever size the file claims (readFileSync would read /dev/zero until memory runs out).
let scratch = Buffer.allocUnsafe(1 << 16);

// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever. Regular files
// ignore it; anything else is refused after fstat, before a byte is read. (Windows has neither flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const LIMIT_MB = MAX_BYTES / 1024 / 1024;

function tooBig(size: number | undefined, limit: number): Said {
  const max = limit === MAX_BYTES ? `${LIMIT_MB} MB` : `${limit} 字节`;
  const maxEn = limit === MAX_BYTES ? `${LIMIT_MB} MB` : `${limit} bytes`;
  return size === undefined
    ? { zh: `文件过大（超过 ${max}），不像年度报告`, en: `file too large (over ${maxEn}), not an annual report` }
    : { zh: `文件过大（${mb(size)} MB，超过 ${max}），不像年度报告`, en: `file too large (${mb(size)} MB, over ${maxEn}), not an annual report` };
}

function notRegular(stats: Stats): Said {
  const [zh, en] = stats.isDirectory() ? ['是目录', 'a directory']
    : stats.isFIFO() ? ['是命名管道', 'a named pipe']
    : stats.isSocket() ? ['是套接字', 'a socket']
    : stats.isCharacterDevice() || stats.isBlockDevice() ? ['是设备', 'a device']
    : ['是特殊文件', 'a special file'];
  return { zh: `不是普通文件（${zh}）`, en: `not a regular file (${en})` };
}

type Refusal = Omit<ReadProblem, 'path'>;

/** The file's bytes, in the scratch buffer (valid until the next read), or why they were not read. */
function readBytes(path: string, limit: number): Buffer | Refusal {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    // Asked of the open file, not the path: it cannot change between the question and the read.
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { kind: 'unreadable', reason: notRegular(stats) };
    if (stats.size > limit) return { kind: 'refused', reason: tooBig(stats.size, limit) };
    // The size may lie (/proc files say 0): reading stops one byte past the limit whatever it said.
    const cap = limit + 1;
    // Room for the whole file and a byte more, so that one read returns it all, short of what was asked.
    if (scratch.length <= stats.size) scratch = Buffer.allocUnsafe(Math.min(Math.max(scratch.length * 2, stats.size + 1), cap));
    for (let n = 0; ;) {
      if (n === scratch.length) {
        const bigger = Buffer.allocUnsafe(Math.min(scratch.length * 2, cap));
        scratch.copy(bigger);
        scratch = bigger;
      }
      const asked = Math.min(scratch.length, cap) - n;
      const got = readSync(fd, scratch, n, asked, null);
      n += got;
      if (n > limit) return { kind: 'refused', reason: tooBig(undefined, limit) };
      // A regular file's short read is its end; when that is the size fstat told, there is no need to ask again.
      if (got === 0 || (got < asked && n === stats.size)) return scratch.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** One file as text, in whichever of the encodings it is valid in; `limit` is for the tests. */
export function readSource(path: string, limit = MAX_BYTES): SourceFile | ReadProblem {
  let bytes: Buffer | Refusal;
  try {
    bytes = readBytes(path, limit);
  } catch (error) {
    return { path, kind: 'unreadable', reason: systemError(error) };
  }
  if ('reason' in bytes) return { path, kind: bytes.kind, reason: bytes.reason };
  if (bytes.length === 0) return { path, kind: 'refused', reason: EMPTY };
  const read = readText(bytes);
  if (!('text' in read)) return { path, kind: 'refused', reason: read };
  const imported = importText(read.text);
  return imported.source ? { path, text: imported.text, encoding: read.encoding, imported: { ...imported, kind: 'text' } } : { path, text: read.text, encoding: read.encoding };
}

/**
 * One file, read as its extension says: text as it is, a Word, web-page or PDF document through its
 * importer (a copy of its bytes, since the read buffer is reused).
 */
export async function readDocument(path: string): Promise<SourceFile | ReadProblem> {
  const kind = documentKind(path) ?? 'text';
  if (kind === 'text') return readSource(path);
  let bytes: Buffer | Refusal;
  try {
    bytes = readBytes(path, MAX_BYTES_OF[kind]);
  } catch (error) {
    return { path, kind: 'unreadable', reason: systemError(error) };
  }
  if ('reason' in bytes) return { path, kind: bytes.kind, reason: bytes.reason };
  if (bytes.length === 0) return { path, kind: 'refused', reason: EMPTY };
  const imported = await importDocument(kind, Buffer.from(bytes));
  if ('refused' in imported) return { path, kind: 'refused', reason: imported.refused };
  return { path, text: imported.text, encoding: imported.encoding, imported: { ...imported, kind } };
}

// The system's errors, as sentences: never its English text.
const ERRORS: Record<string, [zh: string, en: string]> = {
  ENOENT: ['文件不存在', 'no such file'],
  ENOTDIR: ['路径中有一段不是目录', 'a part of the path is not a directory'],
  EACCES: ['没有读取权限', 'permission denied'],
  EPERM: ['没有读取权限', 'permission denied'],
  EISDIR: ['是目录，不是文件', 'a directory, not a file'],
  ELOOP: ['符号链接层数过多，可能链接成了环', 'too many symbolic links, probably a loop'],
  ENAMETOOLONG: ['文件名或路径太长', 'file name or path too long'],
  EMFILE: ['同时打开的文件太多（系统限制），请稍后再试', 'too many open files (a system limit); try again later'],
  ENFILE: ['系统中打开的文件太多，请稍后再试', 'too many open files in the system; try again later'],
  EIO: ['读取时出现输入输出错误（磁盘或网络盘可能有故障）', 'input/output error (the disk or network drive may be failing)'],
  ENXIO: ['不是普通文件（设备或套接字）', 'not a regular file (a device or socket)'],
  ENODEV: ['不是普通文件（设备）', 'not a regular file (a device)'],
  EBUSY: ['文件正被占用', 'the file is busy'],
  EAGAIN: ['文件暂时无法读取，请稍后再试', 'the file cannot be read right now; try again later'],
  ETIMEDOUT: ['读取超时（网络盘可能无响应）', 'timed out (the network drive may not be answering)'],
  ESTALE: ['网络盘上的文件已失效，请重新打开', 'stale file handle on a network drive'],
  ENOMEM: ['内存不足', 'out of memory'],
  EFBIG: ['文件过大', 'file too large'],
  EOVERFLOW: ['文件过大', 'file too large'],
  EINVAL: ['文件名或路径无效', 'invalid file name or path'],
  ERR_INVALID_ARG_VALUE: ['文件名或路径无效', 'invalid file name or path'],
  ERR_INVALID_ARG_TYPE: ['文件名或路径无效', 'invalid file name or path'],
};

/** The reason for a system error, in Chinese and English; an unknown one by its code. */
export function systemError(error: unknown): Said {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? ERRORS[code] : undefined;
  if (known) return { zh: known[0], en: known[1] };
  const tag = code ?? (error instanceof Error ? error.name : typeof error);
  return { zh: `读取出错（系统错误代码 ${tag}）`, en: `could not be read (system error ${tag})` };
}

const isReportName = (name: string) => documentKind(name) !== undefined;

export type Listed = string | ReadProblem;

interface Walk {
  out: Listed[];
  /** The real paths of the folders entered, so that a folder reached again through a link is not entered again. */
  visited: Set<string>;
  /** Folders passed over because they were walked already (for --verbose). */
  skipped: Said[];
}

/** Walks a folder unless it was walked already (reached again through a link: a link cycle ends here). */
function enter(dir: string, w: Walk): void {
  let real: string;
  try {
    real = realpathSync.native(dir);
  } catch (error) {
    w.out.push({ path: dir, kind: 'unreadable', reason: systemError(error) });
    return;
  }
  if (w.visited.has(real)) {
    w.skipped.push({ zh: `跳过 ${dir}：与已检查的目录相同（${real}），不重复检查`, en: `skipped ${dir}: the same folder as one already checked (${real})` });
    return;
  }
  w.visited.add(real);
  walk(dir, w);
}

/** Every report file under a directory, in a stable order; symbolic links are followed. */
function walk(dir: string, w: Walk): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    w.out.push({ path: dir, kind: 'unreadable', reason: systemError(error) });
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const { name } = entry;
    // Hidden folders and node_modules hold tooling, not reports, and can be huge.
    if (name.startsWith('.') || name === 'node_modules') continue;
    const path = join(dir, name);
    // A name whose bytes are not UTF-8 (GBK, from a zip made on Chinese Windows) reaches us with U+FFFD
    // in it, and by that name the system cannot find it: say why, rather than “文件不存在”.
    if (name.includes('\ufffd') && !exists(path)) {
      if (entry.isDirectory() || isReportName(name)) w.out.push({ path, kind: 'unreadable', reason: NAME_NOT_UTF8 });
      continue;
    }
    if (entry.isDirectory()) { enter(path, w); continue; }
    if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = statSync(path);
      } catch (error) {
        // A broken link is named if it looks like a report; a broken link to a folder cannot be told apart.
        if (isReportName(name)) w.out.push({ path, kind: 'unreadable', reason: linkError(error) });
        continue;
      }
      if (target.isDirectory()) enter(path, w);
      else if (isReportName(name)) w.out.push(path);
      continue;
    }
    // Regular files, and also FIFOs, sockets and devices: the reader names those.
    if (isReportName(name)) w.out.push(path);
  }
}

const NAME_NOT_UTF8: Said = { zh: '名称不是 UTF-8 编码（可能是 GBK），无法打开；请改名后再检查', en: 'the name is not UTF-8 (GBK?) and cannot be opened; rename it and check again' };

function exists(path: string): boolean {
  try { lstatSync(path); return true; } catch { return false; }
}

function linkError(error: unknown): Said {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { zh: '符号链接指向的文件不存在', en: 'broken symbolic link: its target does not exist' };
  return systemError(error);
}

/**
 * The files named, in order, each a path to read or the reason it cannot be; a directory stands for
 * report file inside it (every extension `documentKind` knows), recursively, following symbolic links. A folder is walked once
 * however many links lead to it. `notes` tell of folders with no reports in them; `skipped`, of folders
 * passed over because they were walked already.
 */
export function listSources(patterns: string[]): { items: Listed[]; notes: Said[]; skipped: Said[] } {
  const w: Walk = { out: [], visited: new Set(), skipped: [] };
  const notes: Said[] = [];
  const args: string[] = [];
  for (const arg of patterns) {
    // A glob the shell did not expand (quoted, or on Windows): expanded here, unless a file has that very name.
    if (!GLOB.test(arg) || exists(arg)) { args.push(arg); continue; }
    const matches = expandGlob(arg);
    if (matches.length === 0) notes.push({ zh: `没有与 ${arg} 匹配的文件`, en: `no files match ${arg}` });
    args.push(...matches);
  }
  for (const arg of args) {
    let stats: Stats;
    try {
      stats = statSync(arg);
    } catch (error) {
      w.out.push({ path: arg, kind: 'unreadable', reason: systemError(error) });
      continue;
    }
    if (!stats.isDirectory()) { w.out.push(arg); continue; }
    const [listed, skipped] = [w.out.length, w.skipped.length];
    enter(arg, w);
    if (w.out.length === listed && w.skipped.length === skipped) notes.push({ zh: `${arg} 中没有年报文件（${EXTENSIONS.join('、')}）`, en: `no report files (${EXTENSIONS.join(', ')}) in ${arg}` });
  }
  return { items: w.out, notes, skipped: w.skipped };
}

const GLOB = /[*?[]/;

/** A glob's one path segment as a regular expression: * and ? within the segment, [...] a class. */
function segmentPattern(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}

/**
 * The paths a glob names, sorted: `*`, `?` and `[...]` within a segment, `**` for any depth of folders
 * (hidden folders and node_modules skipped, as in a folder's walk). Node 20 has no fs.glob.
 */
export function expandGlob(pattern: string): string[] {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const first = segments.findIndex((s) => GLOB.test(s));
  const base = segments.slice(0, first).join('/') || (pattern.startsWith('/') ? '/' : '.');
  const rest = segments.slice(first);
  const found = new Set<string>();
  const seen = new Set<string>();
  const match = (dir: string, i: number): void => {
    if (i === rest.length) { found.add(dir); return; }
    if (rest[i] === '**') {
      match(dir, i + 1);
      // Each folder once, however many links lead to it.
      let real: string;
      try { real = realpathSync.native(dir); } catch { return; }
      if (seen.has(`${real}\0${i}`)) return;
      seen.add(`${real}\0${i}`);
      for (const name of entries(dir)) {
        if (name.startsWith('.') || name === 'node_modules') continue;
        const path = join(dir, name);
        if (isDirectory(path)) match(path, i);
      }
      return;
    }
    const re = segmentPattern(rest[i]);
    for (const name of entries(dir)) {
      // Like a shell: a leading dot is matched only by a pattern that starts with one.
      if (!re.test(name) || (name.startsWith('.') && !rest[i].startsWith('.'))) continue;
      const path = dir === '.' && !pattern.startsWith('./') ? name : join(dir, name);
      if (i === rest.length - 1 || isDirectory(path)) match(path, i + 1);
    }
  };
  match(base, 0);
  return [...found].sort();
}

function entries(dir: string): string[] {
  try { return readdirSync(dir); } catch { return []; }
}

function isDirectory(path: string): boolean {
  try { return statSync(path).isDirectory(); } catch { return false; }
}
