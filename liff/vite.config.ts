import path from 'node:path';
import { defineConfig } from 'vite';

// The LIFF front end: built to liff/dist and served by the Worker as static assets.
export default defineConfig({
  root: path.join(import.meta.dirname),
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, target: 'es2020' },
});
