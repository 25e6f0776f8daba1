import path from 'node:path';
import { defineConfig } from 'vite';

// The LIFF front end: built to liff/dist and served by the Worker as static assets. LINE's LIFF SDK
// (@line/liff and its @liff/* modules) gets a chunk of its own, loaded only by the pages that log in.
export default defineConfig({
  root: path.join(import.meta.dirname),
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    rolldownOptions: {
      output: {
        advancedChunks: {
          groups: [{ name: 'liff-sdk', test: /node_modules[\\/](@line[\\/]liff[\\/]|@liff[\\/]|tslib)/ }],
        },
      },
    },
  },
});
