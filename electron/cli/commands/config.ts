import type { Command } from 'commander';
import { SETTING_KEYS, type SettingKey } from '../../../shared/domain/settings';
import type { GlobalOptions } from '../global-options';
import { createNodeRoot } from '../node-root';
import { appErrorToCliError, CliError, printResult } from '../output';

/** `ksef-desk config get [key]` and `ksef-desk config set <key> <value>`. */
export function registerConfigCommands(program: Command, globals: () => GlobalOptions): void {
  const config = program.command('config').description('read or change settings of the profile');

  config
    .command('get [key]')
    .description(`print settings (keys: ${SETTING_KEYS.join(', ')})`)
    .action(async (key: string | undefined) => {
      const options = globals();
      const root = createNodeRoot({ profile: options.profile });
      const result = await root.dispatch('settings:get', {});
      if (!result.ok) throw appErrorToCliError(result.error);
      const settings = result.value as Record<string, unknown>;
      if (key === undefined) {
        printResult(options, settings, () =>
          Object.entries(settings)
            .map(([name, value]) => `${name}=${String(value)}`)
            .join('\n'),
        );
        return;
      }
      assertKnownKey(key);
      printResult(options, { [key]: settings[key] }, () => String(settings[key]));
    });

  config
    .command('set <key> <value>')
    .description('change a setting; switching to production needs --confirm-production')
    .option('--confirm-production', 'confirm switching the environment to production')
    .action(async (key: string, value: string, commandOptions: { confirmProduction?: boolean }) => {
      const options = globals();
      assertKnownKey(key);
      const root = createNodeRoot({ profile: options.profile });
      const result = await root.dispatch('settings:update', {
        [key]: value,
        ...(commandOptions.confirmProduction ? { confirmProduction: true } : {}),
      });
      if (!result.ok) {
        if (result.error.code === 'CONFIRMATION_REQUIRED') {
          throw new CliError('Switching to production needs --confirm-production', 'CONFIRMATION_REQUIRED');
        }
        throw appErrorToCliError(result.error);
      }
      printResult(options, result.value, () => `${key}=${value}`);
    });
}

function assertKnownKey(key: string): asserts key is SettingKey {
  if (!(SETTING_KEYS as readonly string[]).includes(key)) {
    throw new CliError(`Unknown setting "${key}". Known: ${SETTING_KEYS.join(', ')}`, 'INVALID_INPUT');
  }
}
