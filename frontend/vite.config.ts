import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";
import { postalData } from "./postal-data.ts";

// `npm run dev` serves the SPA on :5173 and forwards /api to a running `kaimono serve` (default :8080).
export default defineConfig({
  plugins: [react(), postalData()],
  server: {
    proxy: {
      "/api": process.env.KAIMONO_API ?? "http://127.0.0.1:8080",
      "/media": process.env.KAIMONO_API ?? "http://127.0.0.1:8080",
    },
  },
  build: { outDir: "dist", sourcemap: true },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
  },
});
