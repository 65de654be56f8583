/** The chapter's scalar shopping graphs (apples; apples and oranges) computed with core's MulLayer and AddLayer. */
import { AddLayer, MulLayer } from '../../../core/index';

/** A drawn edge of a scalar graph: forward value above, gradient dL/d(value) below. */
export interface ScalarEdge {
  from: string;
  to: string;
  label: string;
  value: number;
  grad: number;
}

export interface ScalarGraph {
  nodes: { id: string; op: '×' | '+' | 'in' | 'out'; x: number; y: number; label: string }[];
  edges: ScalarEdge[];
  total: number;
}

/** price = apple · count · tax; backward from dprice = 1. */
export function appleGraph(apple: number, count: number, tax: number): ScalarGraph {
  const mulApple = new MulLayer();
  const mulTax = new MulLayer();
  const applePrice = mulApple.forward(apple, count);
  const price = mulTax.forward(applePrice, tax);
  const [dApplePrice, dTax] = mulTax.backward(1);
  const [dApple, dCount] = mulApple.backward(dApplePrice);
  return {
    nodes: [
      { id: 'apple', op: 'in', x: 40, y: 60, label: 'apple' }, { id: 'count', op: 'in', x: 40, y: 180, label: 'count' },
      { id: 'tax', op: 'in', x: 300, y: 220, label: 'tax' }, { id: 'm1', op: '×', x: 240, y: 110, label: '' },
      { id: 'm2', op: '×', x: 440, y: 110, label: '' }, { id: 'out', op: 'out', x: 600, y: 110, label: 'price' },
    ],
    edges: [
      { from: 'apple', to: 'm1', label: 'apple', value: apple, grad: dApple },
      { from: 'count', to: 'm1', label: 'count', value: count, grad: dCount },
      { from: 'm1', to: 'm2', label: 'apple·count', value: applePrice, grad: dApplePrice },
      { from: 'tax', to: 'm2', label: 'tax', value: tax, grad: dTax },
      { from: 'm2', to: 'out', label: 'price', value: price, grad: 1 },
    ],
    total: price,
  };
}

/** price = (apple · appleCount + orange · orangeCount) · tax; backward from dprice = 1. */
export function fruitGraph(apple: number, appleCount: number, orange: number, orangeCount: number, tax: number): ScalarGraph {
  const mulApple = new MulLayer();
  const mulOrange = new MulLayer();
  const add = new AddLayer();
  const mulTax = new MulLayer();
  const applePrice = mulApple.forward(apple, appleCount);
  const orangePrice = mulOrange.forward(orange, orangeCount);
  const sum = add.forward(applePrice, orangePrice);
  const price = mulTax.forward(sum, tax);
  const [dSum, dTax] = mulTax.backward(1);
  const [dApplePrice, dOrangePrice] = add.backward(dSum);
  const [dOrange, dOrangeCount] = mulOrange.backward(dOrangePrice);
  const [dApple, dAppleCount] = mulApple.backward(dApplePrice);
  return {
    nodes: [
      { id: 'apple', op: 'in', x: 40, y: 30, label: 'apple' }, { id: 'ac', op: 'in', x: 40, y: 120, label: 'apples' },
      { id: 'orange', op: 'in', x: 40, y: 190, label: 'orange' }, { id: 'oc', op: 'in', x: 40, y: 280, label: 'oranges' },
      { id: 'tax', op: 'in', x: 380, y: 270, label: 'tax' }, { id: 'm1', op: '×', x: 210, y: 75, label: '' },
      { id: 'm2', op: '×', x: 210, y: 235, label: '' }, { id: 'a', op: '+', x: 340, y: 155, label: '' },
      { id: 'm3', op: '×', x: 480, y: 155, label: '' }, { id: 'out', op: 'out', x: 620, y: 155, label: 'price' },
    ],
    edges: [
      { from: 'apple', to: 'm1', label: 'apple', value: apple, grad: dApple },
      { from: 'ac', to: 'm1', label: 'apples', value: appleCount, grad: dAppleCount },
      { from: 'orange', to: 'm2', label: 'orange', value: orange, grad: dOrange },
      { from: 'oc', to: 'm2', label: 'oranges', value: orangeCount, grad: dOrangeCount },
      { from: 'm1', to: 'a', label: '', value: applePrice, grad: dApplePrice },
      { from: 'm2', to: 'a', label: '', value: orangePrice, grad: dOrangePrice },
      { from: 'a', to: 'm3', label: '', value: sum, grad: dSum },
      { from: 'tax', to: 'm3', label: 'tax', value: tax, grad: dTax },
      { from: 'm3', to: 'out', label: 'price', value: price, grad: 1 },
    ],
    total: price,
  };
}
