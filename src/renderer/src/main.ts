/** Renderer entry: loads the stylesheet and mounts the Svelte app. */
import { mount } from 'svelte';
import App from './App.svelte';
import './styles.css';

mount(App, { target: document.getElementById('app') as HTMLElement });
