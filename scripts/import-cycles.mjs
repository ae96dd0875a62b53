// Import cycles: part of `npm run lint`. No module of src/engine may reach itself through its
// imports, type imports and re-exports included: parts depend on small interfaces
// (engineContext.ts, group/groupProtocol.ts, engineEvents.ts) and the world that holds them
// depends on the parts, never the other way round (doc/design.md, "Engine core"). Prints
// each cycle found with its files and fails.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CHECKED = ['src/engine'];

function filesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

function resolve(fromFile, specifier) {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), base]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every module a file imports or re-exports from, values and types alike. */
function importsOf(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const targets = new Set();
  for (const statement of source.statements) {
    const specifier =
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : null;
    const target = specifier === null ? null : resolve(file, specifier);
    if (target) targets.add(target);
  }
  return [...targets];
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const found = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) === index.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component);
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const files = CHECKED.flatMap((dir) => filesUnder(path.join(ROOT, dir)));
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const found = cycles(graph);
if (found.length > 0) {
  console.error(`import cycles in ${CHECKED.join(', ')} (${found.length}): make one side depend on an interface instead`);
  for (const component of found) {
    const inCycle = new Set(component);
    console.error(`  cycle of ${component.length} files:`);
    for (const file of component.sort()) {
      const into = graph.get(file).filter((target) => inCycle.has(target)).map((target) => path.relative(ROOT, target));
      console.error(`    ${path.relative(ROOT, file)} → ${into.join(', ')}`);
    }
  }
  process.exit(1);
}
console.log(`import cycles: none in ${CHECKED.join(', ')} (${files.length} files)`);
