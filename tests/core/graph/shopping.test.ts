import { describe, expect, it } from 'vitest';
import { MulLayer } from '../../../src/core/graph/mul-layer';
import { AddLayer } from '../../../src/core/graph/add-layer';

describe("scalar computational graph (the book's shopping examples)", () => {
  it('buys 2 apples at 100 with tax 1.1 and backpropagates', () => {
    const mulApple = new MulLayer();
    const mulTax = new MulLayer();
    const price = mulTax.forward(mulApple.forward(100, 2), 1.1);
    expect(price).toBeCloseTo(220, 10);
    const [dApplePriceTotal, dTax] = mulTax.backward(1);
    const [dApple, dAppleNum] = mulApple.backward(dApplePriceTotal);
    expect(dApple).toBeCloseTo(2.2, 12);
    expect(dAppleNum).toBeCloseTo(110, 10);
    expect(dTax).toBe(200);
  });

  it('buys apples and oranges with tax and backpropagates through the add node', () => {
    const mulApple = new MulLayer();
    const mulOrange = new MulLayer();
    const add = new AddLayer();
    const mulTax = new MulLayer();
    const all = add.forward(mulApple.forward(100, 2), mulOrange.forward(150, 3));
    const price = mulTax.forward(all, 1.1);
    expect(price).toBeCloseTo(715, 10);
    const [dAll, dTax] = mulTax.backward(1);
    const [dApplePrice, dOrangePrice] = add.backward(dAll);
    const [dApple, dAppleNum] = mulApple.backward(dApplePrice);
    const [dOrange, dOrangeNum] = mulOrange.backward(dOrangePrice);
    expect(dAppleNum).toBeCloseTo(110, 10);
    expect(dApple).toBeCloseTo(2.2, 12);
    expect(dOrange).toBeCloseTo(3.3, 12);
    expect(dOrangeNum).toBeCloseTo(165, 10);
    expect(dTax).toBe(650);
  });
});
