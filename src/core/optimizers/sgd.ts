/** Stochastic gradient descent: W ← W − lr · dW. */
import type { Param } from '../param';
import type { Optimizer } from './optimizer';

export class SGD implements Optimizer {
  step(params: Param[], lr: number): void {
    for (const p of params) for (let i = 0; i < p.value.length; i++) p.value[i] -= lr * p.grad[i];
  }
}
