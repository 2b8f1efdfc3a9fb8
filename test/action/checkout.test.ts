import { mkdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos } from "../support/git-repos.ts";

// The action from its sources (no rebuild of dist/ needed), against the simulator and real git.
const KEY = "checkout-key-7d2e91";
let sim: Simulator | undefined;

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function simulator(): Promise<Simulator> {
  sim = await startSimulator({ apiKey: KEY, generationMs: 20, rows: 4 });
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

const run = (inputs: Record<string, string>, workspace: string) =>
  runAction(inputs, { workspace, fromSource: true });

describe("the checkout after publish: commit", () => {
  it("is moved to the pushed commit: git status is clean and a later git pull works", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const work = await repos.clone();
    const step = await run(inputsFor(s), work);
    expect(step.code, step.stdout).toBe(0);
    const head = git(repos.origin, "rev-parse", "main");
    expect(git(work, "rev-parse", "HEAD")).toBe(head);
    expect(git(work, "status", "--porcelain")).toBe("");
    expect(step.stdout).toContain(
      `The checkout moved to ${head.slice(0, 12)} on main, the commit just pushed\n`,
    );
    // A later step pulls what someone else pushed meanwhile.
    const other = await repos.clone();
    await writeFile(join(other, "README.md"), "edited\n");
    git(other, "commit", "--quiet", "-am", "Edit README");
    git(other, "push", "--quiet", "origin", "HEAD:main");
    git(work, "pull", "--quiet", "--ff-only");
    expect(git(work, "rev-parse", "HEAD")).toBe(git(repos.origin, "rev-parse", "main"));
  });

  it("leaves a checkout with local changes alone and says so in one line", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const work = await repos.clone();
    const before = git(work, "rev-parse", "HEAD");
    await writeFile(join(work, "README.md"), "edited by an earlier step\n");
    const step = await run(inputsFor(s), work);
    expect(step.code, step.stdout).toBe(0);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("2");
    expect(git(work, "rev-parse", "HEAD")).toBe(before);
    expect(git(work, "status", "--porcelain")).toBe("M README.md\n?? timesheets/");
    expect(step.stdout).toContain(
      `The checkout was left at ${before.slice(0, 12)} on main, not moved to the pushed commit: it has uncommitted changes (README.md); the report is an uncommitted file there\n`,
    );
  });

  it("leaves a checkout on another branch than commit-branch alone", async () => {
    const s = await simulator();
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "checkout", "--quiet", "-b", "feature");
    const step = await run(inputsFor(s, { "commit-branch": "main" }), work);
    expect(step.code, step.stdout).toBe(0);
    expect(git(work, "rev-parse", "feature")).toBe(git(repos.origin, "rev-parse", "main^"));
    expect(step.stdout).toMatch(
      /The checkout was left at [0-9a-f]{12} on feature, not moved to the pushed commit: it is on feature, not main;/,
    );
  });
});

describe("repository: a checkout in a subdirectory of the workspace", () => {
  async function workspaceWithClone() {
    const repos = await makeRepos();
    const workspace = await tempDir("lucca-ws-");
    await mkdir(join(workspace, "sub"));
    git(workspace, "clone", "--quiet", repos.origin, "sub/repo");
    return { repos, workspace, clone: join(workspace, "sub/repo") };
  }

  it("commits and pushes into that clone, output-path relative to the workspace", async () => {
    const s = await simulator();
    const { repos, workspace, clone } = await workspaceWithClone();
    const step = await run(
      inputsFor(s, { repository: "sub/repo", "output-path": "sub/repo/reports/x.csv" }),
      workspace,
    );
    expect(step.code, step.stdout).toBe(0);
    expect(git(repos.origin, "ls-tree", "-r", "--name-only", "main")).toBe(
      "README.md\nreports/x.csv",
    );
    expect(step.outputs.path).toBe(join(clone, "reports/x.csv"));
    expect(git(clone, "status", "--porcelain")).toBe("");
    expect(step.stdout).toMatch(/The checkout in sub\/repo moved to [0-9a-f]{12} on main/);
  });

  it("puts the default file name into the repository", async () => {
    const s = await simulator();
    const { repos, workspace } = await workspaceWithClone();
    const { "output-path": _, ...inputs } = inputsFor(s, { repository: "sub/repo/" });
    const step = await run(inputs, workspace);
    expect(step.code, step.stdout).toBe(0);
    expect(git(repos.origin, "ls-tree", "-r", "--name-only", "main")).toBe(
      "README.md\nreports/42_2026-10-01_2026-10-31.csv",
    );
  });

  it("refuses a report outside the repository before any request, naming both", async () => {
    const s = await simulator();
    const { repos, workspace } = await workspaceWithClone();
    const step = await run(
      inputsFor(s, { repository: "sub/repo", "output-path": "reports/x.csv" }),
      workspace,
    );
    expect(step.code).toBe(1);
    expect(step.stdout).toContain(
      'output-path: "reports/x.csv" is outside repository "sub/repo"; with publish: commit or pull-request the file must be inside the repository',
    );
    expect(s.requests).toHaveLength(0);
    expect(git(repos.origin, "rev-list", "--count", "main")).toBe("1");
  });

  it("refuses a repository outside the workspace, missing, or not a clone's top, before any request", async () => {
    const s = await simulator();
    const { workspace } = await workspaceWithClone();
    await mkdir(join(workspace, "sub/repo/inner"));
    await symlink(await tempDir("lucca-elsewhere-"), join(workspace, "away"));
    const cases: [string, RegExp][] = [
      ["../other", /repository: "\.\.\/other" is outside the workspace/],
      ["missing", /repository: "missing" does not exist in the workspace/],
      [
        "away",
        /repository: "away" resolves to .*, outside the workspace \(through a symbolic link\)/,
      ],
      ["sub", /repository: "sub" is not a git checkout \(fatal: not a git repository/],
      [
        "sub/repo/inner",
        /repository: "sub\/repo\/inner" is inside the git checkout .*sub\/repo but is not its top directory/,
      ],
    ];
    for (const [repository, message] of cases) {
      const step = await run(
        inputsFor(s, { repository, "output-path": `${repository}/x.csv` }),
        workspace,
      );
      expect(step.code, repository).toBe(1);
      expect(step.stdout).toMatch(message);
    }
    expect(s.requests).toHaveLength(0);
  });
});
