import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import path from "node:path";
import tseslint from "typescript-eslint";

// Feature folders stand alone: a feature imports shared parts (src/shared, src/components, src/api …),
// never another feature, so features can change without rippling; pages (src/pages) compose them, and
// nothing in src/shared reaches back into a feature.
const boundaries = {
  rules: {
    "no-cross-feature-imports": {
      meta: {
        type: "problem",
        messages: {
          feature: "`{{from}}` may not import from the feature `{{to}}`; move what both need to src/shared.",
          shared: "src/shared may not import from the feature `{{to}}`.",
        },
      },
      create(context) {
        const file = context.filename.split(path.sep).join("/");
        const own = /\/src\/features\/([^/]+)\//.exec(file)?.[1];
        const shared = file.includes("/src/shared/");
        if (!own && !shared) return {};
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== "string" || !spec.startsWith(".")) return;
          const target = path.resolve(path.dirname(context.filename), spec).split(path.sep).join("/");
          const to = /\/src\/features\/([^/]+)/.exec(target)?.[1];
          if (!to || to === own) return;
          context.report({ node, messageId: shared ? "shared" : "feature", data: { from: own, to } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};

export default tseslint.config(
  { ignores: ["dist", "node_modules", "src/api/schema.d.ts", "e2e/screenshots"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, boundaries },
    rules: {
      "boundaries/no-cross-feature-imports": "error",
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
);
