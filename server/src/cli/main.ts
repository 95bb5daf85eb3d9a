import { version } from '../../../package.json';
import { check, RULES } from '../core/service';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { checkBatch } from './batch';
import { listSources, readDocument } from './files';
import { checkJson, encodingLine, importNote, noteLine, parseJson, problemLine, summary, visible } from './output';

// The command-line face of the core. bin/nianbao calls `main`; the bench imports `check` from
// the same bundle so that it times exactly the code the CLI runs.

export { check };

/** 2 also when not one of the files named could be checked. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Io { stdout(s: string): void; stderr(s: string): void }

const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

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
    case 'check': {
      const { locale, format, verbose } = command;
      const { items, notes, skipped } = listSources(command.files);
      // The files that cannot be read are named, with the reason; the others are checked all the same.
      const { printed, tally, problems, ruleErrors, encodings, importNotes } = await checkBatch({ items, locale, format, verbose });
      if (verbose) io.stderr([...skipped.map((s) => noteLine(s, locale)), ...encodings].join(''));
      if (ruleErrors.length) io.stderr(ruleErrors.join(''));
      // One write for the whole run: a write per file makes the 2,000-report CLI batch ~5% slower (npm run bench).
      io.stdout(format === 'json' ? checkJson(printed) : printed.join(''));
      // After the findings, so that they are what a terminal shows last, with the summary.
      if (problems.length || notes.length || importNotes.length) io.stderr([...importNotes, ...problems.map((p) => problemLine(p, locale)), ...notes.map((n) => noteLine(n, locale))].join(''));
      if (format === 'text') io.stderr(summary(tally, problems.length, locale));
      if (tally.files === 0 && problems.length > 0) return EXIT.usage;
      return tally.errors > 0 ? EXIT.findings : EXIT.ok;
    }
  }
}
