import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string) => parse(readFileSync(`${repo}${file}`, 'utf8')) as Record<string, unknown>;

interface Step {
  name?: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}
interface Job {
  'runs-on': string;
  needs?: string;
  steps: Step[];
  strategy?: { matrix: { include: { os: string; platform: string }[] } };
}

describe('release workflow (.github/workflows/release.yml)', () => {
  const workflow = read('.github/workflows/release.yml') as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };

  it('parses and runs on version tags', () => {
    expect(workflow.on.push.tags).toEqual(['v*.*.*']);
    expect(Object.keys(workflow.jobs)).toEqual(['test', 'installers']);
  });

  it('tests first, then builds installers on Windows, macOS and Linux runners', () => {
    const { installers } = workflow.jobs;
    expect(installers!.needs).toBe('test');
    const matrix = installers!.strategy!.matrix.include;
    expect(matrix.map((entry) => entry.os.split('-')[0])).toEqual(['windows', 'macos', 'ubuntu']);
    expect(matrix.map((entry) => entry.platform)).toEqual(['--win', '--mac', '--linux']);
    expect(workflow.jobs.test!.steps.some((step) => step.run === 'npm test')).toBe(true);
  });

  it('rebuilds native modules for Electron before packaging, and signs and publishes from secrets', () => {
    const steps = workflow.jobs.installers!.steps;
    const rebuild = steps.findIndex((step) => step.run?.includes('electron-builder install-app-deps'));
    const packaging = steps.findIndex((step) => step.run?.includes('--publish always'));
    expect(rebuild).toBeGreaterThan(-1);
    expect(packaging).toBeGreaterThan(rebuild);
    const env = steps[packaging]!.env ?? {};
    for (const name of ['GH_TOKEN', 'CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(env[name], name).toMatch(/\$\{\{ .*secrets\./);
    }
  });
});

describe('electron-builder.yml', () => {
  const config = read('electron-builder.yml') as { files: string[]; asarUnpack: string[]; publish: { provider: string }[]; mac: { target: { target: string }[] } };

  it('ships the native SQLite module outside the asar and publishes an update feed', () => {
    expect(config.files).toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(config.files).toContain('node_modules/bindings/**');
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.publish[0]!.provider).toBe('github');
    expect(config.mac.target.map((target) => target.target)).toContain('zip');
  });
});
