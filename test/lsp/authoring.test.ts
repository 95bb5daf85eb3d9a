import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CompletionRequest, DidChangeConfigurationNotification, DocumentFormattingRequest, DocumentRangeFormattingRequest,
  DocumentSymbolRequest, FoldingRangeRequest, HoverRequest,
  type CompletionItem, type CompletionList, type DocumentSymbol, type FoldingRange, type Hover, type MarkupContent, type Position, type TextEdit,
} from 'vscode-languageserver/node';
import { SECTIONS } from '../../server/src/core/format/statute';
import { LineIndex } from '../../server/src/core/lineIndex';
import { eachCell, tablesOf } from '../../server/src/core/model';
import { applyEdits, check } from '../../server/src/core/service';
import { startTestClient, type TestClient } from './lspClient';
import { expand, snippet, template } from './snippetText';

// Writing a report over LSP: completion, hover, outline, folding and formatting, on the report
// template with a few figures filled in. A `|` in a test text marks the cursor (and is taken out).

const ROW1 = '一、本年新收政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0';
const ROW31 = '三、本年度办理结果\t（一）予以公开\t\t0\t0\t0\t0\t0\t0\t0';
const ROW37 = '\t（七）总计\t\t0\t0\t0\t0\t0\t0\t0';
/** 58 applications, 51 from natural persons and 7 from companies, all disclosed; the prose says so too. */
function report(row1 = '51\t7\t0\t0\t0\t0\t58'): string {
  const text = template()
    .replace(ROW1, ROW1.replace('0\t0\t0\t0\t0\t0\t0', row1))
    .replace(ROW31, ROW31.replace('0\t0\t0\t0\t0\t0\t0', '51\t7\t0\t0\t0\t0\t58'))
    .replace(ROW37, ROW37.replace('0\t0\t0\t0\t0\t0\t0', '51\t7\t0\t0\t0\t0\t58'))
    .replace('（二）依申请公开\n\n', '（二）依申请公开\n\n本年度共收到政府信息公开申请58件，均已按时答复。')
    .replace('五、存在的主要问题及改进情况\n\n', '五、存在的主要问题及改进情况\n\n部分栏目更新不够及时，下一步将加强审核。');
  assert.ok(text.includes('\t58') && text.includes('申请58件'), 'the template still has the rows this test fills in');
  return text;
}

/** The text without its cursor mark, and where the mark was. */
function cursor(marked: string): { text: string; position: Position } {
  const at = marked.indexOf('|');
  assert.ok(at >= 0);
  const text = marked.slice(0, at) + marked.slice(at + 1);
  return { text, position: new LineIndex(text).position(at) };
}

/** Where `needle` stands in the text (its `nth` occurrence), plus `offset` characters. */
function positionOf(text: string, needle: string, offset = 0, nth = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, needle);
  return new LineIndex(text).position(at + offset);
}

let documents = 0;
async function open(c: TestClient, text: string, languageId = 'plaintext'): Promise<string> {
  const uri = `file:///reports/authoring-${++documents}.txt`;
  await c.open(uri, text, languageId);
  return uri;
}

async function complete(c: TestClient, marked: string, languageId?: string): Promise<CompletionItem[]> {
  const { text, position } = cursor(marked);
  const uri = await open(c, text, languageId);
  const result = (await c.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[] | CompletionList | null;
  const items = Array.isArray(result) ? result : result?.items ?? [];
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

async function hover(c: TestClient, text: string, position: Position): Promise<string | undefined> {
  const uri = await open(c, text);
  const h = (await c.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position })) as Hover | null;
  return h ? (h.contents as MarkupContent).value : undefined;
}

/** Every cell's value, table by table: what formatting must not change. */
function values(text: string): string[] {
  const out: string[] = [];
  for (const t of tablesOf(check(text).report)) eachCell(t, (cell, row, col) => out.push(`${t.key}.${row}.${col}=${cell.raw}`));
  return out;
}

describe('writing a report over LSP', () => {
  let client: TestClient, english: TestClient;
  before(async () => { [client, english] = await Promise.all([startTestClient('zh-cn'), startTestClient('en-US', 'en')]); });
  after(async () => { await Promise.all([client?.stop(), english?.stop()]); });

  it('the filled-in template is clean, so what follows is about a correct report', () => {
    assert.deepEqual(check(report()).findings.filter((f) => f.severity !== 'information'), []);
  });

  describe('completion', () => {
    it('at the start of a line offers the section headings, the next missing one first', async () => {
      const items = await complete(client, report().replace('五、存在的主要问题及改进情况', '|'));
      assert.equal(items[0].label, '五、存在的主要问题及改进情况');
      assert.equal(items[0].preselect, true);
      assert.deepEqual(items.map((i) => i.label).sort(), SECTIONS.map((s) => `${s.numeral}、${s.title}`).sort());
    });

    it('replaces what has been typed of the heading', async () => {
      const items = await complete(client, report().replace('五、存在的主要问题及改进情况', '五、存在|'));
      const edit = items[0].textEdit as TextEdit;
      assert.equal(items[0].label, '五、存在的主要问题及改进情况');
      assert.equal(edit.range.start.character, 0);
      assert.equal(edit.range.end.character, 4);
    });

    it('in a new .nianbao file, offers 一、总体情况 first', async () => {
      const items = await complete(client, '|', 'nianbao');
      assert.equal(items[0].label, '一、总体情况');
    });

    it('inside a table offers its row labels, the next missing row first', async () => {
      const t3 = await complete(client, report().replace('二、上年结转政府信息公开申请数量\t\t\t0\t0\t0\t0\t0\t0\t0', '|'));
      assert.equal(t3[0].label, '二、上年结转政府信息公开申请数量');
      assert.equal(t3[0].preselect, true);
      assert.ok(t3.some((i) => i.label === '1.属于国家秘密'));
      const t2 = await complete(client, report().replace('行政规范性文件\t0\t0\t0', '行政|'));
      assert.equal(t2[0].label, '行政规范性文件');
      assert.equal(t2[0].detail, '第二十条第（一）项');
    });

    it('on the line after a complete table, offers the next section heading', async () => {
      const items = await complete(client, report().replace('行政事业性收费\t0\n\n三、收到和处理政府信息公开申请情况', '行政事业性收费\t0\n|'));
      assert.equal(items[0].label, '三、收到和处理政府信息公开申请情况');
    });

    it('in a total cell offers the value the identities determine, the row total first', async () => {
      const items = await complete(client, report('51\t7\t0\t0\t0\t0\t5|'));
      assert.equal(items[0].label, '58');
      assert.equal(items[0].preselect, true);
      assert.match(items[0].detail ?? '', /总计 = 自然人/);
      const edit = items[0].textEdit as TextEdit;
      assert.equal(edit.range.end.character - edit.range.start.character, 1, 'replaces the 5 typed so far');
      assert.equal((await complete(client, report('51\t7\t0\t0\t0\t0\t|')))[0].label, '58', 'and in a blank one');
    });

    it('offers nothing in a cell that is not a total, nor in a text that is no report', async () => {
      assert.deepEqual(await complete(client, report('5|1\t7\t0\t0\t0\t0\t58')), []);
      assert.deepEqual(await complete(client, '购物清单\n|'), []);
    });
  });

  describe('hover', () => {
    it('on a table number: table, row, column and each identity with its values', async () => {
      const text = report();
      const value = await hover(client, text, positionOf(text, '\t58', 1));
      assert.ok(value);
      assert.match(value, /\*\*表三\*\* 收到和处理政府信息公开申请情况/);
      assert.match(value, /行：一、本年新收政府信息公开申请数量/);
      assert.match(value, /列：总计/);
      assert.match(value, /总计 \*\*58\*\* = 51 \+ 7 \+ 0 \+ 0 \+ 0 \+ 0 ✓/);
      assert.match(value, /表三各列：本年新收 \+ 上年结转 = 办理结果总计 \+ 结转下年度/);
    });

    it('on a correct cell of a group row names its group, and on a table 2 cell its 第二十条 item', async () => {
      const text = report();
      assert.match((await hover(client, text, positionOf(text, '1.属于国家秘密\t0', 9)))!, /行：（三）不予公开 · 1\.属于国家秘密\s+列：自然人/);
      assert.match((await hover(client, text, positionOf(text, '规章\t0', 3)))!, /行：第二十条第（一）项 · 规章\s+列：本年制发件数/);
    });

    it('on a wrong total: what it should be', async () => {
      const text = report('51\t7\t0\t0\t0\t0\t59');
      const value = await hover(client, text, positionOf(text, '\t59', 1));
      assert.match(value!, /总计 \*\*59\*\* = 51 \+ 7 \+ 0 \+ 0 \+ 0 \+ 0 ✗ 应为 58/);
    });

    it('on a blank cell: that it is no zero, and what the other cells make it', async () => {
      const text = report('51\t\t0\t0\t0\t0\t58');
      const value = await hover(client, text, positionOf(text, '51\t\t0', 3));
      assert.match(value!, /列：商业企业/);
      assert.match(value!, /此格不是数字（空白）：空白不等于 0/);
      assert.match(value!, /表三各行：总计 = 自然人 \+ 各类法人或其他组织\s+按其他各格应为 7/);
    });

    it('on a prose figure: the table cell it was checked against', async () => {
      const text = report();
      const value = await hover(client, text, positionOf(text, '申请58件', 2));
      assert.match(value!, /正文数字/);
      assert.match(value!, /表三“本年新收申请”行“总计”列 58/);
      assert.match(value!, /✓/);
    });

    it('in English with nianbao.language “en”', async () => {
      const text = report('51\t7\t0\t0\t0\t0\t59');
      const value = await hover(english, text, positionOf(text, '\t59', 1));
      assert.match(value!, /\*\*Table 3\*\*/);
      assert.match(value!, /Row: 一、本年新收政府信息公开申请数量\s+Column: 总计/);
      assert.match(value!, /✗ should be 58/);
    });

    it('follows nianbao.language changed while the editor runs, as the findings do', async () => {
      let language = 'zh';
      const c = await startTestClient('en-US', undefined, { configuration: () => ({ language }) });
      try {
        const text = report('51\t7\t0\t0\t0\t0\t59');
        const uri = 'file:///reports/authoring-language.txt';
        await c.open(uri, text);
        await c.diagnostics(uri, 1);
        const at = { textDocument: { uri }, position: positionOf(text, '\t59', 1) };
        const value = async () => (((await c.connection.sendRequest(HoverRequest.type, at)) as Hover).contents as MarkupContent).value;
        assert.match(await value(), /✗ 应为 58/);
        language = 'en';
        const next = c.nextDiagnostics(uri);
        await c.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
        assert.ok((await next).some((d) => /should be 58/.test(String(d.message))), 'the findings are in English');
        assert.match(await value(), /\*\*Table 3\*\*[^]*✗ should be 58/);
      } finally {
        await c.stop();
      }
    });

    it('on prose that is no figure: nothing', async () => {
      const text = report();
      // (均已按时答复 after it is a statement now, all 58 answered: its hover checks it against 结转下年度.)
      assert.equal(await hover(client, text, positionOf(text, '本年度共收到政府信息公开申请58件', 1)), undefined);
      assert.match((await hover(client, text, positionOf(text, '均已按时答复', 1)))!, /表三结转下年度继续办理 = 0 ✓/);
    });
  });

  describe('outline and folding', () => {
    it('the six sections, each table under its section', async () => {
      const text = report();
      const uri = await open(client, text);
      const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
      assert.deepEqual(symbols.map((s) => s.name), SECTIONS.map((s) => `${s.numeral}、${s.title}`));
      assert.deepEqual(symbols.map((s) => s.children?.map((c) => c.name) ?? []),
        [[], ['表二 主动公开政府信息情况'], ['表三 收到和处理政府信息公开申请情况'], ['表四 政府信息公开行政复议、行政诉讼情况'], [], []]);
      const table4 = symbols[3].children![0];
      assert.equal(text.split('\n')[table4.selectionRange.start.line], '行政复议\t\t\t\t\t行政诉讼', 'table 4 starts at its first row');
      for (const s of symbols) {
        for (const child of s.children ?? []) assert.ok(child.range.start.line >= s.range.start.line && child.range.end.line <= s.range.end.line);
      }
    });

    it('folds each section and each table', async () => {
      const text = report();
      const uri = await open(client, text);
      const folds = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) as FoldingRange[];
      const lines = text.split('\n');
      const starts = folds.map((f) => lines[f.startLine]);
      for (const s of SECTIONS) assert.ok(starts.includes(`${s.numeral}、${s.title}`), s.title);
      assert.ok(starts.includes('第二十条第（一）项'), 'table 2');
      assert.ok(starts.some((l) => l.startsWith('（本列数据的勾稽关系为')), 'table 3');
      assert.ok(starts.includes('行政复议\t\t\t\t\t行政诉讼'), 'table 4, though the reader finds its anchor 行政复议 in the heading');
      for (const f of folds) assert.notEqual(lines[f.endLine].trim(), '', 'a fold ends on a line with text');
    });
  });

  describe('formatting', () => {
    // The template with Markdown tables 3 and 4, their pipes anywhere (as typed).
    const t3 = expand(snippet('nianbao-table3-md').body).trimEnd();
    const t4 = expand(snippet('nianbao-table4-md').body).trimEnd();
    const markdown = report().replace(/(三、收到和处理政府信息公开申请情况\n\n)[^]*?(\n\n四、)/, (_, a, b) => a + t3.replace(/ \| /g, '|') + b)
      .replace(/(四、政府信息公开行政复议、行政诉讼情况\n\n)[^]*?(\n\n五、)/, (_, a, b) => a + t4 + b);

    async function format(text: string, range?: { start: Position; end: Position }): Promise<TextEdit[]> {
      const uri = await open(client, text, 'markdown');
      return range
        ? (await client.connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument: { uri }, range, options: { tabSize: 4, insertSpaces: true } })) ?? []
        : (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } })) ?? [];
    }

    it('aligns the columns of Markdown tables for display width and changes no value', async () => {
      const formatted = applyEdits(markdown, await format(markdown));
      assert.notEqual(formatted, markdown);
      assert.deepEqual(values(formatted), values(markdown));
      assert.equal(values(formatted).length, 175 + 15 + 10, 'tables 3 and 4 in Markdown, table 2 tab-separated: all read');
      const rows = formatted.split('\n').filter((l) => l.startsWith('| 一、本年新收') || l.startsWith('| 二、上年结转'));
      assert.equal(rows.length, 2);
      // Both labels are 16 Chinese characters: the pipes after them stand in the same display column.
      assert.equal(rows[0].indexOf('|', 2), rows[1].indexOf('|', 2));
      assert.deepEqual(check(formatted).findings.map((f) => f.code), check(markdown).findings.map((f) => f.code));
    });

    it('formatting twice changes nothing; tab-separated tables are aligned with spaces before their tabs', async () => {
      const formatted = applyEdits(markdown, await format(markdown));
      assert.deepEqual(await format(formatted), []);
      const tabs = applyEdits(report(), await format(report()));
      assert.notEqual(tabs, report());
      assert.equal(tabs.replace(/ /g, ''), report().replace(/ /g, ''), 'only spaces added');
      assert.deepEqual(values(tabs), values(report()));
      assert.deepEqual(await format(tabs), []);
    });

    it('Format Selection formats only the tables it touches', async () => {
      const table4 = positionOf(markdown, '| 行政复议');
      const edits = await format(markdown, { start: table4, end: table4 });
      assert.ok(edits.length > 0);
      const table4Lines = markdown.split('\n').map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('|') && l.includes('结果')).map(([, i]) => i);
      for (const e of edits) assert.ok(e.range.start.line >= table4.line && e.range.start.line <= Math.max(...table4Lines) + 1, JSON.stringify(e));
    });
  });
  describe('converting a table between layouts (nianbao/convertTable)', () => {
    type Reply = { edits: TextEdit[] } | { refused: string };
    async function convert(text: string, at: Position, to: string): Promise<Reply> {
      const uri = await open(client, text);
      return client.connection.sendRequest('nianbao/convertTable', { uri, range: { start: at, end: at }, to });
    }

    it('rewrites the table the cursor is in, in each layout, with the same cells', async () => {
      const text = report();
      const at = positionOf(text, '（七）总计');
      for (const to of ['markdown', 'cell-per-line', 'tabs']) {
        const reply = await convert(text, at, to);
        assert.ok('edits' in reply && reply.edits.length === 1, to);
        const converted = applyEdits(text, reply.edits);
        assert.deepEqual(values(converted), values(text), to);
        const t3 = check(text).report.tables.t3!.range;
        assert.ok(reply.edits[0].range.start.line >= t3.start.line && reply.edits[0].range.end.line <= t3.end.line + 1, 'table 3 only');
      }
    });

    it('says why it converts nothing: no table there, or an unknown layout', async () => {
      assert.deepEqual(await convert(report(), { line: 0, character: 0 }, 'markdown'), { refused: 'no-table' });
      assert.deepEqual(await convert(report(), positionOf(report(), '（七）总计'), 'html'), { refused: 'no-table' });
    });
  });
});
