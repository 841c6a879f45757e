/** Replaced at build time by vite.config.ts: "<package version>+<build id>". */
declare const __APP_VERSION__: string;
