/** ESLint rule: a file in src/core imports only other files of src/core (no node:, electron, DOM or packages). */
import path from 'node:path';

/** @type {import('eslint').Rule.RuleModule} */
export const coreBoundary = {
  meta: {
    type: 'problem',
    docs: { description: 'src/core imports nothing outside src/core' },
    messages: { outside: "src/core must not import '{{source}}': it imports nothing outside src/core." },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const coreDir = path.resolve(context.cwd, 'src/core');
    function check(node) {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const inside = source.startsWith('.') && path.resolve(path.dirname(file), source).startsWith(coreDir + path.sep);
      if (!inside) context.report({ node: node.source, messageId: 'outside', data: { source } });
    }
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
