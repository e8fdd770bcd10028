/**
 * A small, strict option parser for the CLI: `--name value` and `--flag`; unknown options are errors.
 */
export interface OptionSpec {
  /** Options that take a value. */
  values?: readonly string[];
  /** Options that are bare flags. */
  flags?: readonly string[];
}

export interface ParsedArgs {
  /** The last value of each option. */
  options: Map<string, string>;
  /** Every value of each option, in order (for repeatable options such as --lever). */
  all: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/** Parses argv against the spec; throws a message naming the bad option. */
export function parseArgs(argv: readonly string[], spec: OptionSpec): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const flags = new Set(spec.flags ?? []);
  const out: ParsedArgs = { options: new Map(), all: new Map(), flags: new Set(), positionals: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      out.positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (values.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--')))
        throw new Error(`Option --${name} needs a value`);
      out.options.set(name, v);
      out.all.set(name, [...(out.all.get(name) ?? []), v]);
    } else if (flags.has(name)) {
      out.flags.add(name);
    } else {
      const known = [...values, ...flags].map((n) => `--${n}`).join(', ');
      throw new Error(`Unknown option --${name}. Known options: ${known || '(none)'}`);
    }
  }
  return out;
}
