import { defineConfig } from "vite";

// The UI is served by `wirewatch serve` from web/dist at "/", beside the
// JSON API under /api/. `npm run dev` proxies /api to a running server
// (WIREWATCH_URL, default http://127.0.0.1:8080).
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    assetsDir: "assets",
    // One small bundle; no source maps in what the binary serves.
    sourcemap: false,
    target: "es2020",
  },
  server: {
    proxy: {
      "/api": process.env.WIREWATCH_URL ?? "http://127.0.0.1:8080",
    },
  },
});
