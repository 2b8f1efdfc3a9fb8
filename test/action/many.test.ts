import { readFile } from "node:fs/promises";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { git, makeRepos } from "../support/git-repos.ts";
import { type ResultsService, startResultsService } from "../support/results-service/index.ts";

const KEY = "many-key-7a31c0";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 12, templates: ["42", "43"] });
  return sim;
}

const inputsFor = (s: Simulator, extra: Record<string, string> = {}) => ({
  domain: s.url,
  "api-key": KEY,
  "template-id": "42\n43",
  "poll-interval": "20ms",
  period: "2026-09..2026-10",
  ...extra,
});

describe("several reports in one step (node dist/index.js)", () => {
  it("commits the reports that worked in one commit, then fails naming the unknown template", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const run = await runAction(
      inputsFor(s, { "template-id": "42, nope, 43", publish: "commit" }),
      { workspace: await repos.clone() },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=Lucca report nope failed::template nope, 2026-09-01\.\.2026-09-30/,
    );
    expect(run.stdout).not.toMatch(/::error title=Lucca report 4[23] failed/);
    const reports = JSON.parse(run.outputs.reports ?? "[]");
    expect(
      reports.map(
        (r: { "template-id": string; status: string }) => `${r["template-id"]}:${r.status}`,
      ),
    ).toEqual(["42:done", "42:done", "nope:failed", "nope:failed", "43:done", "43:done"]);
    expect(run.outputs).toMatchObject({ succeeded: "4", failed: "2", changed: "true" });
    expect(reports.map((r: { changed?: string }) => r.changed ?? "")).toEqual([
      "true",
      "true",
      "",
      "",
      "true",
      "true",
    ]);
    const head = git(repos.origin, "rev-parse", "main");
    expect(run.outputs["commit-sha"]).toBe(head);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("2");
    expect(git(repos.origin, "show", "--name-only", "--format=%s", "main").split("\n")).toEqual([
      "Add 4 Lucca reports",
      "",
      "reports/42_2026-09-01_2026-09-30.csv",
      "reports/42_2026-10-01_2026-10-31.csv",
      "reports/43_2026-09-01_2026-09-30.csv",
      "reports/43_2026-10-01_2026-10-31.csv",
    ]);
    expect(run.summary.match(/\| Template \| Period \|/g)).toHaveLength(1);
    // Each report's details, collapsed (the preview is off by default: rows are personal data).
    expect(run.summary.match(/<summary>Details: /g)).toHaveLength(4);
    expect(run.summary).toMatch(/\| nope \| October 2026 \| failed \|/);

    const again = await runAction(inputsFor(s, { publish: "commit" }), {
      workspace: await repos.clone(),
    });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({
      succeeded: "4",
      failed: "0",
      changed: "false",
      "commit-sha": "",
    });
    expect(git(repos.origin, "rev-parse", "main")).toBe(head);
    expect(
      JSON.parse(again.outputs.reports ?? "[]").map((r: { changed: string }) => r.changed),
    ).toEqual(["false", "false", "false", "false"]);
  });

  it("refuses, before any request, an output-path that sends two reports to one file", async () => {
    const s = await simulator();
    const run = await runAction(inputsFor(s, { "output-path": "reports/{templateId}.csv" }));
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/output-path: "reports\/\{templateId\}.csv" gives the same file/);
    expect(s.requests).toHaveLength(0);
  });
});

describe("several reports as artifacts (real @actions/artifact client)", () => {
  let service: ResultsService;
  beforeAll(async () => {
    service = await startResultsService();
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it("uploads one zipped artifact holding every file, named by output-path", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, { publish: "artifact", "output-path": "out/{year}/{month}/{templateId}.csv" }),
      { env: service.env },
    );
    expect(run.code, run.stdout).toBe(0);
    const stored = service.artifacts().find((artifact) => artifact.name === "lucca-reports");
    expect(stored?.finalized).toBe(true);
    expect(run.outputs["artifact-id"]).toBe(String(stored?.id));
    const { readZip } = await import("../support/results-service/zip.ts");
    const entries = readZip(await service.artifactBytes("lucca-reports"));
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      "09/42.csv",
      "09/43.csv",
      "10/42.csv",
      "10/43.csv",
    ]);
    const reports = JSON.parse(run.outputs.reports ?? "[]");
    const first = reports.find((r: { path: string }) => r.path.endsWith("out/2026/09/42.csv"));
    expect(Buffer.from(entries.find((e) => e.name === "09/42.csv")?.data ?? [])).toEqual(
      await readFile(first.path),
    );
  });

  it("compares with nothing and asks the cache nothing with cache: false", async () => {
    const s = await simulator();
    const cacheCalls = () => service.calls.filter((call) => /Cache/.test(call.method)).length;
    const before = cacheCalls();
    const run = await runAction(
      inputsFor(s, { publish: "artifact", "artifact-name": "no-cache", cache: "false" }),
      { env: service.env, fromSource: true },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(cacheCalls()).toBe(before);
    expect(run.outputs).toMatchObject({ succeeded: "4", changed: "" });
    const reports = JSON.parse(run.outputs.reports ?? "[]");
    expect(reports.map((r: { changed: string }) => r.changed)).toEqual(["", "", "", ""]);
  });

  it("uploads one artifact per report with artifact-per-report", async () => {
    const s = await simulator();
    const run = await runAction(
      inputsFor(s, { publish: "artifact", "template-id": "42", "artifact-per-report": "true" }),
      { env: service.env },
    );
    expect(run.code, run.stdout).toBe(0);
    const names = [
      "lucca-report-42-2026-09-01_2026-09-30.csv",
      "lucca-report-42-2026-10-01_2026-10-31.csv",
    ];
    const stored = names.map((name) => service.artifacts().find((a) => a.name === name));
    expect(stored.map((a) => a?.finalized)).toEqual([true, true]);
    expect(run.outputs["artifact-id"]).toBe(stored.map((a) => a?.id).join(","));
    const reports = JSON.parse(run.outputs.reports ?? "[]");
    expect(reports.map((r: { "artifact-url": string }) => r["artifact-url"])).toEqual(
      stored.map(
        (a) =>
          `https://github.com/${service.env.GITHUB_REPOSITORY}/actions/runs/${service.env.GITHUB_RUN_ID}/artifacts/${a?.id}`,
      ),
    );
  });
});
