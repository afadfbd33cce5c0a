import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

// dkfds (Det Fælles Designsystem) exports only its JS; its CSS, fonts and
// images are reached through this alias to the package's dist folder.
const dkfdsDist = path.resolve(path.dirname(createRequire(import.meta.url).resolve('dkfds')), '..');

// The API server (packages/server) serves the built app; during development
// `vite` serves it and forwards the API and login routes to the server.
const api = process.env.HELHED_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  // JSX through Vite's built-in esbuild; no React plugin needed.
  esbuild: { jsx: 'automatic' },
  resolve: { alias: { 'dkfds-dist': dkfdsDist } },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/auth': { target: api, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    rollupOptions: {
      treeshake: {
        // @helhed/core is pure domain code without import-time effects, so
        // only what the app uses (a few label tables) ends up in the bundle,
        // not Zod or the holiday calendar.
        moduleSideEffects: (id) => !/[\\/]packages[\\/]core[\\/]/.test(id) && !/[\\/]node_modules[\\/](zod|date-holidays)[\\/]/.test(id),
      },
    },
  },
});
