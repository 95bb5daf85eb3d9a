import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../../server/src/core/service';
import { codeActions, type FixSource } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';

// Code actions are a lookup in the findings of one version; these cases need no server.

const URI = 'file:///r.txt';
const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const wrongCell = (line: number, value: string): Finding => ({
  code: 'table3-balance', severity: 'error', message: `应为 ${value}`, range: at(line, 2, 4),
  fix: { title: `改为 ${value}`, edits: [{ range: at(line, 2, 4), newText: value }], safe: true },
});
const blank: Finding = { code: 'cell-blank', severity: 'warning', message: '空白', range: at(9, 0, 0) };

const source = (findings: Finding[], versionedEdits = false): FixSource =>
  ({ uri: URI, version: 7, findings, locale: 'zh', versionedEdits });
const diagnosticsOf = (findings: Finding[]): Diagnostic[] => findings.map((f) => toDiagnostic(f, URI));
const titles = (actions: CodeAction[]) => actions.map((a) => `${a.kind} ${a.title}`);

describe('code actions', () => {
  const two = [wrongCell(3, '23'), wrongCell(5, '7')];

  it('offer the fix, and fixing the whole rule when it has more than one fix', () => {
    const actions = codeActions(source(two), { diagnostics: diagnosticsOf(two.slice(0, 1)) });
    assert.deepEqual(titles(actions), ['quickfix 修正：改为 23', 'quickfix 修正本文件中所有 table3-balance 问题']);
    assert.deepEqual(actions[0].edit, { changes: { [URI]: [{ range: at(3, 2, 4), newText: '23' }] } });
    assert.equal(actions[1].edit?.changes?.[URI].length, 2);
  });

  it('offer nothing for a diagnostic without a fix or one that no longer matches a finding', () => {
    const moved = { ...diagnosticsOf(two)[0], range: at(4, 2, 4) };
    assert.deepEqual(codeActions(source([...two, blank]), { diagnostics: [moved, ...diagnosticsOf([blank])] }), []);
  });

  it('offer source.fixAll.nianbao only when asked for by it or a parent kind', () => {
    for (const only of [['source'], ['source.fixAll'], ['source.fixAll.nianbao']]) {
      assert.deepEqual(titles(codeActions(source(two), { diagnostics: [], only })), ['source.fixAll.nianbao 修正本文件中所有可自动修正的问题']);
    }
    assert.deepEqual(codeActions(source(two), { diagnostics: diagnosticsOf(two), only: [CodeActionKind.QuickFix] })
      .filter((a) => a.kind !== CodeActionKind.QuickFix), []);
    assert.deepEqual(codeActions(source([blank]), { diagnostics: [], only: ['source.fixAll'] }), []);
  });

  it('apply only certain fixes in fix-all and in fixing a whole rule; an uncertain one is offered alone', () => {
    const prose = (line: number, value: string): Finding => ({
      code: 'prose-mismatch', severity: 'warning', message: '正文与表不符', range: at(line, 0, 2),
      fix: { title: `改为 ${value}`, edits: [{ range: at(line, 0, 2), newText: value }], safe: false },
    });
    const findings = [...two, prose(7, '5'), prose(8, '6')];
    const [fixAll] = codeActions(source(findings), { diagnostics: [], only: ['source.fixAll.nianbao'] });
    assert.deepEqual(fixAll.edit?.changes?.[URI].map((e) => e.newText), ['23', '7']);
    assert.deepEqual(titles(codeActions(source(findings), { diagnostics: diagnosticsOf([findings[2]]) })), ['quickfix 修正：改为 5']);
    assert.deepEqual(codeActions(source([prose(7, '5')]), { diagnostics: [], only: ['source.fixAll'] }), []);
  });

  it('send versioned edits without overlaps', () => {
    const overlapping: Finding = { ...wrongCell(3, '9'), code: 'table3-row-total' };
    const [fixAll] = codeActions(source([...two, overlapping], true), { diagnostics: [], only: ['source.fixAll'] });
    assert.deepEqual(fixAll.edit, {
      documentChanges: [{
        textDocument: { uri: URI, version: 7 },
        edits: [{ range: at(3, 2, 4), newText: '23' }, { range: at(5, 2, 4), newText: '7' }],
      }],
    });
  });
});
