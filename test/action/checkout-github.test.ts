import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { checkExchange } from "../support/github-api/openapi-check.ts";
import { type GitHubStandIn, startGitHubStandIn } from "../support/github-api/server.ts";

// The action from its sources against the Lucca simulator and the GitHub stand-in, whose
// storage is a real bare repository: a clone of it plays the workspace's checkout.
const KEY = "checkout-gh-key-41c7";
const TOKEN = "ghs_checkout_token_9b3e";
const open: { close(): Promise<void> }[] = [];
let standIn: GitHubStandIn | undefined;

afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => server.close()));
  if (standIn) expect(standIn.exchanges.flatMap(checkExchange)).toEqual([]);
  standIn = undefined;
});

async function servers() {
  const sim: Simulator = await startSimulator({
    apiKey: KEY,
    generationMs: 20,
    rows: 3,
    templates: ["42", "43"],
  });
  standIn = await startGitHubStandIn({
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

describe("the checkout with the GitHub API modes", () => {
  it("sign-commits: fetches the commit GitHub made and moves a clean checkout to it", async () => {
    const { sim, gh } = await servers();
    const workspace = join(await tempDir("signed-ws-"), "payroll");
    git(process.cwd(), "clone", "--quiet", gh.repo.dir, workspace);
    const step = await runAction(inputs(sim, { publish: "commit", "sign-commits": "true" }), {
      env: env(gh),
      workspace,
      fromSource: true,
    });
    expect(step.code, step.stdout).toBe(0);
    const head = await gh.repo.branchTip("main");
    expect(git(workspace, "rev-parse", "HEAD")).toBe(head);
    expect(git(workspace, "status", "--porcelain")).toBe("");
    expect(step.stdout).toContain(
      `The checkout moved to ${head?.slice(0, 12)} on main, the commit just pushed\n`,
    );
    git(workspace, "pull", "--quiet", "--ff-only");
  });

  it("sign-commits: says so when the workspace is no checkout, and succeeds", async () => {
    const { sim, gh } = await servers();
    const step = await runAction(inputs(sim, { publish: "commit", "sign-commits": "true" }), {
      env: env(gh),
      workspace: await tempDir("signed-ws-"),
      fromSource: true,
    });
    expect(step.code, step.stdout).toBe(0);
    expect(step.stdout).toContain(
      "The checkout was not moved to the pushed commit: it is not a git checkout\n",
    );
  });

  it("pull-request: a report's path in the repository is its path from repository", async () => {
    const { sim, gh } = await servers();
    const workspace = await tempDir("pr-ws-");
    await mkdir(join(workspace, "sub/repo"), { recursive: true });
    const step = (templateId: string) =>
      runAction(
        inputs(sim, {
          publish: "pull-request",
          "template-id": templateId,
          repository: "sub/repo",
          "output-path": "sub/repo/timesheets/{templateId}.csv",
          "pr-branch": "lucca-report/all",
        }),
        { env: env(gh), workspace, fromSource: true },
      );
    const first = await step("42");
    expect(first.code, first.stdout).toBe(0);
    expect(gh.pulls[0]?.body).toContain("| `timesheets/42.csv` | 3 | new file |");
    // The branch's commit changes timesheets/42.csv: one of this step's report paths (any
    // template), counted from the repository, so the branch is still the action's own.
    const second = await step("43");
    expect(second.code, second.stdout).toBe(0);
    const clone = `${await tempDir("pr-clone-")}/c`;
    git(process.cwd(), "clone", "--quiet", "--branch", "lucca-report/all", gh.repo.dir, clone);
    expect(git(clone, "ls-tree", "-r", "--name-only", "HEAD")).toBe("README.md\ntimesheets/43.csv");
  });
});
