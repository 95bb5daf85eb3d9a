import { isAbsolute, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { version } from '../../../package.json';
import { RULES, type Finding, type Locale, type Severity } from '../core/service';
import type { Range } from '../core/lineIndex';
import type { ReadProblem } from './files';

// --format sarif: SARIF 2.1.0, the format code-scanning platforms and editors' SARIF viewers read.
// Results are built per file as the files are checked (so that a worker thread can build its own);
// the log around them is built once at the end.

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/**
 * Where a rule's docs are. package.json names no repository, so the docs that come with nianbao are
 * linked, the way the editor links a diagnostic's code (lsp/diagnostics.ts): docs/rules/<code>.md beside
 * dist/. (The bundle is dist/cli.js, so __dirname is dist/.)
 */
const docs = (...path: string[]) => pathToFileURL(join(__dirname, '..', ...path)).href;
const RULE_INDEX = new Map(RULES.map((r, i) => [r.code, i]));

/** The file as a URI reference: relative to the folder nianbao runs in (`%SRCROOT%`) when it is inside, else absolute. */
export function artifactLocation(path: string, cwd = process.cwd()): Sarif.ArtifactLocation {
  const rel = relative(cwd, path);
  if (rel && !rel.startsWith('..') && !isAbsolute(rel)) {
    return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
  }
  return { uri: pathToFileURL(path).href };
}

/** 1-based lines and columns; columns count UTF-16 code units, as the run's columnKind says; the end column is the one after the region. */
export const region = (r: Range): Sarif.Region => ({
  startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1,
});

/**
 * One file's results. `positioned` is false for a Word or PDF document:
 * its findings' places are in the draft made of it, not in the file, so they get neither region nor fix.
 */
export function sarifResults(path: string, findings: Finding[], positioned: boolean): Sarif.Result[] {
  const artifact = artifactLocation(path);
  return findings.map((f) => {
    const result: Sarif.Result = {
      ruleId: f.code, level: LEVEL[f.severity], message: { text: f.message },
      locations: [{ physicalLocation: positioned ? { artifactLocation: artifact, region: region(f.range) } : { artifactLocation: artifact } }],
    };
    const index = RULE_INDEX.get(f.code);
    if (index !== undefined) result.ruleIndex = index;
    if (f.fix && positioned) {
      result.fixes = [{
        description: { text: f.fix.title },
        artifactChanges: [{
          artifactLocation: artifact,
          replacements: f.fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
        }],
      }];
    }
    return result;
  });
}

export interface SarifRun {
  results: Sarif.Result[];
  problems: ReadProblem[];
  /** A rule that threw while checking a file: a bug in nianbao, told as an error notification. */
  ruleErrors: string[];
  checked: number;
  exitCode: number;
  locale: Locale;
}

/** The whole log: the tool and its rules, the files that could not be read, the results. */
export function sarifLog({ results, problems, ruleErrors, checked, exitCode, locale }: SarifRun): Sarif.Log {
  const notifications: Sarif.Notification[] = [
    ...problems.map((p): Sarif.Notification => ({
      level: 'error',
      descriptor: { id: p.kind },
      message: { text: `${p.kind === 'unreadable' ? (locale === 'en' ? 'cannot read' : '无法读取') : (locale === 'en' ? 'skipped' : '未检查')}: ${p.reason[locale]}` },
      locations: [{ physicalLocation: { artifactLocation: artifactLocation(p.path) } }],
    })),
    ...ruleErrors.map((text): Sarif.Notification => ({ level: 'error', descriptor: { id: 'rule-error' }, message: { text: text.trim() } })),
  ];
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'nianbao', version, semanticVersion: version, informationUri: docs('README.md'),
          rules: RULES.map((r) => ({
            id: r.code,
            shortDescription: { text: r.title[locale] },
            fullDescription: { text: r.description[locale] },
            helpUri: docs('docs', 'rules', `${r.code}.md`),
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      invocations: [{
        // Successful when it checked what it could: only a run that could check no file at all failed.
        executionSuccessful: checked > 0 || problems.length === 0,
        exitCode,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(process.cwd()).href.replace(/\/?$/, '/') } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
}
