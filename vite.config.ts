import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { firstResults } from './scripts/firstResults.ts';

export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    // The Content-Security-Policy meta tag (scripts/csp.ts).
    contentSecurityPolicy(),
    // The default page's first results, computed at build time (scripts/firstResults.ts).
    firstResults(),
    // Works offline after the first load: a service worker precaches the built
    // app (registered by src/main.ts, never inside a frame: an embed in
    // another site's page has no use for it). The single-file build
    // (vite.single.config.ts) has none.
    VitePWA({
      // A new build waits until the user accepts the page's offer to reload (src/main.ts).
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Cost sharing in supply chains',
        short_name: 'Cost sharing',
        description:
          'Simulate how cost pressure and cost sharing in multi-tier supply chains shape wages and investment at small suppliers.',
        start_url: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#ffffff',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,woff2,webmanifest}'],
        // The Japanese web font's many pieces are cached as pages use them, not all up front.
        globIgnores: ['**/noto-sans-jp-*'],
        runtimeCaching: [
          {
            urlPattern: /noto-sans-jp-[\w-]+\.woff2?$/,
            handler: 'CacheFirst',
            options: { cacheName: 'japanese-font', expiration: { maxEntries: 400 } },
          },
        ],
        // The page's links carry the state in the query: any of them opens the cached app.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first page load is controlled as soon as the app is cached.
        clientsClaim: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        // Builds the app, serves dist/ locally and drives the system's Chromium.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/browser/global-setup.ts'],
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
