/**
 * Turn a typed expression into a scalar graph: `1 / e` becomes the book's reciprocal node, `-e` a × −1 node, `e ^ p` a
 * power node with the constant exponent p, named functions their nodes; the same name is always the same variable node.
 */
import { parseAst, type Ast } from './expression-ast';
import { GraphError } from './graph-error';
import { GraphBuilder, type ScalarGraph } from './scalar-graph';
import { arityFits, SCALAR_OPS, type OpName } from './scalar-ops';

/** Functions that may be called by name, and the node each one makes. */
const FUNCTIONS: Record<string, OpName> = {
  exp: 'exp',
  log: 'log',
  sigmoid: 'sigmoid',
  relu: 'relu',
  max: 'max',
  sum: 'sum',
  recip: 'recip',
};

const at = (pos: number) => ({ position: pos, column: pos + 1 });

/** The constant value of `ast` when it is a number or a negated number, else null. */
function constantOf(ast: Ast): number | null {
  if (ast.kind === 'num') return ast.value;
  if (ast.kind === 'neg') {
    const inner = constantOf(ast.arg);
    return inner === null ? null : -inner;
  }
  return null;
}

function build(ast: Ast, g: GraphBuilder): number {
  const constant = constantOf(ast);
  if (constant !== null) return g.constant(constant);
  switch (ast.kind) {
    case 'num':
      return g.constant(ast.value);
    case 'var':
      return g.variable(ast.name);
    case 'neg':
      return g.op('mul', [build(ast.arg, g), g.constant(-1)]);
    case 'bin': {
      if (ast.op === '^') {
        const exponent = constantOf(ast.right);
        if (exponent === null)
          throw new GraphError(
            'exponent-not-constant',
            at(ast.right.pos),
            `the exponent at column ${ast.right.pos + 1} must be a number (x^2, x^-1)`,
          );
        return g.op('pow', [build(ast.left, g)], exponent);
      }
      if (ast.op === '/' && constantOf(ast.left) === 1) return g.op('recip', [build(ast.right, g)]);
      const op: OpName = ast.op === '+' ? 'add' : ast.op === '-' ? 'sub' : ast.op === '*' ? 'mul' : 'div';
      const left = build(ast.left, g);
      return g.op(op, [left, build(ast.right, g)]);
    }
    case 'call': {
      const op = Object.hasOwn(FUNCTIONS, ast.name) ? FUNCTIONS[ast.name] : undefined;
      if (!op)
        throw new GraphError(
          'unknown-function',
          { ...at(ast.pos), name: ast.name, known: Object.keys(FUNCTIONS).join(', ') },
          `unknown function "${ast.name}" at column ${ast.pos + 1} (known: ${Object.keys(FUNCTIONS).join(', ')})`,
        );
      const spec = SCALAR_OPS[op].arity;
      if (!arityFits(SCALAR_OPS[op], ast.args.length)) {
        const expected = typeof spec === 'number' ? String(spec) : `at least ${spec.min}`;
        throw new GraphError(
          'wrong-arity',
          { ...at(ast.pos), name: ast.name, expected, got: ast.args.length },
          `${ast.name}() at column ${ast.pos + 1} takes ${expected} argument(s), got ${ast.args.length}`,
        );
      }
      const inputs: number[] = [];
      for (const arg of ast.args) inputs.push(build(arg, g));
      return g.op(op, inputs);
    }
  }
}

/** The graph of `text`; a bad expression is a GraphError whose params carry the 0-based `position` and 1-based `column`. */
export function parseExpression(text: string): ScalarGraph {
  const ast = parseAst(text);
  const g = new GraphBuilder();
  return g.build(build(ast, g));
}
