/**
 * A small, strict option parser for the CLI: `--name value`, `--name=value` and `--flag`; unknown
 * options and (unless a command takes them) bare arguments are errors naming what was given.
 */
export interface OptionSpec {
  /** Options that take a value. */
  values?: readonly string[];
  /** Options that are bare flags. */
  flags?: readonly string[];
  /** Whether bare arguments are taken (`query "<SQL>"`); otherwise the first one is an error. */
  positionals?: boolean;
}

export interface ParsedArgs {
  /** The last value of each option. */
  options: Map<string, string>;
  /** Every value of each option, in order (for repeatable options such as --lever). */
  all: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/** A mistake on the command line (exit code 2); its message names the option or argument. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** What the user typed, cut short for a message (a 1 MB argument is not echoed back whole). */
export function shown(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Parses argv against the spec; throws a UsageError naming the bad option or argument. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { options: new Map(), all: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      if (!spec.positionals)
        throw new UsageError(`unexpected argument "${shown(a)}" (options start with --)`);
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (values.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--')))
        throw new UsageError(`Option --${name} needs a value`);
      out.options.set(name, v);
      const all = out.all.get(name);
      if (all) all.push(v);
      else out.all.set(name, [v]);
    } else if (flags.has(name)) {
      out.flags.add(name);
    } else {
      const known = [...values, ...flags].map((n) => `--${n}`).join(', ');
      throw new UsageError(`Unknown option --${shown(name)}. Known options: ${known || '(none)'}`);
    }
  }
  return out;
}
