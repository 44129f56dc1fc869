/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

// Tauri loads ui/dist (frontendDist "../ui/dist"); `tauri dev` uses the dev server on 5173.
export default defineConfig({
  plugins: [svelte(), svelteTesting()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    // app.css as written, for the theme's contrast test (src/test/contrast.test.ts); other CSS
    // stays out of the tests.
    css: { include: [/\/src\/app\.css/] },
    // A test renders the whole app and walks it as a user: 1–3 s alone, over 5 s when both cores
    // are busy (make test on the 2-core machines).
    testTimeout: 15000,
    // One jsdom per worker instead of one per file: the run takes a third of the time. Stores are
    // modules, so src/test/app.ts resets them before each rendered app.
    pool: 'threads',
    isolate: false,
  },
});
