import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');

async function restrictedImportMessages(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint)', () => {
  it('keep electron, Node and the DOM out of shared/', async () => {
    expect(await restrictedImportMessages('shared/domain/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
    expect(await restrictedImportMessages('shared/domain/probe.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
  });

  it('keep electron/ and Node out of renderer/', async () => {
    expect(await restrictedImportMessages('renderer/probe.ts', "import { createDispatcher } from '../electron/ipc/dispatch';\nexport const x = createDispatcher;\n")).toHaveLength(1);
    expect(await restrictedImportMessages('renderer/probe.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n")).toHaveLength(1);
  });

  it("allow 'electron' only in main.ts, preload.ts and electron/app/", async () => {
    const code = "import { app } from 'electron';\nexport const x = app;\n";
    expect(await restrictedImportMessages('electron/services/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImportMessages('electron/sandbox/probe.ts', code)).toHaveLength(1);
    expect(await restrictedImportMessages('electron/app/probe.ts', code)).toHaveLength(0);
    expect(await restrictedImportMessages('electron/main.ts', code)).toHaveLength(0);
  });
});
