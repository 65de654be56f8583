/** The window's one ExperimentLab, so that switching tabs keeps the experiment and its live curves. */
import { api } from '../lib/api';
import { ExperimentLab } from './lab.svelte';

export const lab = new ExperimentLab(api);
