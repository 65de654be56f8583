/** Print a scalar graph back as an expression that parses to the same graph (parentheses only where precedence needs them). */
import type { ScalarGraph } from './scalar-graph';

/** Binding strength of what a node prints as: 1 sums, 2 products, 3 unary minus, 4 powers, 5 atoms and calls. */
type Printed = { text: string; prec: number };

const wrap = (p: Printed, min: number): string => (p.prec >= min ? p.text : `(${p.text})`);

/** `graph` as text, e.g. `(x + y) ^ 2`. */
export function printExpression(graph: ScalarGraph): string {
  const memo = new Map<number, Printed>();
  const print = (id: number): Printed => {
    const cached = memo.get(id);
    if (cached) return cached;
    const node = graph.nodes[id];
    let out: Printed;
    if (node.kind === 'var') out = { text: node.name, prec: 5 };
    else if (node.kind === 'const') out = { text: String(node.value), prec: node.value < 0 || Object.is(node.value, -0) ? 3 : 5 };
    else {
      const x = node.inputs.map(print);
      switch (node.op) {
        case 'add':
          out = { text: `${wrap(x[0], 1)} + ${wrap(x[1], 2)}`, prec: 1 };
          break;
        case 'sub':
          out = { text: `${wrap(x[0], 1)} - ${wrap(x[1], 2)}`, prec: 1 };
          break;
        case 'mul':
          out = { text: `${wrap(x[0], 2)} * ${wrap(x[1], 3)}`, prec: 2 };
          break;
        case 'div':
          out = { text: `${wrap(x[0], 2)} / ${wrap(x[1], 3)}`, prec: 2 };
          break;
        case 'recip':
          out = { text: `1 / ${wrap(x[0], 3)}`, prec: 2 };
          break;
        case 'pow':
          out = { text: `${wrap(x[0], 5)} ^ ${node.param}`, prec: 4 };
          break;
        default:
          out = { text: `${node.op}(${x.map((p) => p.text).join(', ')})`, prec: 5 };
      }
    }
    memo.set(id, out);
    return out;
  };
  return print(graph.output).text;
}
