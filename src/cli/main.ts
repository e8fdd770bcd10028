/**
 * `npm run cli -- <command> [options]`: the workbench's core, headless.
 */
import { InputError } from '../core/errors';
import { shown, UsageError } from './args';
import type { CliCommand, CliIo } from './types';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  datasets: () => import('./commands/datasets'),
  query: () => import('./commands/query'),
  account: () => import('./commands/account'),
  simulate: () => import('./commands/simulate'),
  compare: () => import('./commands/compare'),
  goal: () => import('./commands/goal'),
  validate: () => import('./commands/validate'),
  import: () => import('./commands/import'),
  footprint: () => import('./commands/footprint'),
};

async function help(io: CliIo): Promise<void> {
  const lines = [
    'Park Carbon Workbench CLI / 园区碳路径工作台命令行',
    '',
    'Usage: npm run cli -- <command> [options]',
    '',
  ];
  for (const load of Object.values(COMMANDS)) {
    const { command } = await load();
    lines.push(`  ${command.name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run `npm run cli -- <command> --help` for the options of one command.');
  io.stdout(lines.join('\n') + '\n');
}

/** Dispatches argv to a command; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await help(io);
    return name ? 0 : 1;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(
      `Unknown command "${shown(name)}". Commands: ${Object.keys(COMMANDS).join(', ')}. Try --help.\n`,
    );
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : command.usage + '\n');
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    io.stderr(`${name}: ${e instanceof Error ? e.message : String(e)}\n`);
    // A mistake on the command line exits 2 (as each command's own checks do), bad input 1.
    const commandLine =
      e instanceof UsageError ||
      (e instanceof InputError && e.problems.every((p) => p.file === 'command line'));
    if (e instanceof UsageError) io.stderr(`Run \`npm run cli -- ${name} --help\` for its options.\n`);
    return commandLine ? 2 : 1;
  }
}

const isEntry =
  process.argv[1] && import.meta.url.endsWith(process.argv[1].replaceAll('\\', '/').split('/').pop()!);
if (isEntry) {
  const io: CliIo = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
