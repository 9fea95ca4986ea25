/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs as `cma serve` on port 5000; the dev server forwards the API and
// the run-time configuration to it, so the page and the API share one origin as in production.
const apiTarget = process.env.CMA_API_URL ?? 'http://127.0.0.1:5000';

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    port: 5173,
    proxy: { '/api': apiTarget, '/config.json': apiTarget, '/health': apiTarget },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Hashed file names: the server marks everything under /assets/ immutable.
    assetsDir: 'assets',
    rollupOptions: {
      output: {
        manualChunks: {
          react: ['react', 'react-dom', 'react-router-dom'],
          mantine: ['@mantine/core', '@mantine/hooks', '@mantine/notifications'],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    // The form tests type as a user does, key by key; on a busy 2-core runner that takes time.
    testTimeout: 20_000,
  },
});
