import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReadme } from "../../scripts/readme-tables.ts";
import { VERSION } from "../../src/version.ts";

const root = resolve(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");

describe("documentation stays true", () => {
  it("README input and output tables match action.yml (node scripts/readme-tables.ts --write)", () => {
    const readme = read("README.md");
    expect(readme).toBe(renderReadme(readme, read("action.yml")));
  });

  it("the quick start is the demo and the tests", () => {
    const quickStart = read("README.md").split("## Quick start")[1]?.split("##")[0] ?? "";
    expect(quickStart).toContain("npm ci && npm run demo");
    expect(quickStart).toContain("npm test");
  });

  it("the CLI version is the package version", () => {
    expect(VERSION).toBe(JSON.parse(read("package.json")).version);
  });

  it("every CLI flag is documented in the README", () => {
    const readme = read("README.md");
    const help = read("src/cli/help.ts");
    const flags = new Set(help.match(/--[a-z][a-z-]+/g));
    for (const flag of flags) expect(readme, flag).toContain(flag);
  });

  it("SECURITY.md says what each of the repository's workflows can do", () => {
    const security = read("SECURITY.md");
    const workflows = readdirSync(resolve(root, ".github/workflows")).filter((name) =>
      /\.ya?ml$/.test(name),
    );
    expect(workflows.length).toBeGreaterThan(0);
    for (const name of workflows) expect(security, name).toContain(`\n| \`${name}\` |`);
  });
});
