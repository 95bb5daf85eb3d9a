import { realpathSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { check } from '../core/service';
import { applyRuleLevels } from '../core/settings';
import { asWrittenNote, exportReport, NOT_A_REPORT } from '../export/index';
import type { Command } from './args';
import { readDocument, systemError } from './files';
import { EXIT, type Io } from './io';
import { importNote, noteLine, problemLine } from './output';
import { settingsFileFor } from './settingsFile';

// nianbao export: the file that gets submitted (server/src/export/). A report with errors is not
// exported unless --force says so; the output goes next to the input unless --out says otherwise,
// and never over the input itself.

/** Next to the input, with the extension of the format; “（导出）” when that would be the input itself. */
export function defaultOutput(input: string, to: string): string {
  const { dir, name } = path.parse(input);
  const plain = path.join(dir, `${name}.${to}`);
  return plain === input || path.resolve(plain) === path.resolve(input) ? path.join(dir, `${name}（导出）.${to}`) : plain;
}

/** The same file, symbolic links and relative paths resolved (an output not yet there is not the input). */
function sameFile(a: string, b: string): boolean {
  const real = (p: string) => { try { return realpathSync(p); } catch { return path.resolve(p); } };
  return real(a) === real(b);
}

export async function exportCommand({ file, to, layout, out, force, locale }: Extract<Command, { kind: 'export' }>, io: Io): Promise<number> {
  const read = await readDocument(file);
  if (!('text' in read)) { io.stderr(problemLine(read, locale)); return EXIT.usage; }
  for (const note of read.imported?.notes ?? []) io.stderr(importNote(read.path, note, locale));
  const { report, findings } = check(read.text, { locale, related: false });
  if (!report.looksLikeReport) {
    io.stderr(noteLine({ zh: `${file} ${NOT_A_REPORT.zh}，未导出`, en: `${file} ${NOT_A_REPORT.en}: not exported` }, locale));
    return EXIT.usage;
  }
  const errors = applyRuleLevels(findings, settingsFileFor(read.path).settings.rules ?? {}).filter((f) => f.severity === 'error').length;
  if (errors && !force) {
    io.stderr(noteLine({
      zh: `${file} 有 ${errors} 个错误，未导出。请先修正（nianbao check ${file} 列出这些错误），或加 --force 仍然导出`,
      en: `${file} has ${errors} error(s): not exported. Fix them first (nianbao check ${file} lists them), or add --force to export all the same`,
    }, locale));
    return EXIT.findings;
  }
  const target = out ?? defaultOutput(file, to);
  if (sameFile(target, file)) {
    io.stderr(noteLine({ zh: `输出文件就是原文件 ${file}，不覆盖原文件；请用 --out 另选文件名`, en: `the output is the input file ${file}, which is never overwritten; choose another name with --out` }, locale));
    return EXIT.usage;
  }
  const result = await exportReport(read.text, report, to, layout);
  if ('refused' in result) { io.stderr(noteLine({ zh: `${file}：${result.refused.zh}`, en: `${file}: ${result.refused.en}` }, locale)); return EXIT.usage; }
  try {
    writeFileSync(target, result.bytes);
  } catch (error) {
    const why = systemError(error);
    io.stderr(noteLine({ zh: `无法写入 ${target}：${why.zh}`, en: `cannot write ${target}: ${why.en}` }, locale));
    return EXIT.usage;
  }
  const asWritten = asWrittenNote(result.asWritten);
  if (asWritten) io.stderr(noteLine(asWritten, locale));
  if (errors) io.stderr(noteLine({ zh: `${file} 有 ${errors} 个错误，按 --force 仍已导出`, en: `${file} has ${errors} error(s), exported all the same (--force)` }, locale));
  io.stderr(noteLine({ zh: `已导出 ${target}`, en: `exported ${target}` }, locale));
  return EXIT.ok;
}
