/** Injected by Vite `define` from package.json (renderer/vite.config.ts, electron.vite.config.ts). */
declare const __APP_VERSION__: string;
