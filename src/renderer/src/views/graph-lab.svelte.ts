/** The Graph tab's state, held by Studio so that it survives tab and language switches: which graph is shown, and each one's state. */
import { NetworkLab } from './network-lab.svelte';
import { ScalarLab } from './scalar-lab.svelte';

export class GraphLab {
  mode = $state<'scalar' | 'network'>('scalar');
  readonly scalar = new ScalarLab();
  readonly network = new NetworkLab();
}
