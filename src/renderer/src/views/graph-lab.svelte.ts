/** The Graph tab's state, held by Studio so that it survives tab and language switches: which graph is shown, and each one's state. */
import { NetworkLab } from './network-lab.svelte';
import { ScalarLab } from './scalar-lab.svelte';
import { MatrixLab } from './matrix-lab.svelte';

export class GraphLab {
  mode = $state<'scalar' | 'matrix' | 'network'>('scalar');
  readonly scalar = new ScalarLab();
  readonly matrix = new MatrixLab();
  readonly network = new NetworkLab();
}
