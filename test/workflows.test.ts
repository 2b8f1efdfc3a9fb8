import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Supply-chain rules for our own workflows (the examples are what users copy, and use
// @v1 of this action on purpose).
const root = resolve(import.meta.dirname, "..");
const dir = join(root, ".github/workflows");
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: unknown;
  steps?: Step[];
  uses?: string;
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, Job>;
}

function read(name: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(dir, name), "utf8");
  return { text, workflow: parse(text) as Workflow };
}

describe("workflows", () => {
  it.each(files)(
    "%s pins third-party actions by commit SHA, with the version beside it",
    (name) => {
      const { text } = read(name);
      const uses = [...text.matchAll(/uses:\s*([^\s#]+)(.*)$/gm)];
      expect(uses.length).toBeGreaterThan(0);
      for (const [, ref, rest] of uses) {
        if (!ref || ref.startsWith("./") || ref.startsWith("actions/")) continue;
        expect(ref, name).toMatch(/@[0-9a-f]{40}$/);
        expect(rest, `${ref} needs a "# vX.Y.Z" comment`).toMatch(/#\s*v\d+\.\d+\.\d+/);
      }
    },
  );

  it.each(files)("%s grants nothing at the top and declares permissions per job", (name) => {
    const { workflow } = read(name);
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${name}: job ${id}`).toBeTypeOf("object");
    }
  });

  it.each(files)("%s keeps checkout credentials only in jobs that may push", (name) => {
    const { workflow } = read(name);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const writes = (job.permissions as Record<string, string> | undefined)?.contents === "write";
      for (const step of job.steps ?? []) {
        if (!step.uses?.startsWith("actions/checkout@")) continue;
        if (!writes) expect(step.with?.["persist-credentials"], `${name}: job ${id}`).toBe(false);
      }
    }
  });

  it.each(files)("%s takes Node's version from .node-version", (name) => {
    const { workflow } = read(name);
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (!step.uses?.startsWith("actions/setup-node@")) continue;
        expect(step.with?.["node-version-file"]).toBe(".node-version");
        expect(step.with?.["node-version"]).toBeUndefined();
      }
    }
  });

  it(".node-version is a major that package.json's engines accept", () => {
    const major = Number(readFileSync(join(root, ".node-version"), "utf8").trim());
    const engines = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).engines.node;
    const floor = Number(/^>=(\d+)/.exec(engines)?.[1]);
    expect(major).toBeGreaterThanOrEqual(floor);
  });
});
