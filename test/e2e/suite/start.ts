import Mocha from 'mocha';
import { defineTests } from './extension.test';

// The @vscode/test-electron entry: VS Code's extension host calls run() after loading the
// extension under test. Here it runs inside code-server (scripts/e2e/run.mjs) or desktop VS Code
// (scripts/e2e/electron.mjs).

export function run(): Promise<void> {
  // NIANBAO_E2E_GREP: only the tests whose title matches (e.g. while chasing one flaky test).
  const grep = process.env.NIANBAO_E2E_GREP;
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'extension.test', mocha);
  defineTests();
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
