/**
 * Lint-style guard: components must take user-visible text from the catalogue (`t(key)`), never
 * write it in JSX. Parses every .tsx file under renderer/src with the TypeScript compiler and
 * reports JSX text, string-literal text attributes (aria-label, title, placeholder, alt, …),
 * string literals rendered as children, and English label tables of the core used in components.
 * It also refuses `t()` called at module load (outside any function) anywhere under renderer/src:
 * such text would stay in the language the app started in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));

/** Attributes whose value people read or hear. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** `file:text` pairs that may stay literal (product names, symbols); keep this list short. */
const ALLOWED = new Set<string>([]);

/** Any letter of any script: punctuation, digits and symbols alone (·, →, —, 1) are not words. */
const HAS_WORD = /\p{L}/u;

type Finding = { file: string; line: number; text: string };

function sourceFiles(ext: RegExp): string[] {
  return (readdirSync(SRC, { recursive: true }) as string[])
    .filter((f) => ext.test(f) && !/\.(test|spec)\.tsx?$/.test(f) && !f.split(path.sep).includes('testing') && !f.endsWith('.d.ts'))
    .map((f) => path.join(SRC, f))
    .sort();
}

const componentFiles = () => sourceFiles(/\.tsx$/);

/** `t(…)` / `tIn(…)` calls outside every function: evaluated once, at import. */
export function findModuleLevelMessages(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const findings: Finding[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node)) inFunction = true;
    if (!inFunction && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && (node.expression.text === 't' || node.expression.text === 'tIn')) {
      findings.push({
        file: path.relative(SRC, fileName).split(path.sep).join('/'),
        line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
        text: `${node.getText(sf).slice(0, 60)} runs at module load: call it while rendering`,
      });
    }
    ts.forEachChild(node, (child) => visit(child, inFunction));
  };
  visit(sf, false);
  return findings;
}

export function findLiterals(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    const file = path.relative(SRC, fileName).split(path.sep).join('/');
    if (ALLOWED.has(`${file}:${text}`)) return;
    findings.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text });
  };
  const isText = (node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && HAS_WORD.test(node.text);

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && HAS_WORD.test(node.text)) report(node, node.text.trim());
    else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sf)) && node.initializer) {
      const init = node.initializer;
      if (isText(init)) report(init, init.text);
      else if (ts.isJsxExpression(init) && init.expression && isText(init.expression)) report(init.expression, init.expression.text);
    } else if (ts.isJsxExpression(node) && node.expression && isText(node.expression) && !ts.isJsxAttribute(node.parent)) {
      report(node.expression, node.expression.text);
    } else if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && node.moduleSpecifier.text.startsWith('@shared')) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) {
        for (const el of named.elements) if (/_LABELS$/.test(el.name.text)) report(el, `${el.name.text} (English labels of the core: use t('status.…') etc.)`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return findings;
}

describe('no user-visible string literals in components', () => {
  it('finds the kinds of literal it guards against', () => {
    const sample = `
      import { STATUS_LABELS } from '@shared/index';
      export const A = () => (
        <div aria-label="Close" title={'Open'}>
          Hello
          {'world'}
          <img alt="" />
          <span className={'x y'}>{t('ok')} · {' '} → 3</span>
        </div>
      );`;
    expect(findLiterals(path.join(SRC, 'sample.tsx'), sample).map((f) => f.text)).toEqual([
      'STATUS_LABELS (English labels of the core: use t(\'status.…\') etc.)',
      'Close',
      'Open',
      'Hello',
      'world',
    ]);
  });

  it('finds t() calls that run at module load', () => {
    const sample = `const A = t('a'); const B = { x: tIn('ja', 'b') }; function f() { return t('c'); } const g = () => t('d');`;
    expect(findModuleLevelMessages(path.join(SRC, 'sample.ts'), sample).map((f) => f.text.split(' ')[0])).toEqual(["t('a')", "tIn('ja',"]);
  });

  it('no text is looked up at module load (it would not follow a language switch)', () => {
    const findings = sourceFiles(/\.tsx?$/).flatMap((file) => findModuleLevelMessages(file, readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it('every component under renderer/src takes its text from the catalogue', () => {
    const findings = componentFiles().flatMap((file) => findLiterals(file, readFileSync(file, 'utf8')));
    expect(findings.map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });
});
