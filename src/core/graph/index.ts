/** The scalar computational-graph engine: nodes, expression parsing and printing, forward/backward, numeric edge checks, presets. */
export { SCALAR_OPS, OP_NAMES, arityFits } from './scalar-ops';
export type { OpName, ScalarOp } from './scalar-ops';
export { GraphBuilder, edgesOf, variablesOf } from './scalar-graph';
export type { ScalarGraph, ScalarNode, ScalarEdge } from './scalar-graph';
export { GraphError } from './graph-error';
export type { GraphErrorCode } from './graph-error';
export { MAX_EXPRESSION_LENGTH } from './expression-ast';
export { parseExpression } from './parse-expression';
export { printExpression } from './print-expression';
export { evaluateGraph, forwardValues } from './evaluate-graph';
export type { GraphEvaluation, BackwardStep, OpTable, EdgeNudge } from './evaluate-graph';
export { checkEdges, relativeError, EDGE_CHECK_DEFAULTS } from './numeric-check';
export type { EdgeCheck } from './numeric-check';
export { stepsOf, stepState } from './graph-steps';
export type { GraphStep, StepState } from './graph-steps';
export { SCALAR_PRESETS, scalarPreset } from './scalar-presets';
export type { ScalarPreset } from './scalar-presets';
