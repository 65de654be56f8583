/**
 * Parse a typed expression into a scalar graph (recursive descent: + − below × ÷ below unary minus below ^, which is
 * right-associative with a constant exponent). `1 / e` becomes the book's reciprocal node, `-e` a × −1 node.
 */
import { tokenize, type Ast, type Token } from './expression-ast';
import { GraphError } from './graph-error';
import { GraphBuilder, type ScalarGraph } from './scalar-graph';
import { arityFits, SCALAR_OPS, type OpName } from './scalar-ops';

/** Functions that may be called by name, and the node each one makes. */
const FUNCTIONS: Record<string, OpName> = { exp: 'exp', log: 'log', sigmoid: 'sigmoid', relu: 'relu', max: 'max', sum: 'sum', recip: 'recip' };

const at = (pos: number) => ({ position: pos, column: pos + 1 });

class Parser {
  private k = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly length: number,
  ) {}

  parse(): Ast {
    if (this.tokens.length === 0) throw new GraphError('empty', at(0), 'the expression is empty');
    const ast = this.sum();
    const extra = this.tokens[this.k];
    if (extra) this.unexpected(extra);
    return ast;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.k];
    return t !== undefined && t.kind === 'sym' && t.text === text;
  }

  private unexpected(t: Token | undefined): never {
    if (!t) throw new GraphError('unexpected-end', at(this.length), `the expression ends too early (column ${this.length + 1}): expected a number, a name or "("`);
    throw new GraphError('unexpected-token', { ...at(t.pos), token: t.text }, `unexpected "${t.text}" at column ${t.pos + 1}`);
  }

  private sum(): Ast {
    let left = this.product();
    while (this.peek('+') || this.peek('-')) {
      const t = this.tokens[this.k++];
      left = { kind: 'bin', op: t.text as '+' | '-', left, right: this.product(), pos: t.pos };
    }
    return left;
  }

  private product(): Ast {
    let left = this.unary();
    while (this.peek('*') || this.peek('/')) {
      const t = this.tokens[this.k++];
      left = { kind: 'bin', op: t.text as '*' | '/', left, right: this.unary(), pos: t.pos };
    }
    return left;
  }

  private unary(): Ast {
    if (this.peek('-')) {
      const pos = this.tokens[this.k++].pos;
      return { kind: 'neg', arg: this.unary(), pos };
    }
    return this.power();
  }

  private power(): Ast {
    const base = this.primary();
    if (!this.peek('^')) return base;
    const pos = this.tokens[this.k++].pos;
    return { kind: 'bin', op: '^', left: base, right: this.unary(), pos };
  }

  private primary(): Ast {
    const t = this.tokens[this.k];
    if (t?.kind === 'num') {
      this.k++;
      return { kind: 'num', value: t.value, pos: t.pos };
    }
    if (t?.kind === 'name') {
      this.k++;
      if (!this.peek('(')) return { kind: 'var', name: t.text, pos: t.pos };
      const open = this.tokens[this.k++];
      const args = [this.sum()];
      while (this.peek(',')) {
        this.k++;
        args.push(this.sum());
      }
      this.close(open);
      return { kind: 'call', name: t.text, args, pos: t.pos };
    }
    if (t?.kind === 'sym' && t.text === '(') {
      this.k++;
      const inner = this.sum();
      this.close(t);
      return inner;
    }
    return this.unexpected(t);
  }

  private close(open: Token): void {
    if (this.peek(')')) {
      this.k++;
      return;
    }
    const t = this.tokens[this.k];
    if (!t) throw new GraphError('unclosed-paren', at(open.pos), `the "(" at column ${open.pos + 1} is never closed`);
    this.unexpected(t);
  }
}

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
        if (exponent === null) throw new GraphError('exponent-not-constant', at(ast.right.pos), `the exponent at column ${ast.right.pos + 1} must be a number (x^2, x^-1)`);
        return g.op('pow', [build(ast.left, g)], exponent);
      }
      if (ast.op === '/' && constantOf(ast.left) === 1) return g.op('recip', [build(ast.right, g)]);
      const op: OpName = ast.op === '+' ? 'add' : ast.op === '-' ? 'sub' : ast.op === '*' ? 'mul' : 'div';
      const left = build(ast.left, g);
      return g.op(op, [left, build(ast.right, g)]);
    }
    case 'call': {
      const op = Object.hasOwn(FUNCTIONS, ast.name) ? FUNCTIONS[ast.name] : undefined;
      if (!op) throw new GraphError('unknown-function', { ...at(ast.pos), name: ast.name, known: Object.keys(FUNCTIONS).join(', ') }, `unknown function "${ast.name}" at column ${ast.pos + 1} (known: ${Object.keys(FUNCTIONS).join(', ')})`);
      const spec = SCALAR_OPS[op].arity;
      if (!arityFits(SCALAR_OPS[op], ast.args.length)) {
        const expected = typeof spec === 'number' ? String(spec) : `at least ${spec.min}`;
        throw new GraphError('wrong-arity', { ...at(ast.pos), name: ast.name, expected, got: ast.args.length }, `${ast.name}() at column ${ast.pos + 1} takes ${expected} argument(s), got ${ast.args.length}`);
      }
      const inputs: number[] = [];
      for (const arg of ast.args) inputs.push(build(arg, g));
      return g.op(op, inputs);
    }
  }
}

/** The graph of `text`; a bad expression is a GraphError whose params carry the 0-based `position` and 1-based `column`. */
export function parseExpression(text: string): ScalarGraph {
  const ast = new Parser(tokenize(text), text.length).parse();
  const g = new GraphBuilder();
  return g.build(build(ast, g));
}
