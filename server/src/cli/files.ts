import { isUtf8, transcode } from 'node:buffer';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Reading is synchronous on purpose: thousands of small files are read faster one after another
// than through the promise machinery, and the CLI has nothing else to do meanwhile.

/** A sentence for the user, in both languages of the CLI. */
export interface Said { zh: string; en: string }

export interface SourceFile { path: string; text: string }

/**
 * A file that was not checked: `unreadable` when it could not be read (the system's error),
 * `refused` when what it holds is not a report's text.
 */
export interface ReadProblem { path: string; kind: 'unreadable' | 'refused'; reason: Said }

const NOT_UTF8: Said = { zh: '不是 UTF-8 编码的文本（若是 GBK 编码，请先转换为 UTF-8）', en: 'not UTF-8 text (convert a GBK file to UTF-8 first)' };

// UTF-8 to a string through ICU's transcoding to UTF-16 and a plain copy: about five times faster
// on Chinese text than TextDecoder or toString('utf8'), which matters across thousands of files.
// (A Node built without ICU has no transcode: it decodes the plain way.)
const decode: (bytes: Buffer) => string = typeof transcode === 'function'
  ? (bytes) => transcode(bytes, 'utf8', 'ucs2').toString('ucs2')
  : (bytes) => bytes.toString('utf8');

// Files are read into one buffer, reused (and grown as needed): a new buffer per file would cost
// an allocation and a file-size query each, and the collector's attention, across thousands of files.
let scratch = Buffer.allocUnsafe(1 << 16);

/** The file's bytes, in the scratch buffer: valid until the next read. */
function readBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    for (let n = 0; ;) {
      if (n === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const got = readSync(fd, scratch, n, scratch.length - n, null);
      if (got === 0) return scratch.subarray(0, n);
      n += got;
    }
  } finally {
    closeSync(fd);
  }
}

/** One file as UTF-8 text. */
export function readSource(path: string): SourceFile | ReadProblem {
  let bytes: Buffer;
  try {
    bytes = readBytes(path);
  } catch (error) {
    return { path, kind: 'unreadable', reason: systemError(error) };
  }
  // A GBK-encoded report (common in offices) must be refused, not checked as mojibake.
  if (!isUtf8(bytes)) return { path, kind: 'refused', reason: NOT_UTF8 };
  const text = decode(bytes);
  // A leading BOM is dropped, so positions match what editors show.
  return { path, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
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

const isReportName = (name: string) => name.endsWith('.txt') || name.endsWith('.md');

export type Listed = string | ReadProblem;

/** Every report file under a directory, in a stable order; a folder that cannot be read is named in its place. */
function walk(dir: string, out: Listed[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    out.push({ path: dir, kind: 'unreadable', reason: systemError(error) });
    return;
  }
  // The directory is joined once: path.join for each of thousands of names costs more than listing them.
  const prefix = join(dir, 'x').slice(0, -1);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const { name } = entry;
    // Hidden folders and node_modules hold tooling, not reports, and can be huge.
    if (name.startsWith('.') || name === 'node_modules') continue;
    if (entry.isDirectory()) walk(prefix + name, out);
    else if (entry.isFile() && isReportName(name)) out.push(prefix + name);
  }
}

/**
 * The files named, in order, each a path to read or the reason it cannot be; a directory stands for
 * every .txt and .md file inside it, recursively.
 */
export function listSources(args: string[]): Listed[] {
  const out: Listed[] = [];
  for (const arg of args) {
    try {
      if (statSync(arg).isDirectory()) walk(arg, out);
      else out.push(arg);
    } catch (error) {
      out.push({ path: arg, kind: 'unreadable', reason: systemError(error) });
    }
  }
  return out;
}
