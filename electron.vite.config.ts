import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;

/**
 * Three builds: main (the Electron entry plus every plain-Node entry: web host, CLI, bench and the
 * worker threads, as separate files in out/main), preload (CommonJS so that sandbox: true works),
 * and the Svelte renderer.
 */
export default defineConfig({
  main: {
    build: {
      target: 'node20',
      rollupOptions: {
        input: {
          index: resolve(root, 'src/main/index.ts'),
          web: resolve(root, 'src/main/web.ts'),
          cli: resolve(root, 'src/cli/main.ts'),
          bench: resolve(root, 'bench/main.ts'),
          'engine-worker': resolve(root, 'src/main/engine/worker.ts'),
          'gradient-worker': resolve(root, 'src/main/engine/gradient-worker.ts'),
          'dataset-worker': resolve(root, 'src/main/services/datasets/worker.ts'),
          'insight-worker': resolve(root, 'src/main/services/insight/worker.ts'),
        },
        output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    build: {
      rollupOptions: { input: { index: resolve(root, 'src/renderer/index.html') } },
    },
  },
});
