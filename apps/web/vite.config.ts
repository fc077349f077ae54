// The reporting UI's build: static files into dist/web, served by the hub at /app/.
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: __dirname,
  base: '/app/',
  // No React plugin: esbuild compiles TSX (the automatic runtime); nothing here needs fast refresh.
  esbuild: { jsx: 'automatic' },
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
});
