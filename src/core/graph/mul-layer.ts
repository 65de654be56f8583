/** The multiplication node of a scalar computational graph: out = x · y. */

export class MulLayer {
  /** Set by forward, read by backward: the two inputs. */
  private x = 0;
  private y = 0;

  /** out = x · y. */
  forward(x: number, y: number): number {
    this.x = x;
    this.y = y;
    return x * y;
  }

  /** dout → [dx, dy] = [dout · y, dout · x] (the inputs swapped). */
  backward(dout: number): [number, number] {
    return [dout * this.y, dout * this.x];
  }
}
