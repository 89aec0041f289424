import { describe, expect, it } from 'vitest';
import { parseSandboxArgs, SandboxArgsError } from './cli-args';

describe('parseSandboxArgs', () => {
  it('parses every option, repeatable seeds and --name=value', () => {
    expect(
      parseSandboxArgs([
        '--port', '8123', '--host=0.0.0.0', '--state', '/tmp/s.json', '--limits', 'off', '--faults', 'drop=0.1',
        '--schema-dir', '/ksef', '--seed-received', '5265877635:20', '--seed-received=7762811692:3',
      ]),
    ).toEqual({
      port: 8123,
      host: '0.0.0.0',
      stateFile: '/tmp/s.json',
      limits: 'off',
      faults: 'drop=0.1',
      schemaDir: '/ksef',
      seedReceived: [
        { nip: '5265877635', count: 20 },
        { nip: '7762811692', count: 3 },
      ],
    });
  });

  it('rejects bad values and unknown options', () => {
    expect(() => parseSandboxArgs(['--limits', 'maybe'])).toThrow(SandboxArgsError);
    expect(() => parseSandboxArgs(['--seed-received', '123:4'])).toThrow(SandboxArgsError);
    expect(() => parseSandboxArgs(['--port'])).toThrow(SandboxArgsError);
    expect(() => parseSandboxArgs(['--verbose'])).toThrow(SandboxArgsError);
  });
});
