// `npm run bench [-- sandbox] [--online N] [--batch N]` or `npm run bench -- documents [--count N]`: prints performance figures.
// Benchmarks measure; tests never assert on time.
import { benchSessions } from '../electron/sandbox/sessions/bench';
import { benchDocuments } from './bench/documents';
import { benchReceived } from './bench/received';
import { runSendBench } from './bench/send';

interface BenchArgs {
  target: string;
  online: number;
  batch: number;
}

function parseArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { target: 'sandbox', online: 500, batch: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--online') args.online = Number(argv[++i]);
    else if (arg === '--batch') args.batch = Number(argv[++i]);
    else if (arg === '--sync' || arg === '--archive' || arg === '--count') i++; // values of other benchmarks' options
    else if (arg && !arg.startsWith('--')) args.target = arg;
  }
  if (!Number.isInteger(args.online) || args.online < 1 || !Number.isInteger(args.batch) || args.batch < 1) {
    throw new Error('--online and --batch take positive whole numbers');
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.target === 'documents') {
    const countIndex = process.argv.indexOf('--count');
    return benchDocuments(countIndex === -1 ? 500 : Number(process.argv[countIndex + 1]));
  }
  if (args.target === 'received') return benchReceived(process.argv.slice(2));
  if (args.target === 'send') {
    const countIndex = process.argv.indexOf('--count');
    return runSendBench(countIndex === -1 ? 10_000 : Number(process.argv[countIndex + 1]));
  }
  if (args.target !== 'sandbox') throw new Error(`Unknown benchmark "${args.target}". Available: sandbox, documents, received`);
  const schemaDir = process.env.KSEF_SCHEMA_DIR;
  console.log(
    `KSeF sandbox, limits off, FA(3) XSD validation (${schemaDir ? `schema from ${schemaDir}` : 'bundled schema'}): ` +
      `${args.online} invoices through one online session, ${args.batch} through one batch session`,
  );
  const result = await benchSessions({ onlineCount: args.online, batchCount: args.batch, ...(schemaDir ? { schemaDir } : {}) });
  console.log(`online session: ${result.onlinePerSecond.toFixed(1)} invoices/s`);
  console.log(`batch session:  ${result.batchPerSecond.toFixed(1)} invoices/s`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
