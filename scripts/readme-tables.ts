// Renders the README's input and output tables from action.yml, so they cannot drift.
// `node scripts/readme-tables.ts --write` updates README.md; a test checks they agree.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";

interface ActionYaml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
}

const root = resolve(import.meta.dirname, "..");

export function renderTables(actionYaml: string): { inputs: string; outputs: string } {
  const action = parse(actionYaml) as ActionYaml;
  const cell = (text: string) =>
    text
      .replace(/\|/g, "\\|")
      .replace(/\s*\n\s*/g, " ")
      .trim();
  const inputs = [
    "| Input | Default | Description |",
    "| --- | --- | --- |",
    ...Object.entries(action.inputs).map(([name, input]) => {
      const fallback = input.required
        ? "(required)"
        : input.default === undefined
          ? ""
          : `\`${input.default}\``;
      return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`;
    }),
  ].join("\n");
  const outputs = [
    "| Output | Description |",
    "| --- | --- |",
    ...Object.entries(action.outputs).map(
      ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
    ),
  ].join("\n");
  return { inputs, outputs };
}

export function replaceBlock(readme: string, name: string, body: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md has no ${start} ... ${end} block`);
  return `${readme.slice(0, from + start.length)}\n${body}\n${readme.slice(to)}`;
}

export function renderReadme(readme: string, actionYaml: string): string {
  const tables = renderTables(actionYaml);
  return replaceBlock(replaceBlock(readme, "inputs", tables.inputs), "outputs", tables.outputs);
}

if (process.argv.includes("--write")) {
  const readmePath = resolve(root, "README.md");
  const updated = renderReadme(
    readFileSync(readmePath, "utf8"),
    readFileSync(resolve(root, "action.yml"), "utf8"),
  );
  writeFileSync(readmePath, updated);
  console.log("README.md tables updated from action.yml");
}
