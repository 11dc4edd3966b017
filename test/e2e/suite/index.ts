// The extensionTestsPath module: VS Code's extension host loads it and calls run(). Both runners (test-electron and
// code-server) use it. It runs every *.test.js next to it, plus installed/*.test.js when the runner installed the
// extension from its .vsix (HSCONFIG_E2E_INSTALLED), and prints `N passed, N failed` last. HSCONFIG_E2E_GREP runs
// only the tests whose full title matches it (a regular expression), to repeat one test while working on it.

import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  const { default: Mocha } = await import('mocha');
  const grep = process.env.HSCONFIG_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep: new RegExp(grep) } : {}) });
  for (const file of testFiles()) mocha.addFile(file);
  const { passed, failed } = await new Promise<{ passed: number; failed: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
  });
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0 || passed === 0) throw new Error(`${failed} in-editor test(s) failed, ${passed} passed`);
}

function testFiles(): string[] {
  const dirs = [__dirname];
  if (process.env.HSCONFIG_E2E_INSTALLED) dirs.push(path.join(__dirname, 'installed'));
  // Sorted, so runs are repeatable.
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.test.js'))
      .sort()
      .map((f) => path.join(dir, f)),
  );
}
