import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildContentSecurityPolicy } from './src/main/security/csp';

// The renderer's <meta> CSP comes from the same builder as the shell's and the web host's headers,
// so the three cannot drift apart. (Pages loaded from file:// only honour the meta tag.)
const contentSecurityPolicyMeta: Plugin = {
  name: 'lift-tracker-csp-meta',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: {
        'http-equiv': 'Content-Security-Policy',
        content: buildContentSecurityPolicy({ forMetaTag: true }),
      },
      injectTo: 'head-prepend',
    },
  ],
};

// Main and the web host share one build: both start the same backend worker, which electron-vite
// emits as its own chunk through the `?modulePath` import in src/main/backend/client.ts.
// PGlite stays external: bundling it loses its .wasm/.data files.
export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/server.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // sandbox: true needs a CommonJS preload that requires nothing but 'electron', so its
      // dependencies (zod, the contract) are bundled into it.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      // electron-vite leaves minification off unless asked; the renderer bundle is the big one.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [react(), contentSecurityPolicyMeta],
  },
});
