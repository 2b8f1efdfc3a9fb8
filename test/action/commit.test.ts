import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos } from "../support/git-repos.ts";

const KEY = "commit-key-60f1e2d4";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 12 });
  return sim;
}

const inputsFor = (s: Simulator, extra: Record<string, string> = {}) => ({
  domain: s.url,
  "api-key": KEY,
  "template-id": "42",
  "poll-interval": "20ms",
  period: "2026-10",
  publish: "commit",
  "output-path": "timesheets/2026-10.csv",
  ...extra,
});

describe("publish: commit, through the action", () => {
  it("commits the report, then nothing on an unchanged rerun", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const first = await runAction(inputsFor(s), { workspace: await repos.clone() });
    expect(first.code, first.stdout).toBe(0);
    const head = git(repos.origin, "rev-parse", "main");
    expect(first.outputs).toMatchObject({
      changed: "true",
      pushed: "true",
      "commit-sha": head,
      "commit-url": `https://github.com/acme/payroll/commit/${head}`,
    });
    expect(git(repos.origin, "log", "-1", "--format=%s", "main")).toBe(
      "Add Lucca report 42 2026-10-01..2026-10-31",
    );
    expect(git(repos.origin, "show", "main:timesheets/2026-10.csv").length).toBeGreaterThan(100);
    expect(first.summary).toContain(
      `Commit [${head.slice(0, 7)}](https://github.com/acme/payroll/commit/${head}) on \`main\``,
    );

    const again = await runAction(
      inputsFor(s, { "commit-message": "Report {reportId} ({rows} rows)" }),
      {
        workspace: await repos.clone(),
      },
    );
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ changed: "false", pushed: "false", "commit-sha": "" });
    expect(again.summary).toMatch(/Commit: none, `main` already holds this report/);
    expect(again.summary).toMatch(/\| same \|/);
    expect(git(repos.origin, "rev-parse", "main")).toBe(head);
  });

  it("refuses none combined with commit", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const run = await runAction(inputsFor(s, { publish: "commit, none" }), {
      workspace: await repos.clone(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/publish: "none" cannot be combined/);
  });

  it("refuses an output-path outside the workspace before any request", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const run = await runAction(inputsFor(s, { "output-path": "../elsewhere.csv" }), {
      workspace: await repos.clone(),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/output-path: "\.\.\/elsewhere\.csv" is outside the workspace/);
    expect(s.requests).toHaveLength(0);
  });

  it("refuses commit mode on pull_request_target from a fork, before any request", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const eventPath = join(await tempDir(), "event.json");
    await writeFile(
      eventPath,
      JSON.stringify({
        pull_request: {
          head: { repo: { full_name: "mallory/payroll", fork: true } },
          base: { repo: { full_name: "acme/payroll" } },
        },
      }),
    );
    const run = await runAction(inputsFor(s), {
      workspace: await repos.clone(),
      env: { GITHUB_EVENT_NAME: "pull_request_target", GITHUB_EVENT_PATH: eventPath },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/refused on pull_request_target from a fork/);
    expect(s.requests).toHaveLength(0);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("1");
  });

  it("rejects bad commit inputs together", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, {
        "commit-message": "Report {month}",
        "commit-author": "nobody",
        "commit-ignore-lines": "([",
        "push-attempts": "0",
        "commit-branch": "../main",
      }),
    );
    expect(run.code).toBe(1);
    for (const input of [
      "commit-message",
      "commit-author",
      "commit-ignore-lines",
      "push-attempts",
      "commit-branch",
    ]) {
      expect(run.stdout).toContain(`- ${input}`);
    }
  });
});
