/**
 * The syntax tree of a typed expression such as `(x + y)^2` or `1 / (1 + exp(-x))`, every node with its position
 * (recursive descent: + − below × ÷ below unary minus below ^, which is right-associative).
 */
import { GraphError } from './graph-error';
import { tokenize, type Token } from './tokenize-expression';

export type Ast =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'var'; name: string; pos: number }
  | { kind: 'neg'; arg: Ast; pos: number }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/' | '^'; left: Ast; right: Ast; pos: number }
  | { kind: 'call'; name: string; args: Ast[]; pos: number };

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
    if (!t)
      throw new GraphError(
        'unexpected-end',
        at(this.length),
        `the expression ends too early (column ${this.length + 1}): expected a number, a name or "("`,
      );
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

/** The syntax tree of `text`; a bad expression is a GraphError with the 0-based `position` and 1-based `column`. */
export function parseAst(text: string): Ast {
  return new Parser(tokenize(text), text.length).parse();
}
