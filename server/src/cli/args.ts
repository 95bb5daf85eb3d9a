import type { Layout } from '../core/authoring/layout';
import type { ExportFormat } from '../export/index';

// Command-line arguments → a command. Hand-written rather than util.parseArgs so that every
// usage error reaches the user as one clear Chinese sentence.

export type Format = 'text' | 'json' | 'sarif';
export type Locale = 'zh' | 'en';
export type DraftFormat = 'md' | 'txt';

export type Command =
  | {
    kind: 'check'; format: Format; locale: Locale; verbose: boolean; files: string[];
    /** Worker threads: 1 checks on the main thread, as always; 0 stands for every core. */
    jobs: number;
    /** --fix: write each text file's fixes; with dryRun, print them as a diff instead. */
    fix: boolean; dryRun: boolean;
  }
  | { kind: 'parse'; file: string; verbose: boolean }
  | { kind: 'convert'; file: string; to: DraftFormat; out?: string; locale: Locale; verbose: boolean }
  | { kind: 'rules'; locale: Locale }
  /** export: the file that gets submitted; `force` exports a report with errors all the same. */
  | { kind: 'export'; file: string; to: ExportFormat; layout?: Layout; out?: string; force: boolean; locale: Locale }
  | { kind: 'help' }
  | { kind: 'version' };

export class UsageError extends Error {}

export const USAGE = `用法：
  nianbao check [--format text|json|sarif] [--locale zh|en] [--jobs N|auto] [--fix [--dry-run]] [--verbose] 文件或目录...
  nianbao convert 文件 --to md|txt [--out 输出文件]
  nianbao export 文件 --to docx|md|txt [--layout tabs|markdown|cell-per-line] [--out 输出文件] [--force] [--locale zh|en]
  nianbao parse [--format json] [--verbose] 文件
  nianbao rules [--locale zh|en]
  nianbao --help | --version

check   检查政府信息公开工作年度报告；目录会递归检查其中所有年报文件（.txt、.md、.html、.docx、.doc、.wps、.odt、.rtf、.pdf、.ofd，包括符号链接）。
        文件可以是 UTF-8、带 BOM 的 UTF-16 或 GBK/GB18030 编码。
        无法读取的文件在标准错误中说明原因，其余文件照常检查；最后汇总各规则的问题数。
        有错误时退出码为 1；参数有误或没有一个文件能检查时为 2。
        --format sarif  输出 SARIF 2.1.0（供代码扫描平台使用）。
        --jobs N        用 N 个线程检查（默认 1；0 或 auto 为全部处理器核心）；输出与单线程相同。
        --fix           把可自动修正的问题直接改在 .txt、.md 文件中（保留原编码和换行符），再报告剩下的问题；
                        .html、.docx、.doc、.odt、.rtf、.pdf、.ofd 不修改。加 --dry-run 只输出修改的差异（unified diff），不改文件。
        --verbose       在标准错误中列出每个文件所用的编码。
convert 把报告（任何 check 能读的格式）写成可编辑的草稿：txt 的表格用制表符分隔，md 的表格用 Markdown 竖线表格；
        不加 --out 时输出到标准输出。
export  把报告（任何 check 能读的格式）导出为要报送的文件：docx 为公文格式的 Word 文件（A4，仿宋正文，黑体标题，
        三张统计表按法定样式画出、合并表头），md、txt 为文字稿，统计表按 --layout 重画（md 默认 markdown，txt 默认 tabs）。
        没有完全读懂的表按原文导出并加以说明。报告有错误时不导出（加 --force 仍导出）；
        不加 --out 时写在原文件旁（同名，扩展名为 .docx、.md 或 .txt），从不覆盖原文件。
parse   以 JSON 输出解析得到的报告模型（年份、格式版本、章节、统计表）。
rules   列出全部规则代码、严重程度和名称。
`;

const CHOICES: Record<string, readonly string[]> = {
  '--format': ['text', 'json', 'sarif'], '--locale': ['zh', 'en'], '--to': ['md', 'txt', 'docx'],
  '--layout': ['tabs', 'markdown', 'cell-per-line'],
};
/** Options whose value is free (a number, a path) rather than one of a few words. */
const VALUES: Record<string, string> = { '--jobs': 'N|auto', '--out': '输出文件' };

const NEWER = ['--jobs', '--fix', '--dry-run', '--to', '--out', '--layout', '--force'];

/** --jobs: a whole number of threads, or 0/auto for every core. */
function jobsOf(value: string): number {
  if (value === 'auto') return 0;
  if (!/^\d{1,3}$/.test(value)) throw new UsageError(`选项 --jobs 的值无效：${value}（应为线程数，或 0、auto 表示全部核心）`);
  return Number(value);
}

export function parseArgs(argv: string[]): Command {
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  let flag: 'help' | 'version' | undefined;
  let verbose = false, fix = false, dryRun = false, force = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') { flag ??= 'help'; continue; }
    if (arg === '--version' || arg === '-v') { flag ??= 'version'; continue; }
    if (arg === '--verbose') { verbose = true; continue; }
    if (arg === '--fix') { fix = true; continue; }
    if (arg === '--dry-run') { dryRun = true; continue; }
    if (arg === '--force') { force = true; continue; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const choices = CHOICES[name];
    const free = VALUES[name];
    if (!choices && !free) throw new UsageError(`未知选项：${arg}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || (free && value === '')) throw new UsageError(`选项 ${name} 需要一个值（${choices ? choices.join('|') : free}）`);
    if (choices && !choices.includes(value)) throw new UsageError(`选项 ${name} 的值无效：${value}（可选 ${choices.join('|')}）`);
    options[name] = value;
  }
  if (flag) return { kind: flag };

  const [command, ...rest] = positionals;
  const format = (options['--format'] ?? 'text') as Format;
  const locale = (options['--locale'] ?? 'zh') as Locale;
  // The options older than a command stay accepted (and ignored) where they were; the newer ones
  // only where they mean something, so that a misplaced one is not silently dropped.
  const only = (allowed: string[]) => {
    for (const name of [...Object.keys(options), ...(fix ? ['--fix'] : []), ...(dryRun ? ['--dry-run'] : []), ...(force ? ['--force'] : [])]) {
      if (NEWER.includes(name) && !allowed.includes(name)) throw new UsageError(`${command} 不接受选项 ${name}`);
    }
  };
  switch (command) {
    case 'check': {
      only(['--format', '--locale', '--jobs', '--fix', '--dry-run']);
      if (rest.length === 0) throw new UsageError('check 需要至少一个文件或目录');
      if (dryRun && !fix) throw new UsageError('--dry-run 只能与 --fix 一起使用');
      if (dryRun && format !== 'text') throw new UsageError('--fix --dry-run 在标准输出中输出差异，不能与 --format json 或 sarif 同用');
      const jobs = options['--jobs'] === undefined ? 1 : jobsOf(options['--jobs']);
      return { kind: 'check', format, locale, verbose, files: rest, jobs, fix, dryRun };
    }
    case 'convert': {
      only(['--to', '--out']);
      if (options['--format']) throw new UsageError('convert 不接受选项 --format（请用 --to md|txt）');
      if (rest.length !== 1) throw new UsageError('convert 需要且只需要一个文件');
      const to = options['--to'] as DraftFormat | 'docx' | undefined;
      if (!to) throw new UsageError('convert 需要 --to md 或 --to txt');
      if (to === 'docx') throw new UsageError('convert 只写草稿（--to md 或 --to txt）；导出 Word 文件请用 nianbao export --to docx');
      return { kind: 'convert', file: rest[0], to, out: options['--out'], locale, verbose };
    }
    case 'export': {
      only(['--to', '--out', '--layout', '--force']);
      if (options['--format']) throw new UsageError('export 不接受选项 --format（请用 --to docx|md|txt）');
      if (rest.length !== 1) throw new UsageError('export 需要且只需要一个文件');
      const to = options['--to'] as ExportFormat | undefined;
      if (!to) throw new UsageError('export 需要 --to docx、--to md 或 --to txt');
      const layout = options['--layout'] as Layout | undefined;
      if (layout && to === 'docx') throw new UsageError('--layout 只用于 --to md 或 --to txt（Word 文件中的统计表总按法定样式画出）');
      return { kind: 'export', file: rest[0], to, layout, out: options['--out'], force, locale };
    }
    case 'parse':
      only([]);
      if (options['--format'] && options['--format'] !== 'json') throw new UsageError('parse 只支持 --format json');
      if (rest.length !== 1) throw new UsageError('parse 需要且只需要一个文件');
      return { kind: 'parse', file: rest[0], verbose };
    case 'rules':
      only([]);
      if (rest.length > 0) throw new UsageError(`rules 不接受参数：${rest[0]}`);
      return { kind: 'rules', locale };
    case undefined:
      throw new UsageError('缺少命令');
    default:
      throw new UsageError(`未知命令：${command}`);
  }
}
