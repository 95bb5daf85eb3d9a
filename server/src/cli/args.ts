// Command-line arguments → a command. Hand-written rather than util.parseArgs so that every
// usage error reaches the user as one clear Chinese sentence.

export type Format = 'text' | 'json';
export type Locale = 'zh' | 'en';

export type Command =
  | { kind: 'check'; format: Format; locale: Locale; verbose: boolean; files: string[] }
  | { kind: 'parse'; file: string; verbose: boolean }
  | { kind: 'rules'; locale: Locale }
  | { kind: 'help' }
  | { kind: 'version' };

export class UsageError extends Error {}

export const USAGE = `用法：
  nianbao check [--format text|json] [--locale zh|en] [--verbose] 文件或目录...
  nianbao parse [--format json] [--verbose] 文件
  nianbao rules [--locale zh|en]
  nianbao --help | --version

check   检查政府信息公开工作年度报告；目录会递归检查其中所有年报文件（.txt、.md、.html、.docx、.pdf，包括符号链接）。
        文件可以是 UTF-8、带 BOM 的 UTF-16 或 GBK/GB18030 编码。
        无法读取的文件在标准错误中说明原因，其余文件照常检查。
        有错误时退出码为 1；参数有误或没有一个文件能检查时为 2。
        --verbose 在标准错误中列出每个文件所用的编码。
parse   以 JSON 输出解析得到的报告模型（年份、格式版本、章节、统计表）。
rules   列出全部规则代码、严重程度和名称。
`;

const CHOICES: Record<string, readonly string[]> = { '--format': ['text', 'json'], '--locale': ['zh', 'en'] };

export function parseArgs(argv: string[]): Command {
  const options: Record<string, string> = {};
  const positionals: string[] = [];
  let flag: 'help' | 'version' | undefined;
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') { flag ??= 'help'; continue; }
    if (arg === '--version' || arg === '-v') { flag ??= 'version'; continue; }
    if (arg === '--verbose') { verbose = true; continue; }
    if (!arg.startsWith('-') || arg === '-') { positionals.push(arg); continue; }
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    const choices = CHOICES[name];
    if (!choices) throw new UsageError(`未知选项：${arg}`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new UsageError(`选项 ${name} 需要一个值（${choices.join('|')}）`);
    if (!choices.includes(value)) throw new UsageError(`选项 ${name} 的值无效：${value}（可选 ${choices.join('|')}）`);
    options[name] = value;
  }
  if (flag) return { kind: flag };

  const [command, ...rest] = positionals;
  const format = (options['--format'] ?? 'text') as Format;
  const locale = (options['--locale'] ?? 'zh') as Locale;
  switch (command) {
    case 'check':
      if (rest.length === 0) throw new UsageError('check 需要至少一个文件或目录');
      return { kind: 'check', format, locale, verbose, files: rest };
    case 'parse':
      if (options['--format'] === 'text') throw new UsageError('parse 只支持 --format json');
      if (rest.length !== 1) throw new UsageError('parse 需要且只需要一个文件');
      return { kind: 'parse', file: rest[0], verbose };
    case 'rules':
      if (rest.length > 0) throw new UsageError(`rules 不接受参数：${rest[0]}`);
      return { kind: 'rules', locale };
    case undefined:
      throw new UsageError('缺少命令');
    default:
      throw new UsageError(`未知命令：${command}`);
  }
}
