/** The addition node of a scalar computational graph: out = x + y; the gradient passes unchanged to both inputs. */

export class AddLayer {
  /** out = x + y (nothing is cached: backward does not need the inputs). */
  forward(x: number, y: number): number {
    return x + y;
  }

  /** dout → [dx, dy] = [dout, dout]. */
  backward(dout: number): [number, number] {
    return [dout, dout];
  }
}
