/** Matrix products written like the maths (out = x·W, dx = dout·Wᵀ, dW = xᵀ·dout) over the kernels' gemm, shapes read from the operands. */
import type { Matrix } from '../matrix';
import type { Kernels } from './kernels';

export interface MatmulOptions {
  /** Multiply by aᵀ: `a` is stored k×m. */
  readonly transA?: boolean;
  /** Multiply by bᵀ: `b` is stored n×k. */
  readonly transB?: boolean;
  /** out += op(a)·op(b) instead of out = op(a)·op(b). */
  readonly accumulate?: boolean;
}

/** The options of aᵀ·b and a·bᵀ, shared so that a call allocates nothing. */
export const TRANS_A: MatmulOptions = Object.freeze({ transA: true });
export const TRANS_B: MatmulOptions = Object.freeze({ transB: true });
const NONE: MatmulOptions = Object.freeze({});

/**
 * out = op(a)·op(b) (or += with `accumulate`), writing into `out` and returning it.
 * op(a): m×k, op(b): k×n, out: m×n; out never aliases a or b. Throws on mismatched shapes.
 */
export type Matmul = (a: Matrix, b: Matrix, out: Matrix, options?: MatmulOptions) => Matrix;

/** matmul on `kernels`: `const matmul = matmulOn(kernels); matmul(x, W, out)`. */
export function matmulOn(kernels: Kernels): Matmul {
  return (a, b, out, options = NONE) => {
    const transA = options.transA === true;
    const transB = options.transB === true;
    const m = transA ? a.cols : a.rows;
    const k = transA ? a.rows : a.cols;
    const kb = transB ? b.cols : b.rows;
    const n = transB ? b.rows : b.cols;
    if (k !== kb || out.rows !== m || out.cols !== n) {
      throw new Error(
        `matmul: ${shape(a, transA)} · ${shape(b, transB)} does not give ${out.rows}×${out.cols}` +
          (k === kb ? ` (it gives ${m}×${n})` : ` (inner sizes ${k} and ${kb} differ)`),
      );
    }
    kernels.gemm(a.data, b.data, out.data, m, n, k, transA, transB, options.accumulate === true);
    return out;
  };
}

const shape = (x: Matrix, transposed: boolean): string => (transposed ? `(${x.rows}×${x.cols})ᵀ` : `${x.rows}×${x.cols}`);
