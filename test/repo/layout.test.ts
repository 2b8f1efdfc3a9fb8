import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

// The import rules themselves (core imports only core, the CLI and the action apart, no
// circles) are dependency-cruiser's, in `npm run lint`.
describe("the layout of src/", () => {
  const files = productFiles(join(root, "src")).map((path) => relative(root, path));

  it("has no product file over 400 lines: a longer file is two files", () => {
    const long = files.filter(
      (path) => readFileSync(join(root, path), "utf8").split("\n").length > 401,
    );
    expect(long).toEqual([]);
  });

  it("has one path for one report or many: no '-many' twin of a module", () => {
    expect(files.filter((path) => /-many\b/.test(path))).toEqual([]);
  });

  it("keeps the runtime parts as siblings of core and publish", () => {
    const top = new Set(files.map((path) => path.split("/")[1]));
    expect([...top].filter((name) => !name?.endsWith(".ts")).sort()).toEqual([
      "action",
      "cli",
      "core",
      "node",
      "publish",
    ]);
  });
});
