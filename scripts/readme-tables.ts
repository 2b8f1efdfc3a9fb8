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

/**
 * The README's groups of inputs, each rendered between `<!-- inputs-<group>:start -->` and
 * `<!-- inputs-<group>:end -->`, in this order. Every input of action.yml is in exactly one.
 */
export const INPUT_GROUPS = {
  essentials: ["domain", "api-key", "template-id", "report-id", "format", "output-path", "mode"],
  period: ["period", "start-date", "end-date", "timezone", "end-date-convention"],
  publishing: [
    "publish",
    "artifact-name",
    "artifact-retention-days",
    "artifact-archive",
    "artifact-overwrite",
    "artifact-per-report",
    "if-unchanged",
    "commit-message",
    "commit-author",
    "commit-committer",
    "commit-branch",
    "commit-ignore-lines",
    "push-attempts",
    "repository",
    "sign-commits",
    "github-token",
    "summary",
    "summary-preview-rows",
  ],
  "pull-requests": [
    "pr-branch",
    "pr-base",
    "pr-title",
    "pr-body",
    "pr-labels",
    "pr-reviewers",
    "pr-draft",
  ],
  tuning: [
    "timeout",
    "poll-interval",
    "max-poll-interval",
    "request-timeout",
    "max-retries",
    "generation-attempts",
    "concurrency",
    "requests-per-minute",
    "fail-fast",
    "allowed-hosts",
    "cache",
    "trace",
  ],
} as const satisfies Record<string, readonly string[]>;

/** Each block's name (`inputs-essentials`, ..., `outputs`) and its table. */
export function renderTables(
  actionYaml: string,
  groups: Record<string, readonly string[]> = INPUT_GROUPS,
): Map<string, string> {
  const action = parse(actionYaml) as ActionYaml;
  const grouped = Object.values(groups).flat();
  const ungrouped = Object.keys(action.inputs).filter((name) => !grouped.includes(name));
  if (ungrouped.length > 0) {
    throw new Error(
      `action.yml inputs in no README group (add them to INPUT_GROUPS in scripts/readme-tables.ts): ${ungrouped.join(", ")}`,
    );
  }
  const unknown = grouped.filter((name) => !(name in action.inputs));
  const twice = grouped.filter((name, index) => grouped.indexOf(name) !== index);
  if (unknown.length > 0 || twice.length > 0) {
    throw new Error(
      `INPUT_GROUPS must name each action.yml input once: ${[...unknown.map((n) => `${n} (not in action.yml)`), ...twice.map((n) => `${n} (twice)`)].join(", ")}`,
    );
  }
  const cell = (text: string) =>
    text
      .replace(/\|/g, "\\|")
      .replace(/\s*\n\s*/g, " ")
      .trim();
  const tables = new Map<string, string>();
  for (const [group, names] of Object.entries(groups)) {
    const rows = names.map((name) => {
      const input = action.inputs[name] as ActionYaml["inputs"][string];
      const fallback = input.required
        ? "(required)"
        : input.default === undefined
          ? ""
          : `\`${input.default}\``;
      return `| \`${name}\` | ${fallback} | ${cell(input.description)} |`;
    });
    tables.set(
      `inputs-${group}`,
      ["| Input | Default | Description |", "| --- | --- | --- |", ...rows].join("\n"),
    );
  }
  tables.set(
    "outputs",
    [
      "| Output | Description |",
      "| --- | --- |",
      ...Object.entries(action.outputs).map(
        ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`,
      ),
    ].join("\n"),
  );
  return tables;
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
  let updated = readme;
  for (const [name, table] of renderTables(actionYaml)) {
    updated = replaceBlock(updated, name, table);
  }
  return updated;
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
