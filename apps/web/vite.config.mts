import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The console is plain files served by the API from dist/web (apps/api/src/web/). Hashed
// assets under /assets, no inline script (the CSP is script-src 'self'), no CDN, no remote font.
export default defineConfig(({ command }) => {
  // A build is always the production build, even when a test (NODE_ENV=test) runs it; Vite
  // reads NODE_ENV after this config, so React and its JSX runtime agree.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root: here('.'),
    base: '/',
    plugins: [react()],
    build: {
      outDir: here('../../dist/web'),
      emptyOutDir: true,
      target: 'es2022',
      // Everything is bundled: a script the CSP would refuse is never inlined.
      assetsInlineLimit: 0,
      modulePreload: { polyfill: false },
      chunkSizeWarningLimit: 400,
    },
    server: {
      // `npm run web:dev`: the API on :3000 answers the calls, Vite serves the console.
      proxy: Object.fromEntries(
        ['/auth', '/tickets', '/users', '/reports', '/agents', '/health', '/metrics', '/docs'].map(
          (path) => [
            path,
            {
              target: 'http://127.0.0.1:3000',
              bypass: (req) => (req.headers.accept?.includes('text/html') ? req.url : undefined),
            },
          ],
        ),
      ),
    },
    test: {
      environment: 'jsdom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: [here('src/test/setup.ts')],
      restoreMocks: true,
    },
  };
});
