// The web UI is built into one directory that CMake embeds in the caredesk binary (see
// scripts/embed.mjs); `npm run dev` serves it with the API proxied to a local caredesk.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: process.env.CAREDESK_WEB_OUT ?? 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': process.env.CAREDESK_URL ?? 'http://127.0.0.1:8080' },
  },
  test: {
    environment: 'happy-dom',
    globals: true,
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
