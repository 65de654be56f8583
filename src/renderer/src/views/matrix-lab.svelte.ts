/** State of the matrix graphs (batched Affine, Softmax-with-Loss) of the Graph tab: which one, and the step shown. */
import { affinePreset, softmaxWithLossPreset, type MatrixPreset } from '../../../core/graph/index';

export class MatrixLab {
  which = $state<MatrixPreset['id']>('affine');
  step = $state(0);

  readonly preset = $derived(this.which === 'affine' ? affinePreset() : softmaxWithLossPreset());
  readonly last = $derived(this.preset.steps.length - 1);
  /** The tensors known at this step (forward values and gradients computed so far). */
  readonly shown = $derived(this.preset.tensors.filter((t) => t.step <= this.step));

  choose(which: MatrixPreset['id']): void {
    this.which = which;
    this.step = 0;
  }

  next(): void {
    this.step = Math.min(this.last, this.step + 1);
  }

  previous(): void {
    this.step = Math.max(0, this.step - 1);
  }
}
