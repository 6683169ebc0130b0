// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.json.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const out = join(mkdtempSync(join(tmpdir(), "kaimono-schema-")), "schema.d.ts");
execFileSync("npx", ["openapi-typescript", "../openapi/openapi.json", "-o", out], { stdio: "ignore" });
execFileSync("npx", ["prettier", "--config", ".prettierrc.json", "--write", out], { stdio: "ignore" });
const committed = readFileSync("src/api/schema.d.ts", "utf8");
if (readFileSync(out, "utf8") !== committed) {
  console.error("src/api/schema.d.ts is stale: run `npm run generate` and commit it");
  process.exit(1);
}
console.log("generated API types are fresh");
