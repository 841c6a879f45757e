import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import pkg from './package.json' with { type: 'json' };

// A build id shown in the app and used to tell versions apart (update prompt tests set it).
const buildId =
  process.env.SETIA_BUILD_ID ?? new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

export default defineConfig({
  define: {
    __APP_VERSION__: JSON.stringify(`${pkg.version}+${buildId}`),
  },
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false, // registered by src/features/pwa with workbox-window, after first paint
      manifestFilename: 'manifest.webmanifest',
      includeAssets: ['apple-touch-icon.png'],
      injectManifest: {
        // Every chunk, lazy ones included: the scanner, owner screens and charts open offline.
        globPatterns: ['**/*.{js,css,html,svg,woff2}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
      },
      manifest: {
        id: '/',
        name: 'Setia — stamp cards',
        short_name: 'Setia',
        description: 'Offline-first stamp cards for cafés and small shops: scan, stamp, reward.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#7a3e1d',
        background_color: '#faf6f0',
        categories: ['business', 'food', 'productivity'],
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
        screenshots: [
          {
            src: '/screenshot-wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'The counter: find a member, stamp, redeem',
          },
          {
            src: '/screenshot-narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: 'The counter on a phone',
          },
        ],
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  server: { port: 5173 },
});
