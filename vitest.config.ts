import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

/** Unit tests: tests/ mirrors src/. Renderer component tests run in jsdom, everything else in Node. */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['tests/**/*.test.ts'], exclude: ['tests/renderer/**'], environment: 'node' },
      },
      {
        extends: true,
        plugins: [svelte(), svelteTesting()],
        test: { name: 'renderer', include: ['tests/renderer/**/*.test.ts'], environment: 'jsdom' },
      },
    ],
  },
});
