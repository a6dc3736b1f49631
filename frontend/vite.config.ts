/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The SPA compiles the client from source; partners use its built `dist/`.
    alias: { "@cyd/client": fileURLToPath(new URL("./client/src/index.ts", import.meta.url)) },
  },
  server: {
    proxy: { "/api": { target: "http://127.0.0.1:8000", changeOrigin: false } },
  },
  build: { outDir: "dist", sourcemap: false, reportCompressedSize: true },
  test: {
    environment: "happy-dom",
    include: ["src/**/*.test.{ts,tsx}", "client/src/**/*.test.ts"],
    watch: false,
  },
});
