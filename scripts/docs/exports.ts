/**
 * The public API as the TypeScript compiler sees it: every value exported by
 * each public entry (package.json `exports` → src/.../index.ts), resolved
 * through re-exports to its declaration, with its kind and JSDoc. Shared by
 * the porting-guide generator and tests/docs/jsdoc.test.ts.
 */
import { relative } from 'node:path';
import ts from 'typescript';
import { publicEntries, ROOT, type PublicEntry } from './entries';

export type ExportKind = 'function' | 'class' | 'variable' | 'namespace';

export interface PublicExport {
  /** The entry that exports it (`numts`, `numts/linalg`, …). */
  readonly entry: PublicEntry;
  /** The exported name. */
  readonly name: string;
  /** `numts.sum`, `numts/linalg.det`: the key used in reports and allow-lists. */
  readonly key: string;
  readonly kind: ExportKind;
  /** Declaring file, relative to the repository root (`src/ops/reduce.ts`). */
  readonly file: string;
  /** Summary text of the JSDoc (before the block tags), trimmed; `''` when absent. */
  readonly summary: string;
  /** Text of each `@example` tag. */
  readonly examples: string[];
  /** Names of every block tag (`param`, `throws`, `example`, …). */
  readonly tags: string[];
  /** For a class: its public methods and accessors that lack a summary, with their declaring files. */
  readonly undocumentedMembers: { name: string; file: string }[];
  /** The declared type as TypeScript prints it (`Primitive<undefined>`, `typeof loadIris`…). */
  readonly typeText: string;
  /** Whether the value is callable (a function, or a const holding one). */
  readonly callable: boolean;
  /** The declaration node's identity, to tell re-exports of one thing apart from different things. */
  readonly declarationId: string;
}

function compilerOptions(): ts.CompilerOptions {
  const cfgPath = ts.findConfigFile(ROOT, ts.sys.fileExists, 'tsconfig.json')!;
  const cfg = ts.readConfigFile(cfgPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT);
  return { ...parsed.options, noEmit: true };
}

function tagText(tag: ts.JSDocTagInfo): string {
  return (tag.text ?? []).map((p) => p.text).join('').trim();
}

function kindOf(sym: ts.Symbol): ExportKind | null {
  const f = sym.flags;
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return 'namespace';
  if (f & ts.SymbolFlags.Variable) return 'variable';
  return null; // types, interfaces, type aliases, enums-as-types
}

function undocumentedMembers(sym: ts.Symbol, checker: ts.TypeChecker): { name: string; file: string }[] {
  // Properties of the instance type: the class's own members and those merged
  // in by declaration (NDArray's op methods are declared on an interface).
  const out: { name: string; file: string }[] = [];
  for (const m of checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(sym))) {
    const name = m.getName();
    if (name.startsWith('_') || name.startsWith('#')) continue;
    const decls = m.getDeclarations() ?? [];
    if (!decls.some((d) => ts.isMethodDeclaration(d) || ts.isMethodSignature(d) || ts.isGetAccessorDeclaration(d))) continue;
    if (decls.some((d) => ts.getCombinedModifierFlags(d) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))) continue;
    if (decls.some((d) => d.getSourceFile().isDeclarationFile)) continue; // inherited from lib (Error.toString…)
    if (m.getJsDocTags(checker).some((t) => t.name === 'internal')) continue;
    if (!ts.displayPartsToString(m.getDocumentationComment(checker)).trim()) out.push({ name, file: relative(ROOT, decls[0].getSourceFile().fileName) });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

let cache: PublicExport[] | null = null;

/** Every exported value of every public entry, in entry order then name order. */
export function publicExports(): PublicExport[] {
  if (cache) return cache;
  const entries = publicEntries();
  const program = ts.createProgram(entries.map((e) => e.file), compilerOptions());
  const checker = program.getTypeChecker();
  const out: PublicExport[] = [];
  for (const entry of entries) {
    const sf = program.getSourceFile(entry.file);
    if (!sf) throw new Error(`cannot read ${entry.file}`);
    const modSym = checker.getSymbolAtLocation(sf);
    if (!modSym) throw new Error(`${entry.file} is not a module`);
    for (const exp of checker.getExportsOfModule(modSym)) {
      const sym = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
      const kind = kindOf(sym);
      if (!kind) continue;
      const decl = sym.valueDeclaration ?? sym.declarations?.[0];
      const file = decl ? relative(ROOT, decl.getSourceFile().fileName) : '';
      const tags = sym.getJsDocTags(checker);
      const type = decl ? checker.getTypeOfSymbolAtLocation(sym, decl) : undefined;
      out.push({
        entry,
        name: exp.name,
        key: `${entry.specifier}.${exp.name}`,
        kind,
        file,
        summary: ts.displayPartsToString(sym.getDocumentationComment(checker)).trim(),
        examples: tags.filter((t) => t.name === 'example').map(tagText),
        tags: tags.map((t) => t.name),
        undocumentedMembers: kind === 'class' ? undocumentedMembers(sym, checker) : [],
        typeText: type ? checker.typeToString(type) : '',
        callable: kind === 'function' || (kind === 'variable' && !!type && type.getCallSignatures().length > 0),
        declarationId: decl ? `${file}:${decl.pos}` : `${entry.specifier}:${exp.name}`,
      });
    }
  }
  out.sort((a, b) => (a.entry === b.entry ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : entries.indexOf(a.entry) - entries.indexOf(b.entry)));
  cache = out;
  return out;
}
