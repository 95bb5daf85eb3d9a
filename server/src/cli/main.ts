import { writeFileSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { version } from '../../../package.json';
import { check, RULES } from '../core/service';
import { draftToMarkdown, markdownToDraft } from '../import/draft';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { checkBatch, type BatchResult } from './batch';
import { listSources, readDocument, systemError } from './files';
import { checkJson, encodingLine, importNote, noteLine, parseJson, problemLine, ruleSummary, summary, visible, visibleJson } from './output';
import { exportCommand } from './export';
import { EXIT, type Io } from './io';
import { checkInWorkers, serveWorker, threadsFor, WORKER } from './pool';
import { Progress } from './progress';
import { sarifLog } from './sarif';
import { addAcrossYears } from './years';

// The command-line face of the core. bin/nianbao calls `main`; the bench imports `check` from
// the same bundle so that it times exactly the code the CLI runs. --jobs starts this same bundle
// again as its worker threads: there it serves the files it is sent instead.

export { check };

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER]) serveWorker();


const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), tty: process.stderr.isTTY === true };

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`nianbao：${visible(error.message)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  switch (command.kind) {
    case 'help': io.stdout(USAGE); return EXIT.ok;
    case 'version': io.stdout(`${version}\n`); return EXIT.ok;
    case 'rules': {
      const width = Math.max(...RULES.map((r) => r.code.length));
      io.stdout(RULES.map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(11)}  ${r.title[command.locale]}\n`).join(''));
      return EXIT.ok;
    }
    case 'parse': {
      const read = await readDocument(command.file);
      if (!('text' in read)) { io.stderr(problemLine(read, 'zh')); return EXIT.usage; }
      if (command.verbose && read.encoding) io.stderr(encodingLine(read.path, read.encoding, 'zh'));
      for (const note of read.imported?.notes ?? []) io.stderr(importNote(read.path, note, 'zh'));
      io.stdout(parseJson(read.path, check(read.text).report));
      return EXIT.ok;
    }
    case 'convert': return convert(command, io);
    case 'check': return checkCommand(command, io);
    case 'export': return exportCommand(command, io);
  }
}

async function checkCommand(command: Extract<Command, { kind: 'check' }>, io: Io): Promise<number> {
  const { locale, format, verbose } = command;
  const { items, notes, skipped } = listSources(command.files);
  const progress = io.tty ? new Progress(io.stderr, items.length, locale) : undefined;
  const batch = {
    items, locale, format, verbose,
    fix: command.fix ? { dryRun: command.dryRun } : undefined,
    onProgress: progress && ((done: number) => progress.tick(done)),
  };
  // --jobs 1 (the default) checks on this thread, exactly as before there were threads.
  const threads = Math.min(threadsFor(command.jobs), items.length);
  // The files that cannot be read are named, with the reason; the others are checked all the same.
  const result: BatchResult = threads > 1 ? await checkInWorkers(batch, threads, __filename) : await checkBatch(batch);
  progress?.clear();
  // Last year's report beside this year's among the files: the checks across years, on this thread.
  await addAcrossYears(result, command);
  const { printed, tally, problems, ruleErrors, encodings, fixes, importNotes } = result;
  const exit = tally.files === 0 && problems.length > 0 ? EXIT.usage : tally.errors > 0 ? EXIT.findings : EXIT.ok;
  if (verbose) io.stderr([...skipped.map((s) => noteLine(s, locale)), ...encodings].join(''));
  if (ruleErrors.length) io.stderr(ruleErrors.join(''));
  if (fixes.length) io.stderr(fixes.join(''));
  // One write for the whole run: a write per file makes the 2,000-report CLI batch ~5% slower (npm run bench).
  if (format === 'sarif') {
    const log = sarifLog({ results: result.sarif, problems, ruleErrors, checked: tally.files, exitCode: exit, locale });
    io.stdout(visibleJson(JSON.stringify(log)) + '\n');
  } else {
    io.stdout(format === 'json' ? checkJson(printed) : printed.join(''));
  }
  // After the findings, so that they are what a terminal shows last, with the summary.
  if (problems.length || notes.length || importNotes.length) io.stderr([...importNotes, ...problems.map((p) => problemLine(p, locale)), ...notes.map((n) => noteLine(n, locale))].join(''));
  if (format === 'text') io.stderr(ruleSummary(tally, locale) + summary(tally, problems.length, locale));
  return exit;
}

/**
 * convert: the report as an editable draft. txt: tables as tab-separated rows (what the importers make of
 * Word, PDF and web pages; a Markdown file's pipe tables become such rows); md: those rows as pipe tables.
 */
async function convert({ file, to, out, locale, verbose }: Extract<Command, { kind: 'convert' }>, io: Io): Promise<number> {
  const read = await readDocument(file);
  if (!('text' in read)) { io.stderr(problemLine(read, locale)); return EXIT.usage; }
  if (verbose && read.encoding) io.stderr(encodingLine(read.path, read.encoding, locale));
  const text = to === 'md' ? draftToMarkdown(markdownToDraft(read.text)) : markdownToDraft(read.text);
  if (out === undefined) { io.stdout(text); return EXIT.ok; }
  try {
    writeFileSync(out, text);
  } catch (error) {
    const why = systemError(error);
    io.stderr(noteLine({ zh: `无法写入 ${out}：${why.zh}`, en: `cannot write ${out}: ${why.en}` }, locale));
    return EXIT.usage;
  }
  return EXIT.ok;
}
