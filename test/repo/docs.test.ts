import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  headingAnchors,
  linksOf,
  proseWords,
  README_WORD_LIMIT,
} from "../../scripts/markdown-prose.ts";
import { INPUT_GROUPS, renderReadme, renderTables } from "../../scripts/readme-tables.ts";
import { VERSION } from "../../src/version.ts";

const root = resolve(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(resolve(root, path), "utf8");

/** Images another change adds: referenced before the file lands, checked once it exists. */
const PENDING_IMAGES = new Set(["docs/images/summary.png"]);

const MARKDOWN_FILES = [
  "README.md",
  "SECURITY.md",
  "CONTRIBUTING.md",
  ...readdirSync(resolve(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("documentation stays true", () => {
  it("README input and output tables match action.yml (node scripts/readme-tables.ts --write)", () => {
    const readme = read("README.md");
    expect(readme).toBe(renderReadme(readme, read("action.yml")));
  });

  it("every input of action.yml is in one README group, and every group names inputs", () => {
    const action = read("action.yml");
    const withNew = action.replace(
      /^inputs:\n/m,
      "inputs:\n  brand-new:\n    description: An input nobody grouped.\n",
    );
    expect(withNew).not.toBe(action);
    expect(() => renderTables(withNew)).toThrow(/in no README group.*: brand-new$/);
    expect(() =>
      renderTables(action, { ...INPUT_GROUPS, tuning: [...INPUT_GROUPS.tuning, "gone"] }),
    ).toThrow(/gone \(not in action\.yml\)/);
    expect(() =>
      renderTables(action, { ...INPUT_GROUPS, period: [...INPUT_GROUPS.period, "domain"] }),
    ).toThrow(/domain \(twice\)/);
    const tables = renderTables(action);
    expect([...tables.keys()]).toEqual([
      "inputs-essentials",
      "inputs-period",
      "inputs-publishing",
      "inputs-pull-requests",
      "inputs-tuning",
      "outputs",
    ]);
  });

  it("names every input and output of action.yml in the README", () => {
    const readme = read("README.md");
    const action = parse(read("action.yml")) as {
      inputs: Record<string, unknown>;
      outputs: Record<string, unknown>;
    };
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });

  it("the quick start is the workflow snippet, then the demo and the tests", () => {
    const quickStart = read("README.md").split("## Quick start")[1]?.split("\n## ")[0] ?? "";
    const snippet = quickStart.indexOf("uses: org/lucca-report-action@v1");
    expect(snippet).toBeGreaterThan(-1);
    expect(quickStart.indexOf("npm ci && npm run demo")).toBeGreaterThan(snippet);
    expect(quickStart).toContain("npm test");
  });

  it(`the README holds at most ${README_WORD_LIMIT} words of prose (node scripts/markdown-prose.ts)`, () => {
    expect(proseWords(read("README.md"))).toBeLessThanOrEqual(README_WORD_LIMIT);
  });

  it("counts words of prose only: not code, tables, HTML comments or link targets", () => {
    const text = [
      "# Two words",
      "",
      "One `inline code` [linked text](docs/a-very-long-target.md) — here.",
      "",
      "```sh",
      "npm run these words do not count",
      "```",
      "",
      "<!-- nor these -->",
      "",
      "| Table | Cells |",
      "| --- | --- |",
      "| are not | prose |",
      "",
      "- a list item",
      "",
      "![alt text is not read](image.png)",
    ].join("\n");
    // Two words; One inline code linked text here; a list item.
    expect(proseWords(text)).toBe(2 + 6 + 3);
  });

  it("every relative link of the README and docs/ resolves: files, and headings for #anchors", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of MARKDOWN_FILES) {
      for (const { kind, target } of linksOf(read(file))) {
        if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
        const [path = "", anchor] = target.split("#");
        const targetFile = path === "" ? file : relative(root, resolve(root, dirname(file), path));
        // Above the repository: a page of GitHub's site (CONTRIBUTING's ../../issues).
        if (targetFile.startsWith("..")) continue;
        checked++;
        if (!existsSync(resolve(root, targetFile))) {
          if (kind === "image" && PENDING_IMAGES.has(targetFile)) continue;
          problems.push(`${file}: ${target} (no such file)`);
          continue;
        }
        if (anchor && targetFile.endsWith(".md") && !headingAnchors(read(targetFile)).has(anchor)) {
          problems.push(`${file}: ${target} (no such heading)`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it("the README links each page of docs/", () => {
    const linked = new Set(linksOf(read("README.md")).map(({ target }) => target.split("#")[0]));
    for (const file of MARKDOWN_FILES.filter((name) => name.startsWith("docs/"))) {
      expect(linked, file).toContain(file);
    }
  });

  it("the CLI version is the package version", () => {
    expect(VERSION).toBe(JSON.parse(read("package.json")).version);
  });

  it("every CLI flag is documented in docs/cli.md", () => {
    const reference = read("docs/cli.md");
    const help = read("src/cli/help.ts");
    const flags = new Set(help.match(/--[a-z][a-z-]+/g));
    expect(flags.size).toBeGreaterThan(20);
    for (const flag of flags) expect(reference, flag).toContain(`\`${flag}`);
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
