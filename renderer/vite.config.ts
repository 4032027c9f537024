// Builds the renderer for the app://closeout/ protocol: relative asset paths, no inline script (the CSP in
// shared/csp.ts allows only 'self' scripts), nothing fetched at run time.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // The renderer reads nothing from the environment: no secret can leak into the bundle this way.
  envPrefix: 'CLOSEOUT_RENDERER_',
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // The polyfill would be harmless code in the entry chunk, but Chromium (Electron, the e2e browser)
    // has native modulepreload, so leave it out rather than reason about where it lands.
    modulePreload: { polyfill: false },
    // Fonts and images stay files; data: URLs are allowed by the CSP but there is no need for them.
    assetsInlineLimit: 0,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2048,
  },
  server: { host: '127.0.0.1', strictPort: true },
});
