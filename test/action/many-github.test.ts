import { describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-api/server.ts";

// Several reports in one step, published through GitHub's API: the built action (dist/index.js)
// against the Lucca simulator and the GitHub stand-in. Octokit keeps its production spacing in
// the bundle (1 s between writes), so each test has its own servers and they run concurrently.
const KEY = "many-gh-key-81d2f4";
const TOKEN = "ghs_many_token_2b7e90";
const FILES = [
  "reports/42_2026-09-01_2026-09-30.csv",
  "reports/42_2026-10-01_2026-10-31.csv",
  "reports/43_2026-09-01_2026-09-30.csv",
  "reports/43_2026-10-01_2026-10-31.csv",
];

async function withServers(
  test: (servers: { sim: Simulator; gh: GitHubStandIn }) => Promise<void>,
): Promise<void> {
  const sim = await startSimulator({
    apiKey: KEY,
    generationMs: 20,
    rows: 6,
    templates: ["42", "43"],
  });
  const gh = await startGitHubStandIn({
    tokens: { [TOKEN]: { contentsWrite: true, pullRequestsWrite: true } },
  });
  try {
    await test({ sim, gh });
  } finally {
    await Promise.all([sim.close(), gh.close()]);
  }
  // Every request the stand-in answered, and its answer, as GitHub's OpenAPI describes them.
  expect(gh.exchanges.flatMap(checkExchange)).toEqual([]);
}

const run = async (sim: Simulator, gh: GitHubStandIn, extra: Record<string, string>) =>
  runAction(
    {
      domain: sim.url,
      "api-key": KEY,
      "template-id": "42\n43",
      period: "2026-09..2026-10",
      "poll-interval": "20ms",
      "github-token": TOKEN,
      ...extra,
    },
    {
      env: {
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_SERVER_URL: gh.webUrl,
        GITHUB_REPOSITORY: gh.repository,
        GITHUB_REF: "refs/heads/main",
        GITHUB_REF_NAME: "main",
      },
      workspace: await tempDir("many-gh-ws-"),
    },
  );

async function cloneOf(gh: GitHubStandIn, branch: string): Promise<string> {
  const dir = `${await tempDir("many-gh-clone-")}/c`;
  git(process.cwd(), "clone", "--quiet", "--branch", branch, gh.repo.dir, dir);
  return dir;
}

const writes = (gh: GitHubStandIn) =>
  gh.exchanges.filter((exchange) => exchange.method !== "GET").length;

describe.concurrent("several reports through GitHub's API (node dist/index.js)", () => {
  it("opens one pull request with every report, then changes nothing on a rerun", async () => {
    await withServers(async ({ sim, gh }) => {
      const main = await gh.repo.branchTip("main");
      const first = await run(sim, gh, { publish: "pull-request", "pr-labels": "payroll" });
      expect(first.code, first.stdout).toBe(0);
      const branch = "lucca-report/42+43";
      const tip = await gh.repo.branchTip(branch);
      expect(first.outputs).toMatchObject({
        succeeded: "4",
        failed: "0",
        changed: "true",
        pushed: "true",
        "commit-sha": tip,
        "pull-request-number": "1",
        "pull-request-url": `${gh.webUrl}/acme/payroll/pull/1`,
        "pull-request-operation": "created",
      });
      const reports = JSON.parse(first.outputs.reports ?? "[]");
      expect(reports.map((r: { changed: string }) => r.changed)).toEqual([
        "true",
        "true",
        "true",
        "true",
      ]);
      expect(gh.pulls).toHaveLength(1);
      expect(gh.pulls[0]).toMatchObject({
        head: branch,
        base: "main",
        title: "4 Lucca reports: 42+43 2026-09-01..2026-10-31",
        labels: ["payroll"],
      });
      const body = gh.pulls[0]?.body ?? "";
      expect(body).toContain("4 of 4 report(s) differ from the base branch.");
      for (const path of FILES) expect(body).toContain(`| \`${path}\` | 6 | new file |`);
      expect(first.summary).toContain(
        `Pull request [#1](${gh.webUrl}/acme/payroll/pull/1) created (\`${branch}\` into \`main\`)`,
      );
      expect(await gh.repo.branchTip("main")).toBe(main);
      const clone = await cloneOf(gh, branch);
      expect(git(clone, "rev-parse", "HEAD^")).toBe(main);
      expect(git(clone, "show", "--name-only", "--format=%s%n%b", "HEAD").split("\n")).toEqual([
        "Add 4 Lucca reports",
        ...FILES.map((path) => `- ${path}`),
        "",
        "",
        ...FILES,
      ]);
      expect(git(clone, "show", `HEAD:${FILES[0]}`).split("\n")).toHaveLength(7);

      const writesBefore = writes(gh);
      const again = await run(sim, gh, { publish: "pull-request" });
      expect(again.code, again.stdout).toBe(0);
      expect(again.outputs).toMatchObject({
        succeeded: "4",
        changed: "true",
        pushed: "false",
        "commit-sha": tip,
        "pull-request-number": "1",
        "pull-request-operation": "unchanged",
      });
      expect(await gh.repo.branchTip(branch)).toBe(tip);
      expect(gh.pulls).toHaveLength(1);
      expect(writes(gh)).toBe(writesBefore);
    });
  });

  it("makes one commit signed by GitHub with every report, then none on a rerun", async () => {
    await withServers(async ({ sim, gh }) => {
      const main = await gh.repo.branchTip("main");
      const first = await run(sim, gh, { publish: "commit", "sign-commits": "true" });
      expect(first.code, first.stdout).toBe(0);
      const head = (await gh.repo.branchTip("main")) as string;
      expect(head).not.toBe(main);
      expect(first.outputs).toMatchObject({
        succeeded: "4",
        changed: "true",
        pushed: "true",
        "commit-sha": head,
        "commit-url": `${gh.webUrl}/acme/payroll/commit/${head}`,
      });
      expect(first.stdout).toMatch(/with 4 report\(s\) on main \(signed by GitHub\)/);
      const commit = await gh.repo.readCommit(head);
      expect(commit?.parents).toEqual([main]);
      expect(commit?.author.name).toBe("github-actions[bot]");
      expect(commit?.committer.name).toBe("GitHub");
      expect(commit?.message.trimEnd()).toBe(
        `Add 4 Lucca reports\n\n${FILES.map((path) => `- ${path}`).join("\n")}`,
      );
      const commits = gh.exchanges.filter(
        (e) => e.method === "POST" && e.path.endsWith("/commits"),
      );
      expect(commits).toHaveLength(1);
      expect(commits[0]?.requestBody).not.toHaveProperty("author");
      expect(commits[0]?.requestBody).not.toHaveProperty("committer");
      const clone = await cloneOf(gh, "main");
      expect(git(clone, "show", "--name-only", "--format=", "HEAD").split("\n")).toEqual(FILES);

      const writesBefore = writes(gh);
      const again = await run(sim, gh, { publish: "commit", "sign-commits": "true" });
      expect(again.code, again.stdout).toBe(0);
      expect(again.outputs).toMatchObject({ changed: "false", "commit-sha": "", pushed: "false" });
      expect(await gh.repo.branchTip("main")).toBe(head);
      expect(writes(gh)).toBe(writesBefore);
    });
  });

  it("publishes the reports that worked in the pull request, then fails naming the unknown template", async () => {
    await withServers(async ({ sim, gh }) => {
      const failed = await run(sim, gh, { publish: "pull-request", "template-id": "nope, 43" });
      expect(failed.code).toBe(1);
      expect(failed.stdout).toMatch(
        /::error title=Lucca report nope failed::template nope, 2026-09-01\.\.2026-09-30/,
      );
      expect(failed.stdout).not.toMatch(/::error title=Lucca report 43 failed/);
      expect(failed.outputs).toMatchObject({
        succeeded: "2",
        failed: "2",
        "pull-request-operation": "created",
      });
      const branch = "lucca-report/nope+43";
      const clone = await cloneOf(gh, branch);
      expect(git(clone, "show", "--name-only", "--format=%s", "HEAD").split("\n")).toEqual([
        "Add 2 Lucca reports",
        "",
        ...FILES.slice(2),
      ]);
      expect(gh.pulls[0]?.title).toBe("2 Lucca reports: nope+43 2026-09-01..2026-10-31");
      const body = gh.pulls[0]?.body ?? "";
      expect(body).toContain(
        "2 of 4 report(s) differ from the base branch; 2 could not be fetched.",
      );
      expect(body).toMatch(
        /\| nope \| 2026-09-01\.\.2026-09-30 \| .*\| failed: not in this pull request \|/,
      );
    });
  });

  it("refuses, before any request, a pull request title that names one report's rows", async () => {
    await withServers(async ({ sim, gh }) => {
      const refused = await run(sim, gh, { publish: "pull-request", "pr-title": "{rows} rows" });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toMatch(
        /pr-title: \{rows\} names one report's value, and this step has several reports/,
      );
      expect(sim.requests).toHaveLength(0);
      expect(gh.exchanges).toHaveLength(0);
    });
  });
});
