/**
 * Static gate: every export of the app's code (src/, workers/) is imported somewhere else — by the app,
 * the CLI, the workers, the tests, the bench or the dataset generator. An export nobody imports is
 * either dead code or something that should not be exported; this gate names each one (file and name)
 * and fails.
 *
 * It reads import and export statements (TypeScript's parser; the `<script>` blocks of Svelte files),
 * resolves relative specifiers as Vite does for this project (`.ts`, `.svelte.ts`, `/index.ts`, a
 * `?query` suffix dropped), follows re-exports (`export … from`, `export * from`) and counts a
 * namespace import, a dynamic `import()` (or Vite's `runnerImport()`, as the build config loads a module)
 * or a `new URL(…, import.meta.url)` as a use of every export.
 * Values only (functions, classes, enums, constants): an exported type or interface names part of a
 * module's interface (the type of an exported function's argument) even where no other file spells it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
/** Where exports are checked. */
const CHECKED = ['src', 'workers'];
/** Where imports are read (the checked folders and every consumer of them). */
const READ = ['src', 'workers', 'test', 'datasets', 'vite.config.ts', 'eslint.config.js'];
const SOURCE = /\.(ts|mts|js|mjs|svelte)$/;

interface Module {
  /** Names this file exports itself (declarations, `export { x }`), with their line. */
  own: Map<string, number>;
  /** `export { a as b } from 'm'`: b → [module, a]. */
  reexports: Map<string, [string, string]>;
  /** `export * from 'm'`. */
  stars: string[];
}

function walk(path: string, out: string[]): void {
  const full = join(ROOT, path);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    if (SOURCE.test(path)) out.push(full);
    return;
  }
  for (const name of readdirSync(full)) {
    if (name === 'node_modules' || name === 'dist' || name === 'artifacts' || name.startsWith('.')) continue;
    walk(join(path, name), out);
  }
}

/** The script of a file: a Svelte file's `<script>` blocks, else the whole text. */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolveSpec(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const bare = resolve(dirname(from), spec.replace(/\?.*$/, ''));
  const tries = [bare, `${bare}.ts`, `${bare}.svelte.ts`, join(bare, 'index.ts')];
  if (bare.endsWith('.js')) tries.push(bare.replace(/\.js$/, '.ts'));
  return tries.find((p) => existsSync(p) && statSync(p).isFile()) ?? null;
}

const files: string[] = [];
for (const p of READ) walk(p, files);
// AssemblyScript sources (*.as.ts) export a WebAssembly module's functions, used through its instance
// (src/core/wasm/sector-sums.ts), not by imports: the tests of that module exercise each one.
const checked = (f: string) =>
  !f.endsWith('.as.ts') && CHECKED.some((c) => relative(ROOT, f).startsWith(`${c}/`));

const modules = new Map<string, Module>();
/** Uses: module → names asked of it ('*' for all). */
const asked = new Map<string, Set<string>>();
const ask = (m: string, name: string) => {
  if (!asked.has(m)) asked.set(m, new Set());
  asked.get(m)!.add(name);
};

for (const file of files) {
  const src = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const mod: Module = { own: new Map(), reexports: new Map(), stars: [] };
  modules.set(file, mod);
  const line = (n: ts.Node) => src.getLineAndCharacterOfPosition(n.getStart()).line + 1;
  const exported = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = (n: ts.Node) =>
    ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier)) {
      const target = resolveSpec(file, n.moduleSpecifier.text);
      const c = n.importClause;
      if (target && c) {
        if (c.name) ask(target, 'default');
        const b = c.namedBindings;
        if (b && ts.isNamespaceImport(b)) ask(target, '*');
        if (b && ts.isNamedImports(b))
          for (const e of b.elements) ask(target, (e.propertyName ?? e.name).text);
      }
    } else if (ts.isExportDeclaration(n)) {
      const target =
        n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)
          ? resolveSpec(file, n.moduleSpecifier.text)
          : null;
      if (!n.exportClause) {
        if (target) mod.stars.push(target);
      } else if (ts.isNamedExports(n.exportClause)) {
        for (const e of n.exportClause.elements) {
          const local = (e.propertyName ?? e.name).text;
          if (n.moduleSpecifier) {
            if (target && !n.isTypeOnly && !e.isTypeOnly) mod.reexports.set(e.name.text, [target, local]);
          } else if (!n.isTypeOnly && !e.isTypeOnly) mod.own.set(e.name.text, line(e));
        }
      } else if (target) mod.reexports.set(n.exportClause.name.text, [target, '*']);
    } else if (exported(n) && !isDefault(n)) {
      if (ts.isVariableStatement(n)) {
        for (const d of n.declarationList.declarations) {
          const names: string[] = [];
          const collect = (b: ts.BindingName) => {
            if (ts.isIdentifier(b)) names.push(b.text);
            else for (const el of b.elements) if (!ts.isOmittedExpression(el)) collect(el.name);
          };
          collect(d.name);
          for (const name of names) mod.own.set(name, line(d));
        }
      } else if (
        (ts.isFunctionDeclaration(n) || ts.isClassDeclaration(n) || ts.isEnumDeclaration(n)) &&
        n.name
      )
        mod.own.set(n.name.text, line(n));
    } else if (
      ts.isCallExpression(n) &&
      (n.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(n.expression) && n.expression.text === 'runnerImport')) &&
      n.arguments[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      const target = resolveSpec(file, n.arguments[0].text);
      if (target) ask(target, '*');
    } else if (
      ts.isNewExpression(n) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'URL' &&
      n.arguments?.[0] &&
      ts.isStringLiteral(n.arguments[0])
    ) {
      const target = resolveSpec(file, n.arguments[0].text);
      if (target) ask(target, '*');
    }
    ts.forEachChild(n, visit);
  };
  visit(src);
}

/** Marks `name` of module `m` used, following re-exports. */
const used = new Map<string, Set<string>>();
function use(m: string, name: string, seen = new Set<string>()): void {
  const key = `${m}\0${name}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (!used.has(m)) used.set(m, new Set());
  used.get(m)!.add(name);
  const mod = modules.get(m);
  if (!mod) return;
  if (name === '*') {
    for (const [, [t, n]] of mod.reexports) use(t, n, seen);
    for (const s of mod.stars) use(s, '*', seen);
    return;
  }
  const re = mod.reexports.get(name);
  if (re) use(re[0], re[1], seen);
  else if (!mod.own.has(name)) for (const s of mod.stars) use(s, name, seen);
}
for (const [m, names] of asked) for (const n of names) use(m, n);

const unused: string[] = [];
for (const [file, mod] of modules) {
  if (!checked(file)) continue;
  const u = used.get(file) ?? new Set();
  if (u.has('*')) continue;
  for (const [name, ln] of mod.own) if (!u.has(name)) unused.push(`${relative(ROOT, file)}:${ln}  ${name}`);
  for (const name of mod.reexports.keys())
    if (!u.has(name)) unused.push(`${relative(ROOT, file)}  ${name} (re-export)`);
}
unused.sort();
if (unused.length) {
  console.log(`Exports that nothing imports (${unused.length}); remove them or stop exporting them:`);
  for (const u of unused) console.log(`  ${u}`);
  process.exit(1);
}
console.log(`unused exports: none (${modules.size} files read)`);
