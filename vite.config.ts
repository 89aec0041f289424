import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://ksef-desk/ in Electron and from the loopback bridge in browser
// mode, so all asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
