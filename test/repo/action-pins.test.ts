import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readWorkflow, root, workflowNames } from "../support/workflows.ts";

// Every action is pinned by commit, with its version beside it for people and Dependabot.
// The examples and the README are what users copy: they carry the same major versions.
interface Use {
  where: string;
  action: string;
  ref: string;
  comment: string;
}

const USES = /^[\s-]*uses:\s*([^\s#]+)[ \t]*(?:#\s*(.*))?$/gm;
const PIN = /^[0-9a-f]{40}$/;
const VERSION = /^v(\d+)\.\d+\.\d+$/;

function usesIn(text: string, where: string): Use[] {
  return [...text.matchAll(USES)].map(([, spec = "", comment = ""]) => {
    const at = spec.includes("@") ? spec.lastIndexOf("@") : spec.length;
    return { where, action: spec.slice(0, at), ref: spec.slice(at + 1), comment: comment.trim() };
  });
}

/** `uses:` values as YAML reads them, to prove the text scan missed none. */
function parsedUses(text: string): string[] {
  const workflow = parse(text) as { jobs: Record<string, { uses?: string; steps?: object[] }> };
  return Object.values(workflow.jobs).flatMap((job) => [
    ...(job.uses ? [job.uses] : []),
    ...(job.steps ?? []).flatMap((step) => ("uses" in step ? [String(step.uses)] : [])),
  ]);
}

function fromFolder(folder: string): Use[] {
  return workflowNames(folder).flatMap((name) =>
    usesIn(readWorkflow(name, folder).text, `${folder}/${name}`),
  );
}

const readme = readFileSync(join(root, "README.md"), "utf8");
const readmeSnippets = [...readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map(([, b]) => b ?? "");
const repository = /github\.com\/([^/]+\/[^/.]+)/.exec(
  JSON.parse(readFileSync(join(root, "package.json"), "utf8")).repository.url,
)?.[1];

const workflows = fromFolder(".github/workflows");
const forUsers = [
  ...fromFolder("examples"),
  ...readmeSnippets.flatMap((snippet) => usesIn(snippet, "README.md")),
];
/** owner/repo: codeql-action/init and codeql-action/analyze are one dependency. */
const repoOf = (action: string) => action.split("/").slice(0, 2).join("/");
const majorOf = (use: Use) => VERSION.exec(use.comment)?.[1];

describe("action pins", () => {
  it("finds the uses: lines it checks, each one YAML sees", () => {
    for (const folder of [".github/workflows", "examples"]) {
      for (const name of workflowNames(folder)) {
        const { text } = readWorkflow(name, folder);
        const found = usesIn(text, name).map((use) => use.action + (use.ref && `@${use.ref}`));
        expect(found, `${folder}/${name}`).toEqual(parsedUses(text));
      }
    }
    expect(workflows.length).toBeGreaterThan(20);
    expect(forUsers.some((use) => use.where === "README.md")).toBe(true);
    expect(repository).toBe("org/lucca-report-action");
  });

  it("pins every action in the workflows by full commit SHA, with its version in a comment", () => {
    for (const use of workflows) {
      if (use.action === "." || use.action.startsWith("./")) continue;
      const label = `${use.where}: ${use.action}@${use.ref}`;
      expect(use.action, label).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?$/);
      expect(use.ref, label).toMatch(PIN);
      expect(use.comment, `${label} needs "# vX.Y.Z"`).toMatch(VERSION);
    }
  });

  it("pins every action in the examples and README snippets the same way, but this one", () => {
    for (const use of forUsers) {
      const label = `${use.where}: ${use.action}@${use.ref}`;
      if (use.action === repository) {
        // This action at its major tag, as the README's Versions section explains.
        expect(use.ref, label).toMatch(/^v\d+$/);
        continue;
      }
      expect(use.ref, label).toMatch(PIN);
      expect(use.comment, `${label} needs "# vX.Y.Z"`).toMatch(VERSION);
    }
  });

  it("uses one pin per action across the workflows, and one version per commit everywhere", () => {
    const pinOf = new Map<string, string>();
    for (const use of workflows.filter((u) => PIN.test(u.ref))) {
      const pin = `${use.ref} # ${use.comment}`;
      const key = repoOf(use.action);
      expect(pinOf.get(key) ?? pin, `${use.where}: ${key}`).toBe(pin);
      pinOf.set(key, pin);
    }
    const versionOf = new Map<string, string>();
    for (const use of [...workflows, ...forUsers].filter((u) => PIN.test(u.ref))) {
      expect(versionOf.get(use.ref) ?? use.comment, `${use.where}: ${use.ref}`).toBe(use.comment);
      versionOf.set(use.ref, use.comment);
    }
  });

  it("keeps the examples and the README on the workflows' major versions", () => {
    const workflowMajors = new Map(workflows.map((use) => [repoOf(use.action), majorOf(use)]));
    for (const use of forUsers) {
      if (use.action === repository) continue;
      const label = `${use.where}: ${use.action} ${use.comment}`;
      expect(workflowMajors.has(repoOf(use.action)), `${label}: not in the workflows`).toBe(true);
      expect(majorOf(use), label).toBe(workflowMajors.get(repoOf(use.action)));
    }
  });

  it("has Dependabot keep the workflows' and the examples' pins current", () => {
    const config = parse(readFileSync(join(root, ".github/dependabot.yml"), "utf8")) as {
      updates: Array<{
        "package-ecosystem": string;
        directories?: string[];
        ignore?: Array<{ "dependency-name": string }>;
      }>;
    };
    const actions = config.updates.find((u) => u["package-ecosystem"] === "github-actions");
    expect(actions?.directories).toEqual(["/", "/examples"]);
    // Its placeholder name is no repository Dependabot could look up.
    expect(actions?.ignore).toContainEqual({ "dependency-name": repository });
  });
});
