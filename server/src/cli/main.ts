import { version } from '../../../package.json';
import { check, RULES } from '../core/service';
import { parseArgs, USAGE, UsageError, type Command } from './args';
import { checkBatch } from './batch';
import { listSources, readSource, type ReadProblem } from './files';
import { checkJson, parseJson, summary } from './output';

// The command-line face of the core. bin/nianbao calls `main`; the bench imports `check` from
// the same bundle so that it times exactly the code the CLI runs.

export { check };

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Io { stdout(s: string): void; stderr(s: string): void }

const processIo: Io = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) };

export function main(argv: string[], io: Io = processIo): number {
  let command: Command;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`nianbao：${error.message}\n\n${USAGE}`);
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
      const read = readSource(command.file);
      if (!('text' in read)) return readFailure(io, [read]);
      io.stdout(parseJson(read.path, check(read.text).report));
      return EXIT.ok;
    }
    case 'check': {
      const { paths, problems } = listSources(command.files);
      if (problems.length) return readFailure(io, problems);
      const { printed, tally, problems: unread, ruleErrors } = checkBatch({ paths, locale: command.locale, format: command.format });
      if (unread.length) return readFailure(io, unread);
      if (ruleErrors.length) io.stderr(ruleErrors.join(''));
      // One write for the whole run: a write per file makes the 2,000-report CLI batch ~5% slower (npm run bench).
      io.stdout(command.format === 'json' ? checkJson(printed) : printed.join(''));
      if (command.format === 'text') io.stderr(summary(tally, command.locale));
      return tally.errors > 0 ? EXIT.findings : EXIT.ok;
    }
  }
}

function readFailure(io: Io, problems: ReadProblem[]): number {
  io.stderr(problems.map((p) => `nianbao：无法读取 ${p.path}：${p.message}\n`).join(''));
  return EXIT.usage;
}
