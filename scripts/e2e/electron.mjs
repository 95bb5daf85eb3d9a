// Runs the extension-host suite (test/e2e/suite) in desktop VS Code through @vscode/test-electron:
// `npm run test:electron`. It downloads VS Code 1.100.3 into .vscode-test/, so it works only on a
// machine that can reach VS Code's download servers (on Linux without a display, under xvfb-run).
// This project's own machines cannot: there `npm run test:e2e` runs the same suite in code-server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workspace = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out', 'e2e', 'suite', 'start.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { NIANBAO_E2E_REPO: root, NIANBAO_E2E_WORKSPACE: workspace, NIANBAO_E2E_EXTENSION: root },
  });
} catch (error) {
  console.error(`test:electron failed: ${error instanceof Error ? error.message : error}`);
  if (/ENOTFOUND|ECONNREFUSED|EAI_AGAIN/.test(String(error))) {
    console.error('VS Code could not be downloaded from here; `npm run test:e2e` runs the same suite in code-server.');
  }
  process.exit(1);
}
