/** `graph`: parse an expression (or a chapter preset) into a scalar graph and print every node's forward value and gradient, with the numeric check per edge. */
import { parseArgs } from 'node:util';
import { parseStrictNumber } from '../../core/datasets/number';
import {
  checkEdges,
  evaluateGraph,
  parseExpression,
  SCALAR_OPS,
  SCALAR_PRESETS,
  variablesOf,
  type ScalarGraph,
  type ScalarNode,
} from '../../core/graph/index';
import { UsageError } from '../usage-error';

export const GRAPH_OPTIONS = { set: { type: 'string' }, preset: { type: 'string' }, json: { type: 'boolean' } } as const;

const PRESET_IDS = SCALAR_PRESETS.map((p) => p.id);

/** `x=2,y=3` → { x: 2, y: 3 }, strictly (a name, "=", a decimal number; no name twice). */
export function parseAssignments(raw: string): Record<string, number> {
  const values: Record<string, number> = {};
  for (const part of raw.split(',')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)\s*$/.exec(part);
    const value = match ? parseStrictNumber(match[2]) : Number.NaN;
    if (!match || Number.isNaN(value))
      throw new UsageError(`--set: expected name=number pairs separated by commas (x=2,y=3), got ${JSON.stringify(part)}`);
    if (Object.hasOwn(values, match[1])) throw new UsageError(`--set: "${match[1]}" is given twice`);
    values[match[1]] = value;
  }
  return values;
}

/** The label of a node as the figures draw it: its operation, its variable name or its constant. */
export function nodeLabel(node: ScalarNode): string {
  return node.kind === 'var' ? node.name : node.kind === 'const' ? String(node.value) : SCALAR_OPS[node.op].label(node.param);
}

function readArgs(argv: string[]): { graph: ScalarGraph; expression: string; values: Record<string, number>; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: GRAPH_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`graph: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const { values: flags, positionals } = parsed;
  const preset = flags.preset === undefined ? undefined : SCALAR_PRESETS.find((p) => p.id === flags.preset);
  if (flags.preset !== undefined && !preset)
    throw new UsageError(`--preset: expected one of ${PRESET_IDS.join(', ')}, got ${JSON.stringify(flags.preset)}`);
  if (positionals.length > 1)
    throw new UsageError(`graph: expected one expression (quote it), got ${positionals.length} arguments`);
  if (preset && positionals.length > 0) throw new UsageError('graph: give an expression or --preset, not both');
  const expression = preset?.expression ?? positionals[0];
  if (expression === undefined)
    throw new UsageError('graph: expected an expression, e.g. graph "(x+y)^2" --set x=2,y=3, or --preset apples');
  const graph = parseExpression(expression);
  const values = { ...preset?.values, ...(flags.set === undefined ? {} : parseAssignments(flags.set)) };
  const names = variablesOf(graph);
  const missing = names.filter((n) => !Object.hasOwn(values, n));
  if (missing.length > 0)
    throw new UsageError(`--set: no value for ${missing.join(', ')} (the expression uses ${names.join(', ')})`);
  const unused = Object.keys(values).filter((n) => !names.includes(n));
  if (unused.length > 0)
    throw new UsageError(
      `--set: ${unused.join(', ')} is not a variable of the expression (it uses ${names.join(', ') || 'none'})`,
    );
  return { graph, expression, values, json: flags.json === true };
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(10)).toString());

/** Run `graph`; exit code 0 when every edge passes the numeric check, 1 when one does not, 2 for bad input. */
export function runGraph(argv: string[], out: (line: string) => void): Promise<number> {
  const { graph, expression, values, json } = readArgs(argv);
  const result = evaluateGraph(graph, values);
  const checks = checkEdges(graph, values, result);
  const pass = checks.every((c) => c.pass);
  const nodes = graph.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    label: nodeLabel(n),
    inputs: n.kind === 'op' ? n.inputs : [],
    value: result.values[n.id],
    grad: result.grads[n.id],
    ...(n.kind === 'op' ? { op: n.op, rule: SCALAR_OPS[n.op].rule(n.param) } : {}),
  }));
  if (json) {
    out(JSON.stringify({ expression, values, output: result.output, nodes, edges: checks, pass }));
    return Promise.resolve(pass ? 0 : 1);
  }
  out(`expression  ${expression}`);
  out(`output      ${fmt(result.output)}`);
  out('  node  label    inputs   value          gradient');
  for (const n of nodes)
    out(
      `  ${String(n.id).padEnd(4)}  ${n.label.padEnd(7)}  ${n.inputs.join(',').padEnd(7)}  ${fmt(n.value).padEnd(13)}  ${fmt(n.grad)}`,
    );
  out('edges (backprop vs. central difference):');
  for (const c of checks)
    out(
      `  ${c.from} → ${c.to === -1 ? 'out' : c.to}  ${fmt(c.backprop).padEnd(13)}  ${fmt(c.numeric).padEnd(13)}  rel ${c.relError.toExponential(1)}  ${c.pass ? 'pass' : 'FAIL'}`,
    );
  return Promise.resolve(pass ? 0 : 1);
}
