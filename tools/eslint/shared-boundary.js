/**
 * ESLint rule: a file in src/shared imports only src/shared, src/core (types and pure helpers) and zod — never
 * src/main, src/renderer, src/cli, node: or electron — so the contract can be loaded by every process.
 */
import path from 'node:path';

const PACKAGES = new Set(['zod']);

/** @type {import('eslint').Rule.RuleModule} */
export const sharedBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'src/shared imports only src/shared, src/core and zod' },
    messages: { outside: "src/shared must not import '{{source}}': it imports only src/shared, src/core and zod." },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const allowed = ['src/shared', 'src/core'].map((dir) => path.resolve(context.cwd, dir) + path.sep);
    function check(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const ok = source.startsWith('.')
        ? allowed.some((dir) => path.resolve(path.dirname(file), source).startsWith(dir))
        : PACKAGES.has(source);
      if (!ok) context.report({ node: node.source, messageId: 'outside', data: { source } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
