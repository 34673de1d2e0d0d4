// `pnpm casts`: counts the type assertions (`x as T`, `<T>x`; `as const` is not one) in apps/api/src,
// lists each with the comment line above it, and fails when there are MAX or more. A cast that stays
// says why in the line above it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MAX = 15;
const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = join(root, 'apps/api/src');

function* sourceFiles(folder: string): Generator<string> {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const isConst = (type: ts.TypeNode) => ts.isTypeReferenceNode(type) && type.typeName.getText() === 'const';

const casts: string[] = [];
for (const file of sourceFiles(dir)) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const lines = text.split('\n');
  const visit = (node: ts.Node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConst(node.type)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const reason = lines[line - 1]?.trim().startsWith('//') ? lines[line - 1]!.trim() : '(no reason given)';
      casts.push(`${relative(root, file)}:${line + 1}  ${node.getText().slice(0, 80).replace(/\s+/g, ' ')}\n    ${reason}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
for (const cast of casts) console.log(cast);
console.log(`\n${casts.length} type assertion(s) in apps/api/src (must stay under ${MAX})`);
if (casts.length >= MAX) process.exit(1);
