/**
 * State of the scalar graph lab (held by Studio, so it survives tab and language switches): the expression and its graph,
 * the variables' values, the step of the forward/backward walk, playback, and canvas edits. Everything derived recomputes live.
 */
import {
  checkEdges,
  evaluateGraph,
  GraphError,
  parseExpression,
  printExpression,
  SCALAR_OPS,
  SCALAR_PRESETS,
  stepsOf,
  stepState,
  variablesOf,
  type OpName,
  type ScalarGraph,
  type ScalarPreset,
} from '../../../core/graph/index';
import { layoutGraph } from './graph-layout';

export type PresetChoice = ScalarPreset['id'] | 'custom';

const firstPreset = SCALAR_PRESETS[0];

export class ScalarLab {
  /** The expression field's text (may differ from the graph until Build, or while it has an error). */
  text = $state(firstPreset.expression);
  graph = $state.raw<ScalarGraph>(parseExpression(firstPreset.expression));
  values = $state<Record<string, number>>({ ...firstPreset.values });
  preset = $state<PresetChoice>(firstPreset.id);
  /** The last expression error (code and params; the view words it), or null. */
  error = $state.raw<GraphError | null>(null);
  step = $state(0);
  playing = $state(false);
  /** Playback speed in steps per second. */
  speed = $state(2);
  /** The canvas editor's choices: the operation to add and its input node ids. */
  editOp = $state<OpName>('mul');
  inputA = $state(0);
  inputB = $state(0);
  exponent = $state(2);
  private timer: ReturnType<typeof setInterval> | null = null;

  readonly evaluation = $derived(evaluateGraph(this.graph, this.values));
  readonly checks = $derived(checkEdges(this.graph, this.values, this.evaluation));
  readonly steps = $derived(stepsOf(this.graph, this.evaluation));
  readonly last = $derived(this.steps.length - 1);
  readonly visible = $derived(stepState(this.graph, this.steps, this.step));
  readonly layout = $derived(layoutGraph(this.graph));
  readonly variables = $derived(variablesOf(this.graph));
  readonly expression = $derived(printExpression(this.graph));
  /** For a preset with a one-node form (the sigmoid): that form's value and gradient, evaluated with the same values. */
  readonly comparison = $derived.by(() => {
    const other = SCALAR_PRESETS.find((p) => p.id === this.preset)?.compareWith;
    if (!other) return null;
    const graph = parseExpression(other);
    const result = evaluateGraph(graph, this.values);
    const x = graph.nodes.findIndex((n) => n.kind === 'var');
    const mine = this.graph.nodes.findIndex((n) => n.kind === 'var');
    const y = this.evaluation.output;
    return { graphGrad: this.evaluation.grads[mine], nodeGrad: result.grads[x], formula: y * (1 - y) };
  });

  /** Parse `text` into the graph (values kept by name, new variables start at 1); a bad expression sets `error` and keeps the graph. */
  build(text: string = this.text): void {
    this.text = text;
    let graph: ScalarGraph;
    try {
      graph = parseExpression(text);
    } catch (e) {
      if (!(e instanceof GraphError)) throw e;
      this.error = e;
      return;
    }
    this.error = null;
    this.preset = SCALAR_PRESETS.find((p) => p.expression === text)?.id ?? 'custom';
    this.adopt(graph);
  }

  usePreset(id: PresetChoice): void {
    const preset = SCALAR_PRESETS.find((p) => p.id === id);
    if (!preset) {
      this.preset = 'custom';
      return;
    }
    this.values = { ...preset.values };
    this.text = preset.expression;
    this.error = null;
    this.preset = preset.id;
    this.adopt(parseExpression(preset.expression));
  }

  /** Change a variable's value (a number field); the graph recomputes at once. Non-finite input is refused. */
  setValue(name: string, value: number): boolean {
    if (!Number.isFinite(value)) return false;
    this.values = { ...this.values, [name]: value };
    return true;
  }

  next(): void {
    this.step = Math.min(this.last, this.step + 1);
    if (this.step >= this.last) this.pause();
  }

  previous(): void {
    this.step = Math.max(0, this.step - 1);
  }

  reset(): void {
    this.pause();
    this.step = 0;
  }

  showAll(): void {
    this.pause();
    this.step = this.last;
  }

  /** Step forward `speed` times a second until the last step (from the start when already there). */
  play(): void {
    this.pause();
    if (this.step >= this.last) this.step = 0;
    this.playing = true;
    this.timer = setInterval(() => this.next(), 1000 / Math.max(0.25, this.speed));
  }

  /** Change the playback speed; a running playback continues at the new speed. */
  setSpeed(stepsPerSecond: number): void {
    this.speed = stepsPerSecond;
    if (this.playing) this.play();
  }

  pause(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.playing = false;
  }

  /** Canvas edit: a new `editOp` node on inputA (and inputB for two-input operations); it becomes the output. */
  addNode(): void {
    const op = SCALAR_OPS[this.editOp];
    const two = typeof op.arity === 'number' ? op.arity === 2 : true;
    const inputs = two ? [this.inputA, this.inputB] : [this.inputA];
    const id = this.graph.nodes.length;
    const node = { id, kind: 'op' as const, op: this.editOp, inputs, param: this.editOp === 'pow' ? this.exponent : 0 };
    this.edit({ nodes: [...this.graph.nodes, node], output: id });
  }

  /** Canvas edit: a new variable leaf (value 1 unless known), picked as the second input. */
  addVariable(name: string): void {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || this.variables.includes(name)) return;
    const id = this.graph.nodes.length;
    this.values = { [name]: 1, ...this.values };
    this.edit({ nodes: [...this.graph.nodes, { id, kind: 'var', name }], output: this.graph.output });
    this.inputB = id;
  }

  addConstant(value: number): void {
    if (!Number.isFinite(value)) return;
    const id = this.graph.nodes.length;
    this.edit({ nodes: [...this.graph.nodes, { id, kind: 'const', value }], output: this.graph.output });
    this.inputB = id;
  }

  setOutput(id: number): void {
    if (id >= 0 && id < this.graph.nodes.length) this.edit({ nodes: this.graph.nodes, output: id });
  }

  private edit(graph: ScalarGraph): void {
    this.preset = 'custom';
    this.error = null;
    this.adopt(graph);
    this.text = this.expression;
  }

  private adopt(graph: ScalarGraph): void {
    const values: Record<string, number> = {};
    for (const name of variablesOf(graph)) values[name] = this.values[name] ?? 1;
    this.values = values;
    this.graph = graph;
    this.step = 0;
    this.inputA = graph.output;
    this.inputB = graph.output;
  }
}
