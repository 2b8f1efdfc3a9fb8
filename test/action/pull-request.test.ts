import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-api/server.ts";

// The built action (dist/index.js) against the Lucca simulator and the GitHub stand-in. Octokit's
// throttling keeps its production spacing here (1 s between writes), so each run takes seconds.
const KEY = "pr-key-3c9d1e";
const TOKEN = "ghs_action_token_5f1c2a";
const open: { close(): Promise<void> }[] = [];
let standIn: GitHubStandIn | undefined;

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
  if (standIn) expect(standIn.exchanges.flatMap(checkExchange)).toEqual([]);
  standIn = undefined;
});

async function servers(rows: number, options: { prefix?: string } = {}) {
  const sim: Simulator = await startSimulator({ apiKey: KEY, generationMs: 20, rows });
  standIn = await startGitHubStandIn({
    prefix: options.prefix ?? "",
    tokens: { [TOKEN]: { contentsWrite: true, pullRequestsWrite: true } },
  });
  open.push(sim, standIn);
  return { sim, gh: standIn };
}

const inputs = (sim: Simulator, extra: Record<string, string>) => ({
  domain: sim.url,
  "api-key": KEY,
  "template-id": "42",
  "poll-interval": "20ms",
  period: "2026-10",
  "output-path": "timesheets/2026-10.csv",
  "github-token": TOKEN,
  ...extra,
});

const env = (gh: GitHubStandIn) => ({
  GITHUB_API_URL: gh.apiUrl,
  GITHUB_SERVER_URL: gh.webUrl,
  GITHUB_REPOSITORY: gh.repository,
  GITHUB_REF: "refs/heads/main",
  GITHUB_REF_NAME: "main",
});

/** The runner is told to mask the token; no other line holds it. */
function expectMaskedOnly(stdout: string): void {
  expect(stdout).toContain(`::add-mask::${TOKEN}\n`);
  expect(stdout.replace(`::add-mask::${TOKEN}\n`, "")).not.toContain(TOKEN);
}

describe("publish: pull-request and sign-commits, through the action", () => {
  it("opens a pull request with the report, then leaves it unchanged on a rerun", async () => {
    const { sim, gh } = await servers(12, { prefix: "/api/v3" });
    const main = await gh.repo.branchTip("main");
    const run = await runAction(
      inputs(sim, { publish: "pull-request", "pr-labels": "payroll", "pr-reviewers": "hr-lead" }),
      { env: env(gh), workspace: await tempDir("pr-ws-") },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      changed: "true",
      "pull-request-number": "1",
      "pull-request-url": `${gh.webUrl}/acme/payroll/pull/1`,
      "pull-request-operation": "created",
    });
    expectMaskedOnly(run.stdout);
    expect(run.summary).toContain(
      `Pull request [#1](${gh.webUrl}/acme/payroll/pull/1) created (\`lucca-report/42\` into \`main\`)`,
    );
    const pull = gh.pulls[0];
    expect(pull).toMatchObject({
      title: "Lucca report 42 2026-10-01..2026-10-31",
      labels: ["payroll"],
      reviewers: ["hr-lead"],
      draft: false,
    });
    expect(pull?.body).toContain("| `timesheets/2026-10.csv` | 12 | new file |");
    expect(pull?.body?.split("\n")[0]).toBe("## Lucca report");
    expect(await gh.repo.branchTip("main")).toBe(main);
    const clone = `${await tempDir("pr-clone-")}/c`;
    git(process.cwd(), "clone", "--quiet", "--branch", "lucca-report/42", gh.repo.dir, clone);
    expect(git(clone, "rev-parse", "HEAD^")).toBe(main);
    expect(git(clone, "log", "-1", "--format=%s|%an")).toBe(
      "Add Lucca report 42 2026-10-01..2026-10-31|github-actions[bot]",
    );
    expect(git(clone, "show", "HEAD:timesheets/2026-10.csv").split("\n")).toHaveLength(13);

    const again = await runAction(inputs(sim, { publish: "pull-request" }), {
      env: env(gh),
      workspace: await tempDir("pr-ws-"),
    });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({
      "pull-request-number": "1",
      "pull-request-operation": "unchanged",
      pushed: "false",
    });
    expect(gh.pulls).toHaveLength(1);
  });

  it("commits through the API, signed, with sign-commits: true", async () => {
    const { sim, gh } = await servers(5);
    const main = await gh.repo.branchTip("main");
    const run = await runAction(inputs(sim, { publish: "commit", "sign-commits": "true" }), {
      env: env(gh),
      workspace: await tempDir("pr-ws-"),
    });
    expect(run.code, run.stdout).toBe(0);
    const head = await gh.repo.branchTip("main");
    expect(run.outputs).toMatchObject({
      changed: "true",
      pushed: "true",
      "commit-sha": head,
      "commit-url": `${gh.webUrl}/acme/payroll/commit/${head}`,
    });
    expect(run.stdout).toMatch(/signed by GitHub/);
    const commit = await gh.repo.readCommit(head as string);
    expect(commit?.parents).toEqual([main]);
    expect(commit?.committer.name).toBe("GitHub");
  });

  it("names the missing permission when the token may not open pull requests", async () => {
    const sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 3 });
    standIn = await startGitHubStandIn({
      tokens: { [TOKEN]: { contentsWrite: true, pullRequestsWrite: false } },
    });
    open.push(sim, standIn);
    const run = await runAction(inputs(sim, { publish: "pull-request" }), {
      env: env(standIn),
      workspace: await tempDir("pr-ws-"),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/permissions: pull-requests: write/);
    expectMaskedOnly(run.stdout);
  });
});

// The sources (src/action.ts), so that these run what this branch changed: pr-branch names a
// branch the action may rebuild, and a rebuild keeps other people's commits.
describe("the branch publish: pull-request may write (from source)", () => {
  const refusedBeforeLucca = async (
    extra: Record<string, string>,
    runEnv: Record<string, string>,
    setup?: (gh: GitHubStandIn) => Promise<unknown>,
  ) => {
    const { sim, gh } = await servers(3);
    await setup?.(gh);
    const tips = { main: await gh.repo.branchTip("main") };
    const run = await runAction(inputs(sim, { publish: "pull-request", ...extra }), {
      env: { ...env(gh), ...runEnv },
      fromSource: true,
    });
    expect(run.code).toBe(1);
    expect(sim.requests).toHaveLength(0);
    expect(gh.exchanges.filter((e) => e.method !== "GET")).toEqual([]);
    expect(await gh.repo.branchTip("main")).toBe(tips.main);
    return run;
  };

  it("refuses pr-branch: main into pr-base: develop before any request to Lucca", async () => {
    const run = await refusedBeforeLucca(
      { "pr-branch": "main", "pr-base": "develop" },
      { GITHUB_REF: "refs/heads/develop", GITHUB_REF_NAME: "develop" },
      (gh) => gh.commitOnBranch("develop", { "README.md": "develop\n" }, "Develop"),
    );
    expect(run.stdout).toContain(
      '::error title=Invalid inputs::- pr-branch: "main" is the repository\'s default branch; the action rebuilds and force-updates pr-branch, so give it a branch of its own (the default is lucca-report/{templateId})',
    );
  });

  it("refuses the pull request's own head branch, and the base, for several reports too", async () => {
    const head = await refusedBeforeLucca(
      { "pr-branch": "payroll/fix" },
      {
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_REF: "refs/pull/7/merge",
        GITHUB_REF_NAME: "7/merge",
        GITHUB_HEAD_REF: "payroll/fix",
      },
    );
    expect(head.stdout).toContain('- pr-branch: "payroll/fix" is the branch the workflow runs on;');
    const base = await refusedBeforeLucca(
      { "template-id": "42\n43", "pr-branch": "release", "output-path": "", "pr-base": "release" },
      {},
    );
    expect(base.stdout).toContain('- pr-branch: "release" is the pull request\'s base;');
  });

  it("refuses a branch name too long for GitHub before any request", async () => {
    const { sim, gh } = await servers(3);
    const run = await runAction(
      inputs(sim, { publish: "pull-request", "pr-branch": `reports/${"x".repeat(240)}` }),
      { env: env(gh), fromSource: true },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/is 248 bytes long; GitHub refuses branch names over 244 bytes/);
    expect(sim.requests).toHaveLength(0);
    expect(gh.exchanges).toEqual([]);
  });

  it("replaces last month's report on its branch, but not a person's commit", async () => {
    const { sim, gh } = await servers(4);
    const month = async (period: string) =>
      runAction(
        inputs(sim, {
          publish: "pull-request",
          period,
          "output-path": "timesheets/{year}-{month}.csv",
        }),
        { env: env(gh), fromSource: true, workspace: await tempDir("pr-ws-") },
      );
    const september = await month("2026-09");
    expect(september.code, september.stdout).toBe(0);
    // Not merged yet: October's run rebuilds the branch, dropping September's commit (its own).
    const october = await month("2026-10");
    expect(october.code, october.stdout).toBe(0);
    expect(october.outputs).toMatchObject({ "pull-request-operation": "updated", pushed: "true" });
    const fix = await gh.commitOnBranch(
      "lucca-report/42",
      { "timesheets/2026-10.csv": "Name;Hours\nAda;1\n" },
      "Fix Ada's hours",
      { author: { name: "Jane Doe", email: "jane@acme.example" } },
    );
    const writes = gh.exchanges.filter((e) => e.method !== "GET").length;
    const again = await month("2026-10");
    expect(again.code).toBe(1);
    expect(again.stdout).toContain(
      `Cannot update the pull request's branch lucca-report/42: commit ${fix.slice(0, 7)} by Jane Doe <jane@acme.example> was not made by this action. The branch was left untouched. Choose another pr-branch, or delete the branch lucca-report/42 once that commit is kept elsewhere, then re-run.`,
    );
    expect(await gh.repo.branchTip("lucca-report/42")).toBe(fix);
    // The commit objects were made; no ref moved and the pull request was not touched.
    expect(
      gh.exchanges
        .filter((e) => e.method !== "GET")
        .slice(writes)
        .map((e) => `${e.method} ${e.path.replace(/^.*\/payroll/, "")}`),
    ).toEqual(["POST /git/blobs", "POST /git/trees", "POST /git/commits"]);
  });
});
