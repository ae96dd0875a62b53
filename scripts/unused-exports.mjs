// Unused exports: part of `npm run lint`. An export of a file under src/ that no other file
// (source, tests, e2e, benchmarks, scripts) imports by name is dead weight or a missed wiring,
// so it fails lint with the file and the name. Names re-exported with `export *` count as used
// when imported through the re-exporting file; an entry module's exports (the engine's public
// surface, src/main.tsx) count as used. Reads the TypeScript AST, so comments and strings never
// count as uses.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const SCANNED = ['src', 'e2e', 'bench', 'scripts'];
/** Public surfaces: their exports are for code outside this repository too (doc/design.md, contract 1). */
const ENTRY_MODULES = new Set(['src/engine/index.ts', 'src/main.tsx']);

function filesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (/\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const files = SCANNED.flatMap((dir) => (fs.existsSync(path.join(ROOT, dir)) ? filesUnder(path.join(ROOT, dir)) : []));
/** file → exported names declared in it. */
const exported = new Map();
/** file → files it re-exports wholesale (`export * from`). */
const starExports = new Map();
/** file → names imported from it (by any file), '*' for a namespace import. */
const imported = new Map();
const use = (file, name) => {
  if (!imported.has(file)) imported.set(file, new Set());
  imported.get(file).add(name);
};

for (const file of files) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names = [];
  for (const statement of source.statements) {
    const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
    const isExported = modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (isExported) {
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
          // `export const { a, b } = lab`: each bound name is an export.
          else if (ts.isObjectBindingPattern(declaration.name) || ts.isArrayBindingPattern(declaration.name)) {
            for (const element of declaration.name.elements) if (ts.isBindingElement(element) && ts.isIdentifier(element.name)) names.push(element.name.text);
          }
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) && statement.name) {
        names.push(statement.name.text);
      }
      // Exported types and interfaces are not checked: a type exported beside the function whose
      // signature uses it documents that signature even where nobody names it.
    }
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolve(file, statement.moduleSpecifier.text);
      const clause = statement.importClause;
      if (!target || !clause) continue;
      if (clause.name) use(target, 'default');
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) use(target, '*');
      if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) use(target, (element.propertyName ?? element.name).text);
    }
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const target = resolve(file, statement.moduleSpecifier.text);
      if (!target) continue;
      const clause = statement.exportClause;
      if (!clause) {
        if (!starExports.has(file)) starExports.set(file, []);
        starExports.get(file).push(target);
      } else if (ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          use(target, (element.propertyName ?? element.name).text);
          if (!statement.isTypeOnly && !element.isTypeOnly) names.push(element.name.text);
        }
      } else use(target, '*');
    }
  }
  // Dynamic imports: `await import('./x')` uses everything of x.
  const visit = (node) => {
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      const target = resolve(file, node.arguments[0].text);
      if (target) use(target, '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  exported.set(file, names);
}

/** Whether `name` of `file` is imported from it, or from a file that re-exports it wholesale. */
function isUsed(file, name, seen = new Set()) {
  if (seen.has(file)) return false;
  seen.add(file);
  const names = imported.get(file);
  if (names && (names.has(name) || names.has('*'))) return true;
  if (ENTRY_MODULES.has(path.relative(ROOT, file))) return true;
  for (const [from, targets] of starExports) if (targets.includes(file) && isUsed(from, name, seen)) return true;
  return false;
}

const unused = [];
for (const [file, names] of exported) {
  const relative = path.relative(ROOT, file);
  if (!relative.startsWith('src/') || /\.test\.tsx?$/.test(relative) || ENTRY_MODULES.has(relative)) continue;
  for (const name of names) if (!isUsed(file, name)) unused.push(`${relative}: ${name}`);
}
if (unused.length > 0) {
  console.error(`unused exports (${unused.length}): import them somewhere, make them module-private or delete them`);
  for (const line of unused) console.error(`  ${line}`);
  process.exit(1);
}
console.log(`unused exports: none (${[...exported.values()].reduce((n, names) => n + names.length, 0)} exports checked)`);
