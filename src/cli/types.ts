/** What a command of `npm run cli` implements. */
export interface CliIo {
  stdout(s: string): void;
  stderr(s: string): void;
  cwd: string;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Runs the command; resolves to the process exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}
