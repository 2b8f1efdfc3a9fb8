import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readWorkflow, root, workflowNames } from "../support/workflows.ts";

// Rules for our own workflows; what each job's token may do is in
// workflow-permissions.test.ts, the pins in action-pins.test.ts.
const files = workflowNames();

describe("workflows", () => {
  it.each(files)("%s takes Node's version from .node-version", (name) => {
    const { workflow } = readWorkflow(name);
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
