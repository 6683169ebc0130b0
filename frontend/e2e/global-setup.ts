// Builds the SPA, starts a real `kaimono serve --demo` on a temporary SQLite database serving it, and
// tells the tests where it is. Chromium is Debian's (/usr/bin/chromium); no browser is ever downloaded.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    chromium: string | null;
  }
}

const repo = resolve(__dirname, "../..");

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? done(address.port) : fail(new Error("no port")),
      );
    });
  });
}

async function waitForReady(url: string, server: ChildProcess) {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error(`kaimono exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("kaimono did not become ready");
}

let server: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    if (process.env.CI === "true")
      throw new Error(`CI=true needs Chromium at ${chromium} (apt-get install chromium)`);
    console.warn(`browser tests skipped: no Chromium at ${chromium} (apt-get install chromium)`);
    project.provide("chromium", null);
    project.provide("baseUrl", "");
    return;
  }
  // A production build of its own, so `frontend/dist` (what `./scripts/run` serves) is never replaced by
  // the development build vitest's NODE_ENV=test would otherwise make.
  const dist = mkdtempSync(join(tmpdir(), "kaimono-e2e-dist-"));
  execFileSync("npx", ["vite", "build", "--logLevel", "warn", "--outDir", dist, "--emptyOutDir"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  execFileSync("cargo", ["build", "--quiet", "--bin", "kaimono"], { cwd: repo, stdio: "inherit" });
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "kaimono-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(join(repo, "target/debug/kaimono"), ["serve", "--demo"], {
    env: {
      ...process.env,
      KAIMONO_DATABASE_URL: `sqlite://${dir}/e2e.db?mode=rwc`,
      KAIMONO_LISTEN: `127.0.0.1:${port}`,
      KAIMONO_PUBLIC_URL: baseUrl,
      KAIMONO_STATIC_DIR: dist,
      KAIMONO_LOG: "warn",
      KAIMONO_DEV_MAILBOX: "true",
      KAIMONO_STORAGE_URL: `file://${dir}/media`,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitForReady(baseUrl, server);
  project.provide("baseUrl", baseUrl);
  project.provide("chromium", chromium);
  return () => {
    server?.kill("SIGTERM");
  };
}
