import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  jobMayRunOn,
  mayHold,
  readWorkflow,
  root,
  triggers,
  workflowNames,
  writeScopes,
} from "../support/workflows.ts";

// What each job's token may do, on which events. Pull-request code must never run with a
// write token: a Dependabot pull request's head is this repository, so GitHub gives its runs
// whatever the workflow asks for.
const files = workflowNames();
const PULL_REQUEST_EVENTS = ["pull_request", "pull_request_target"];

/**
 * Jobs that run on pull requests with a write token all the same, each with the test that
 * holds it to running no code from the pull request (test/repo/dependabot-dist.test.ts).
 */
const WRITES_ON_PULL_REQUESTS: Record<string, string[]> = { "dependabot-dist.yml": ["commit"] };

/** Jobs that push with the credentials actions/checkout leaves in .git/config. */
const PUSHES_WITH_CHECKOUT_CREDENTIALS: Record<string, string[]> = {
  "ci.yml": ["self-test-commit"],
};

describe("reading a job's condition", () => {
  it("decides what github.event_name rules out, and nothing else", () => {
    const pr = "pull_request";
    expect(mayHold(undefined, pr)).toBe(true);
    expect(mayHold("github.event_name != 'pull_request'", pr)).toBe(false);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression, not a template
    expect(mayHold("${{ github.event_name != 'pull_request' }}", pr)).toBe(false);
    expect(mayHold("github.event_name == 'push' || github.event_name == 'schedule'", pr)).toBe(
      false,
    );
    expect(mayHold("github.event_name == 'push' || github.event_name == 'schedule'", "push")).toBe(
      true,
    );
    expect(mayHold("(github.event_name == 'push' || x == 'y') && contains(a, 'b')", pr)).toBe(true);
    expect(mayHold("(github.event_name == 'push' || 'a' == github.event_name) && z", pr)).toBe(
      false,
    );
    expect(mayHold("!(github.event_name == 'pull_request')", pr)).toBe(false);
    expect(mayHold("!(github.event_name == 'pull_request' && x)", pr)).toBe(true);
    expect(mayHold("github.event_name == 'PULL_REQUEST'", pr)).toBe(true);
    expect(mayHold("needs.build.outputs.changed == 'true'", pr)).toBe(true);
    expect(mayHold("always() || github.event_name == 'push'", pr)).toBe(true);
    expect(mayHold("github.event.pull_request.user.login == 'dependabot[bot]'", pr)).toBe(true);
    expect(() => mayHold("(github.event_name == 'push'", pr)).toThrow(/condition/);
  });
});

describe("workflow permissions", () => {
  it.each(files)("%s grants nothing at the top and declares permissions per job", (name) => {
    const { workflow } = readWorkflow(name);
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${name}: job ${id}`).toBeTypeOf("object");
    }
  });

  it.each(files)(
    "%s: no job that runs on pull requests can write, but to upload code scanning results",
    (name) => {
      const { workflow } = readWorkflow(name);
      for (const [id, job] of Object.entries(workflow.jobs)) {
        const onPullRequests = PULL_REQUEST_EVENTS.some((e) => jobMayRunOn(workflow, id, e));
        if (!onPullRequests || WRITES_ON_PULL_REQUESTS[name]?.includes(id)) continue;
        const writes = writeScopes(job).filter((scope) => scope !== "security-events");
        expect(writes, `${name}: job ${id} runs on pull requests`).toEqual([]);
      }
    },
  );

  it.each(files)("%s keeps checkout credentials only in jobs that push with them", (name) => {
    const { workflow } = readWorkflow(name);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const pushes = PUSHES_WITH_CHECKOUT_CREDENTIALS[name]?.includes(id) ?? false;
      for (const step of job.steps ?? []) {
        if (!step.uses?.startsWith("actions/checkout@")) continue;
        if (!pushes) expect(step.with?.["persist-credentials"], `${name}: job ${id}`).toBe(false);
      }
    }
  });

  it("the jobs that push with checkout credentials run only on code already on main", () => {
    for (const [name, jobs] of Object.entries(PUSHES_WITH_CHECKOUT_CREDENTIALS)) {
      const { workflow } = readWorkflow(name);
      for (const id of jobs) {
        expect(writeScopes(workflow.jobs[id] ?? {}), `${name}: ${id}`).toContain("contents");
        for (const event of triggers(workflow)) {
          const expected = ["push", "schedule", "workflow_dispatch"].includes(event);
          expect(jobMayRunOn(workflow, id, event), `${name}: ${id} on ${event}`).toBe(expected);
        }
      }
    }
  });

  it.each(files)("%s installs dependencies without their install scripts", (name) => {
    const { workflow } = readWorkflow(name);
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        for (const line of (step.run ?? "").split("\n")) {
          if (/\bnpm (ci|install|i)\b/.test(line)) {
            expect(line, `${name}: job ${id}`).toContain("--ignore-scripts");
          }
        }
      }
    }
  });

  it("CI's own script installs without install scripts too (ci.yml and release.yml run it)", () => {
    const script = readFileSync(join(root, ".ci/run"), "utf8");
    const installs = script.split("\n").filter((line) => /^\s*npm (ci|install|i)\b/.test(line));
    expect(installs.length).toBeGreaterThan(0);
    for (const line of installs) expect(line).toContain("--ignore-scripts");
  });
});

describe("ci.yml: the action's self-test", () => {
  const { workflow } = readWorkflow("ci.yml");

  it("runs the action on every event, with a read-only token and no credentials", () => {
    const job = workflow.jobs.action;
    expect(job).toBeDefined();
    for (const event of triggers(workflow))
      expect(jobMayRunOn(workflow, "action", event)).toBe(true);
    expect(job?.permissions).toEqual({ contents: "read" });
    expect(job?.steps?.some((step) => step.uses === "./")).toBe(true);
  });

  it("publishes by commit or pull request only in a job that never runs on pull requests", () => {
    let pushingSteps = 0;
    for (const [id, job] of Object.entries(workflow.jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses !== "./" || !/commit|pull-request/.test(String(step.with?.publish))) continue;
        pushingSteps++;
        for (const event of PULL_REQUEST_EVENTS) {
          expect(jobMayRunOn(workflow, id, event), `${id} on ${event}`).toBe(false);
        }
      }
    }
    expect(pushingSteps).toBeGreaterThan(0);
  });
});
