import type { Command } from 'commander';

/**
 * Every command answers `--help` with exit code 0, including ones that pass their arguments through
 * (e.g. `sandbox`, which disables commander's help to parse its own options). Applied to the whole tree
 * after registration, so command groups added later get it without doing anything.
 */
export function enableHelpEverywhere(command: Command): void {
  command.helpOption(true);
  for (const child of command.commands) enableHelpEverywhere(child);
}

/** Every command path under `command`, e.g. [['config'], ['config', 'get'], …] (for tests and docs). */
export function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((child) => {
    const path = [...prefix, child.name()];
    return [path, ...commandPaths(child, path)];
  });
}
