// The real-VS-Code tests (npm run test:e2e). VS Code desktop cannot be downloaded here, so the
// extension runs in code-server's real extension host (see shared/e2e/real-vscode-offline.md):
//   1. build, bundle the suite, package nianbao.vsix, install the tools if missing;
//   2. from the source folder: the extension-host suite (test/e2e/suite), then the UI test;
//   3. installed from nianbao.vsix with --install-extension: the same suite and the same UI test,
//      which also takes docs/screenshot.png when it is missing or NIANBAO_E2E_UPDATE_SCREENSHOT=1.
// Every phase runs even when an earlier one failed; the exit code is 1 if any failed.
// code-server is always stopped. On a failure, screenshots and logs are in .e2e/artifacts/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format } from 'node:util';
import { chromium } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = join(ROOT, '.e2e');
const ARTIFACTS = join(E2E, 'artifacts');
const CODE_SERVER = join(ROOT, '.tools', 'code-server', 'node_modules', '.bin', 'code-server');
const SUITE = join(ROOT, 'out', 'e2e', 'suite', 'start.js');
const SEED_000 = join(ROOT, 'test', 'fixtures', 'seeds', '000_d357ddc9fc064a6f.txt');
const ROW = '一、本年新收政府信息公开申请数量\t\t23\t';
const WORD_REPORT = '江北县2023年报.docx';
const WAIT = 60_000; // two cores: give the workbench time
const SUITE_WAIT = 5 * 60_000;

// code-server, Chromium and Playwright write into HOME and TMPDIR: keep them in .e2e/.
const HOME = join(E2E, 'home');
const ENV = {
  ...process.env, HOME, TMPDIR: join(E2E, 'tmp'), XDG_RUNTIME_DIR: join(E2E, 'run'),
  XDG_CONFIG_HOME: join(HOME, '.config'), XDG_DATA_HOME: join(HOME, '.local', 'share'), XDG_CACHE_HOME: join(HOME, '.cache'),
};

function run(command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: ENV });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer().on('error', reject).listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

function fresh(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Starts code-server in its own process group, runs `body`, and always stops the whole group. */
async function withCodeServer(name, extensionsDir, extraEnv, body) {
  const dir = fresh(join(E2E, name));
  mkdirSync(join(dir, 'ud', 'User'), { recursive: true });
  writeFileSync(join(dir, 'ud', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false, 'workbench.tips.enabled': false, 'chat.disableAIFeatures': true,
    'files.hotExit': 'off', 'workbench.colorTheme': 'Default Light Modern',
    // VS Code in a browser saves after a delay by default; the desktop doesn't: save with Ctrl+S as there.
    'files.autoSave': 'off',
    'git.openRepositoryInParentFolders': 'never',
    // Fix on save for documents of the nianbao language (the suite's *.nianbao.txt), set before VS Code
    // starts: VS Code drops the fix when any code action provider (re)registers while it asks for it,
    // as extensions do on a settings change — so the suite does not change this setting while it runs.
    '[nianbao]': { 'editor.codeActionsOnSave': { 'source.fixAll.nianbao': 'explicit' } },
  }));
  const port = await freePort();
  const log = join(dir, 'code-server.log');
  const out = openSync(log, 'w');
  const server = spawn(CODE_SERVER, [
    '--config', join(dir, 'cs.yaml'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', join(dir, 'ud'), '--extensions-dir', extensionsDir,
  ], { env: { ...ENV, ...extraEnv }, detached: true, stdio: ['ignore', out, out] });
  // detached = setsid: the extension host, the language server and the watchers share its group.
  const stop = () => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* already gone */ } };
  process.on('exit', stop);
  try {
    const deadline = Date.now() + WAIT;
    for (;;) {
      try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`code-server did not start; see ${log}`);
      await sleep(250);
    }
    return await body({ port, dir, log });
  } finally {
    stop();
    process.off('exit', stop);
  }
}

async function withBrowser(dir, body) {
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 800 }, env: ENV,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    return await body(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
  }
}

/** On a failure: the page as it was and code-server's logs, in .e2e/artifacts/<name>/. */
async function keepEvidence(name, page, dir) {
  const to = join(ARTIFACTS, name.replace(/[^\w.-]+/g, '-'));
  mkdirSync(to, { recursive: true });
  await page?.screenshot({ path: join(to, 'screenshot.png') }).catch(() => {});
  cpSync(join(dir, 'code-server.log'), join(to, 'code-server.log'));
  if (existsSync(join(dir, 'ud', 'logs'))) cpSync(join(dir, 'ud', 'logs'), join(to, 'logs'), { recursive: true });
  console.error(`e2e: ${name} failed; screenshot and code-server logs in ${to}`);
}

const url = (port, folder, payload) =>
  `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` + (payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : '');
const remote = (port, path) => `vscode-remote://127.0.0.1:${port}${path}`;

// The workbench's own console, forwarded with the suite's output; these lines are harmless offline.
const NOISE = /open-vsx\.org|vsda|^\s+at |Creating a socket|Resolv(ing|ed) connection token|Service Worker|ChatSessionStore|additional builtin extensions/;

/**
 * The extension-host suite, through the page URL's payload as VS Code's own test runners do.
 * VS Code runs extensionTestsPath only with an extensionDevelopmentPath: for the installed copy
 * that is an empty harness extension, so that nianbao itself comes from the extensions folder.
 */
async function extensionHostSuite(name, extensionsDir, developmentPath, extensionPath) {
  const workspace = fresh(join(E2E, `${name}-workspace`));
  const env = { NIANBAO_E2E_REPO: ROOT, NIANBAO_E2E_WORKSPACE: workspace, NIANBAO_E2E_EXTENSION: extensionPath };
  await withCodeServer(name, extensionsDir, env, ({ port, dir }) => withBrowser(dir, async (page) => {
    const payload = [['extensionDevelopmentPath', remote(port, developmentPath)], ['extensionTestsPath', remote(port, SUITE)]];
    const exit = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (!line.split('\n').every((l) => NOISE.test(l) || !l.trim())) console.log(line.split('\n').filter((l) => !NOISE.test(l)).join('\n'));
    });
    await page.goto(url(port, workspace, payload));
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(resolve, SUITE_WAIT, `no result after ${SUITE_WAIT / 1000} s`); });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (code !== 0) {
      await keepEvidence(`suite-${name}`, page, dir);
      throw new Error(`the extension-host suite (${name}) ended with ${code}`);
    }
  }));
}

/**
 * What a person sees and does: the squiggle, `Errors: 1`, the language status item's year and
 * tables, the Chinese message in the Problems panel, Ctrl+. Enter Ctrl+S, and 23 on disk. With
 * `screenshot`, the squiggle and its hover are saved there.
 */
/** Opens a workspace file as a user does: Ctrl+P, its name, Enter. */
/** Opens the quick input with `key`, types `typed` and picks the row showing `row`. */
async function quickPick(page, see, key, typed, row = typed) {
  await page.keyboard.press(key);
  await see(page.locator('.quick-input-widget input'));
  await page.keyboard.type(typed);
  await see(page.locator('.quick-input-list .monaco-list-row', { hasText: row }));
  await page.keyboard.press('Enter');
}
/** Opens a file by name (Ctrl+P). */
const quickOpen = (page, see, name) => quickPick(page, see, 'Control+P', name);
/** Runs a command from the palette (Ctrl+Shift+P). */
const palette = (page, see, typed, row) => quickPick(page, see, 'Control+Shift+P', typed, row);

async function uiTest(name, extensionsDir, developmentPath, screenshot) {
  const workspace = fresh(join(E2E, `${name}-workspace`));
  const file = join(workspace, '大兴庄镇年报.txt');
  writeFileSync(file, readFileSync(SEED_000, 'utf8').replace(ROW, ROW.replace('23', '24')));
  cpSync(join(ROOT, 'test', 'fixtures', 'odd', 'docx-t3-hidden-text-in-cells.docx'), join(workspace, WORD_REPORT));
  await withCodeServer(name, extensionsDir, {}, ({ port, dir }) => withBrowser(dir, async (page) => {
    let step = 'open the workbench';
    const see = (locator) => locator.first().waitFor({ timeout: WAIT });
    try {
      await page.goto(url(port, workspace, developmentPath && [['extensionDevelopmentPath', remote(port, developmentPath)]]));
      await see(page.locator('.monaco-workbench'));
      step = 'open the draft (Ctrl+P 大兴庄镇年报.txt Enter)';
      await see(page.locator('#status\\.problems'));
      await quickOpen(page, see, '大兴庄镇年报.txt');
      await see(page.locator('.tab[aria-label*="大兴庄镇年报.txt"]'));
      step = 'go to line 46, the wrong cell (Ctrl+G 46 Enter)';
      await page.keyboard.press('Control+G');
      await see(page.locator('.quick-input-widget input'));
      await page.keyboard.type('46');
      await page.keyboard.press('Enter');
      step = 'see the red squiggle';
      const squiggle = page.locator('.monaco-editor .squiggly-error');
      await see(squiggle);
      step = 'see “Errors: 1” in the status bar';
      await see(page.locator('#status\\.problems[aria-label*="Errors: 1"]'));
      step = 'hover the language status item ({} in the status bar) and read the year and how 表二 was read';
      // One error in the report: the item shows the error's icon; its hover lists nianbao's line.
      const languageStatus = page.locator('#status\\.languageStatus');
      await see(languageStatus);
      await languageStatus.first().hover();
      const statusHover = page.locator('.hover-language-status', { hasText: '表二' });
      await see(statusHover);
      const statusText = (await statusHover.first().innerText()).replace(/\s+/g, ' ');
      console.log(`e2e: ${name}: language status: ${statusText}`);
      assert.match(statusText, /2023 年度报告/);
      assert.match(statusText, /表二 已读懂/);
      assert.match(statusText, /1 个错误/);
      await page.screenshot({ path: join(E2E, `language-status-${name}.png`) });
      await page.mouse.move(10, 300);
      await page.keyboard.press('Escape');
      await statusHover.first().waitFor({ state: 'hidden', timeout: WAIT });
      step = 'read the Chinese message in the Problems panel';
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: '应为 23' });
      await see(row);
      console.log(`e2e: ${name}: Problems panel: ${(await row.first().innerText()).replace(/\s+/g, ' ')}`);
      step = 'hover the squiggle';
      // The squiggle is drawn under the text layer, which takes the pointer: move the mouse there.
      // Diagnostics may be redrawn while we look: take the box of a squiggle that is on screen now.
      let box = null;
      for (const deadline = Date.now() + WAIT; !box; await sleep(200)) {
        box = await squiggle.filter({ visible: true }).first().boundingBox({ timeout: 1000 }).catch(() => null);
        if (!box && Date.now() > deadline) throw new Error('no squiggle on screen');
      }
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2 - 4];
      await page.mouse.move(x, y);
      await see(page.locator('.monaco-hover', { hasText: '应为 23' }));
      if (screenshot) await page.screenshot({ path: screenshot });
      step = '“nianbao: Export to Word” asks about the error before making the file; Cancel makes none';
      // Seen: whether the export's progress (正在把…导出为 Word 文件…) ever showed, before or after the question.
      await page.evaluate(() => {
        window.nianbaoExportShown = false;
        new MutationObserver(() => { if (document.body.innerText.includes('导出为 Word 文件…')) window.nianbaoExportShown = true; })
          .observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page.mouse.move(box.x, box.y - 200);
      await page.keyboard.press('Escape');
      await palette(page, see, 'nianbao: Export to Word');
      const question = page.locator('.monaco-dialog-box', { hasText: '有 1 个错误。仍要导出为 Word 文件吗？' });
      await see(question);
      await question.first().getByRole('button', { name: 'Cancel' }).click();
      await question.first().waitFor({ state: 'detached', timeout: WAIT });
      await sleep(1000);
      assert.equal(await page.evaluate(() => window.nianbaoExportShown), false, 'the file was being made before the author was asked');
      step = 'put the cursor on the wrong cell';
      await page.mouse.move(box.x, box.y - 200);
      await page.keyboard.press('Escape');
      await page.locator('.monaco-hover').first().waitFor({ state: 'hidden', timeout: WAIT });
      await page.mouse.click(x, y);
      step = 'Ctrl+. shows the fix “改为 23”; Enter applies it';
      await page.keyboard.press('Control+.');
      await see(page.locator('.action-widget .monaco-list-row.action.focused', { hasText: '改为 23' }));
      await page.keyboard.press('Enter');
      await see(page.locator('.tab.dirty[aria-label*="大兴庄镇年报.txt"]'));
      assert(readFileSync(file, 'utf8').includes(ROW.replace('23', '24')), 'the file on disk still reads 24 before Ctrl+S');
      step = 'Ctrl+S writes 23 to disk';
      await page.keyboard.press('Control+S');
      await page.locator('.tab.dirty').waitFor({ state: 'detached', timeout: WAIT });
      for (const deadline = Date.now() + WAIT; !readFileSync(file, 'utf8').includes(ROW); await sleep(200)) {
        if (Date.now() > deadline) throw new Error('the file on disk does not read 23');
      }
      step = 'the squiggle goes and the status bar shows no errors';
      // The status bar names only counts above zero: “Warnings: 1”, or “No Problems”.
      await page.waitForFunction(() => !document.getElementById('status.problems')?.getAttribute('aria-label')?.includes('Errors'),
        undefined, { timeout: WAIT });
      await squiggle.first().waitFor({ state: 'detached', timeout: WAIT });
      step = 'open last year’s Word report (Ctrl+P): VS Code cannot show it; a notice offers “转为草稿”, which opens the checked draft';
      await quickOpen(page, see, WORD_REPORT);
      const notice = page.locator('.notification-toast', { hasText: `${WORD_REPORT} 是 Word 文件` });
      await see(notice);
      await notice.first().getByRole('button', { name: '转为草稿' }).click();
      await see(page.locator('.tab.active[aria-label*="江北县人民政府2023年政府信息公开工作年度报告"]'));
    } catch (error) {
      await keepEvidence(`ui-${name}`, page, dir);
      throw new Error(`the UI test (${name}) failed at the step “${step}”: ${error.message.split('\n')[0]}`);
    }
  }));
}

/**
 * The table preview (command “nianbao: 预览统计表”): run from the palette beside the draft with one wrong
 * cell, the webview shows that cell as wrong with the value it should be; a click on a cell selects it
 * in the draft (the status bar's “Ln”); typing the right value there turns the cell consistent; another
 * report opened in the editor takes the preview with it; after the page reloads, the preview is back
 * with a report's tables. With `screenshot`, the draft and the preview side by side are saved there.
 */
async function previewUiTest(name, extensionsDir, developmentPath, screenshot) {
  const workspace = fresh(join(E2E, `${name}-workspace`));
  const text = readFileSync(SEED_000, 'utf8').replace(ROW, ROW.replace('23', '24'));
  writeFileSync(join(workspace, '大兴庄镇年报.txt'), text);
  writeFileSync(join(workspace, '另一份年报.txt'), readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '002_5381253050f8893c.txt'), 'utf8'));
  const lineOf = (words) => text.split('\n').findIndex((l) => l.includes(words)) + 1;
  await withCodeServer(name, extensionsDir, {}, ({ port, dir }) => withBrowser(dir, async (page) => {
    let step = 'open the workbench';
    const see = (locator) => locator.first().waitFor({ timeout: WAIT });
    // The webview's page is a frame inside VS Code's webview frame.
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    const cell = (row, col) => preview.locator(`td.value[data-row="${row}"][data-col="${col}"]`);
    const selection = page.locator('#status\\.editor\\.selection');
    try {
      await page.goto(url(port, workspace, developmentPath && [['extensionDevelopmentPath', remote(port, developmentPath)]]));
      await see(page.locator('.monaco-workbench'));
      step = 'open the draft (Ctrl+P 大兴庄镇年报.txt Enter) and see “Errors: 1”';
      await see(page.locator('#status\\.problems'));
      await quickOpen(page, see, '大兴庄镇年报.txt');
      await see(page.locator('#status\\.problems[aria-label*="Errors: 1"]'));
      step = 'run “nianbao: Preview statistical tables” from the command palette';
      await palette(page, see, 'Preview statistical tables', 'nianbao: Preview statistical tables');
      step = 'see the wrong cell (表三 一、本年新收 自然人) shown as wrong, with 应为 23';
      const wrong = preview.locator('td.value.wrong');
      await see(wrong);
      assert.equal(await wrong.count(), 1);
      assert.equal(await wrong.getAttribute('data-row'), '1');
      assert.equal(await wrong.getAttribute('data-col'), 'natural');
      assert.match((await wrong.innerText()).replace(/\s+/g, ' '), /^24 应为 23$/);
      assert.equal(await preview.locator('td.value.consistent').count(), 174 + 15);
      console.log(`e2e: ${name}: preview: ${await preview.locator('h1').innerText()}; wrong cell: ${(await wrong.innerText()).replace(/\s+/g, ' ')}`);
      step = 'the page allows nothing but the extension\'s own script and style';
      assert.match(await preview.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), /^default-src 'none'; style-src [^;]+; script-src 'nonce-[^']+';$/);
      step = 'click 表三 7.属于行政执法案卷 自然人 (18): the draft selects it, on its line';
      const line = lineOf('属于行政执法案卷');
      await cell('3.3.7', 'natural').click();
      await see(page.locator('#status\\.editor\\.selection', { hasText: `Ln ${line}, ` }));
      assert.match(await selection.first().innerText(), /\(2 selected\)/);
      step = 'click the wrong cell: the draft selects it';
      await cell('1', 'natural').click();
      await see(page.locator('#status\\.editor\\.selection', { hasText: `Ln ${lineOf(ROW.replace('23', '24'))}, ` }));
      if (screenshot) {
        // The draft at the wrong cell and the preview beside it, without the side bar.
        await page.keyboard.press('Control+B');
        await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: WAIT });
        await preview.locator('section[data-table="t3"] h2').evaluate((h) => h.scrollIntoView());
        await page.screenshot({ path: screenshot });
      }
      step = 'type 23 over the wrong cell: the preview follows, the cell is consistent';
      await page.keyboard.type('23');
      await see(preview.locator('td.value.consistent[data-row="1"][data-col="natural"]', { hasText: '23' }));
      assert.equal(await preview.locator('td.value.wrong').count(), 0);
      step = 'save the draft (Ctrl+S), so that the reload below asks nothing';
      await page.keyboard.press('Control+S');
      await page.locator('.tab.dirty').waitFor({ state: 'detached', timeout: WAIT });
      step = 'open another report (2024): the preview follows the active editor';
      await quickOpen(page, see, '另一份年报.txt');
      await see(preview.locator('h1', { hasText: '2024 年度报告统计表' }));
      step = 'Developer: Reload Window: the preview is back beside the 2024 report, with its tables';
      // As an author reloads VS Code (not the browser's reload, which does not wait for VS Code to write
      // down its layout: the preview then came back with an older one, or not at all).
      await Promise.all([page.waitForEvent('load', { timeout: WAIT }), palette(page, see, 'Developer: Reload Window')]);
      await see(page.locator('.monaco-workbench'));
      await see(preview.locator('h1', { hasText: '2024 年度报告统计表' }));
      await see(preview.locator('td.value').first());
    } catch (error) {
      await keepEvidence(`ui-${name}`, page, dir);
      throw new Error(`the preview UI test (${name}) failed at the step “${step}”: ${error.message.split('\n')[0]}`);
    }
  }));
}

// Stopped from outside (Ctrl+C, a CI time-out): exit, so that the 'exit' handlers stop code-server.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(1));

const started = Date.now();
const results = [];
// `node scripts/e2e/run.mjs UI` runs only the phases whose name has “UI” in it (and the install).
const only = process.argv[2];
async function phase(name, body) {
  if (only && !name.includes(only) && !name.startsWith('install')) return;
  const t = Date.now();
  console.log(`\ne2e: ── ${name} ──`);
  try {
    await body();
    results.push({ name, ok: true, seconds: (Date.now() - t) / 1000 });
  } catch (error) {
    console.error(`e2e: ${error.message}`);
    results.push({ name, ok: false, seconds: (Date.now() - t) / 1000 });
  }
}

try {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  for (const d of [ENV.TMPDIR, ENV.XDG_RUNTIME_DIR, HOME]) mkdirSync(d, { recursive: true });
  run('npm', ['run', '--silent', 'package']);
  run('node', ['scripts/e2e/build.mjs']);
  run('bash', ['scripts/e2e/install-tools.sh']);
} catch (error) {
  console.error(`e2e: setup failed: ${error.message}`);
  process.exit(1);
}

const noExtensions = fresh(join(E2E, 'no-extensions'));
await phase('extension-host suite, from the source folder', () => extensionHostSuite('dev', noExtensions, ROOT, ROOT));
await phase('UI test, from the source folder', () => uiTest('ui-dev', noExtensions, ROOT));
await phase('UI test, from the source folder: the table preview', () => previewUiTest('preview-dev', noExtensions, ROOT));

const installed = fresh(join(E2E, 'extensions'));
const harness = fresh(join(E2E, 'harness'));
writeFileSync(join(harness, 'package.json'), JSON.stringify({
  name: 'nianbao-e2e-harness', publisher: 'nianbao-e2e', version: '0.0.0', engines: { vscode: '^1.100.0' },
}));
await phase('install nianbao.vsix', async () => {
  run(CODE_SERVER, ['--extensions-dir', installed, '--install-extension', join(ROOT, 'nianbao.vsix')]);
});
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
await phase('extension-host suite, installed .vsix', () =>
  extensionHostSuite('vsix', installed, harness, join(installed, `nianbao.nianbao-${version}`)));
// The README's screenshot is taken when it is missing or asked for, so that a run leaves docs/ as it was.
const screenshot = join(ROOT, 'docs', 'screenshot.png');
const takeScreenshot = process.env.NIANBAO_E2E_UPDATE_SCREENSHOT || !existsSync(screenshot);
await phase('UI test, installed .vsix', () => uiTest('ui-vsix', installed, undefined, takeScreenshot ? screenshot : join(E2E, 'screenshot.png')));
// The README's picture of the table preview, on the same terms.
const previewShot = join(ROOT, 'docs', 'preview.png');
const takePreviewShot = process.env.NIANBAO_E2E_UPDATE_SCREENSHOT || !existsSync(previewShot);
await phase('UI test, installed .vsix: the table preview', () =>
  previewUiTest('preview-vsix', installed, undefined, takePreviewShot ? previewShot : join(E2E, 'preview.png')));

console.log('\ne2e: summary');
for (const r of results) console.log(`  ${r.ok ? '✔' : '✘'} ${r.name} (${r.seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`e2e: ${((Date.now() - started) / 1000).toFixed(0)} s in all${failed ? `; screenshots and logs of the failures in ${ARTIFACTS}` : ''}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
