import { spawnSync } from "node:child_process";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.ts";
import { git } from "../support/git-repos.ts";
import { needsOf, readWorkflow, root, type Step, writeScopes } from "../support/workflows.ts";

// release.yml: the tag being released is data. What decides whether it is released and
// whether v1 moves is main's copy of the scripts, never the tag's own.
const { workflow } = readWorkflow("release.yml");
const jobs = Object.entries(workflow.jobs);
const checkoutsOf = (steps: Step[] = []) =>
  steps.filter((step) => step.uses?.startsWith("actions/checkout@"));
const tokenPattern = /github\.token|secrets\.GITHUB_TOKEN/;

function upstream(id: string, seen = new Set<string>()): Set<string> {
  for (const need of needsOf(workflow.jobs[id] ?? {})) {
    if (!seen.has(need)) upstream(need, seen.add(need));
  }
  return seen;
}

describe("release.yml", () => {
  it("runs scripts/release-check.ts only from a checkout of main, holding every tag as a ref", () => {
    let gates = 0;
    for (const [id, job] of jobs) {
      const steps = job.steps ?? [];
      if (!steps.some((step) => step.run?.includes("scripts/release-check.ts"))) continue;
      gates++;
      const checkouts = checkoutsOf(steps);
      expect(
        checkouts.map((step) => step.with),
        id,
      ).toEqual([{ ref: "main", "fetch-depth": 0, "persist-credentials": false }]);
      for (const step of steps) expect(step["working-directory"], id).toBeUndefined();
    }
    expect(gates).toBe(2); // the check job, and the release job again just before publishing
  });

  it("checks out the tag by no name: after the check, only the commit it approved", () => {
    const refs = jobs.flatMap(([, job]) => checkoutsOf(job.steps).map((step) => step.with?.ref));
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
    const approved = "${{ needs.check.outputs.commit }}";
    expect(new Set(refs)).toEqual(new Set(["main", approved]));
    expect(workflow.jobs.check?.outputs).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
      commit: "${{ steps.check.outputs.commit }}",
    });
  });

  it("runs nothing before the check: every other job waits for it", () => {
    expect(workflow.jobs.check?.permissions).toEqual({ contents: "read" });
    for (const [id] of jobs) if (id !== "check") expect(upstream(id).has("check"), id).toBe(true);
  });

  it("the job that can write to the repository checks out main only", () => {
    const writers = jobs.filter(([, job]) => writeScopes(job).includes("contents"));
    expect(writers.map(([id]) => id)).toEqual(["release"]);
    for (const [, job] of writers) {
      expect(checkoutsOf(job.steps).map((step) => step.with?.ref)).toEqual(["main"]);
    }
  });

  it("hands the token only to the steps that create the release and move the major tag", () => {
    for (const [id, job] of jobs) {
      for (const step of job.steps ?? []) {
        if (!tokenPattern.test(JSON.stringify(step))) continue;
        expect(step.uses, `${id}: ${step.name}`).toBeUndefined();
        expect(step.run, `${id}: ${step.name}`).toMatch(/\bgh release create\b|\bgit push\b/);
      }
    }
  });

  it("refuses to publish when the tag moved after the check approved it", () => {
    const check = workflow.jobs.release?.steps?.find((step) => step.id === "check");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
    expect(check?.env).toEqual({ CHECKED: "${{ needs.check.outputs.commit }}" });
    expect(check?.run).toContain('"$(git rev-parse "refs/tags/$TAG^{commit}")" != "$CHECKED"');
  });

  it("attests the build provenance of dist/index.js and dist/cli.js before the release", () => {
    const attesting = jobs.filter(([, job]) =>
      job.steps?.some((step) => step.uses?.startsWith("actions/attest-build-provenance@")),
    );
    expect(attesting.map(([id]) => id)).toEqual(["attest"]);
    const [, job] = attesting[0] ?? [];
    const step = job?.steps?.find((s) => s.uses?.startsWith("actions/attest-build-provenance@"));
    expect(String(step?.with?.["subject-path"]).trim().split("\n")).toEqual([
      "dist/index.js",
      "dist/cli.js",
    ]);
    expect(job?.permissions).toEqual({
      contents: "read",
      "id-token": "write",
      attestations: "write",
    });
    expect(upstream("attest").has("ci")).toBe(true);
    expect(upstream("release").has("attest")).toBe(true);
  });

  it("grants attestations: write to the attest job only, id-token: write to it and the publishers", () => {
    const holding = (scope: string) =>
      jobs.filter(([, job]) => writeScopes(job).includes(scope)).map(([id]) => id);
    expect(holding("attestations")).toEqual(["attest"]);
    expect(holding("id-token")).toEqual(["attest", "npm", "jsr"]);
  });
});

// The gate as the workflow runs it: main's scripts in a clone of main, the tag only a ref.
describe("main's release check against a tag it does not trust", () => {
  const STUB = `import { appendFileSync } from "node:fs";
appendFileSync(process.env.GITHUB_OUTPUT, "move-major=true\\nmajor-tag=v1\\n");
console.log("all good");
`;

  async function writeIn(dir: string, path: string, text: string) {
    await mkdir(join(dir, path, ".."), { recursive: true });
    await writeFile(join(dir, path), text);
  }

  async function setVersion(dir: string, version: string) {
    await writeIn(
      dir,
      "package.json",
      `${JSON.stringify({ name: "x", version, type: "module" })}\n`,
    );
    const lock = { name: "x", version, packages: { "": { version } } };
    await writeIn(dir, "package-lock.json", `${JSON.stringify(lock)}\n`);
    await writeIn(dir, "deno.json", `${JSON.stringify({ version })}\n`);
    await writeIn(dir, "src/version.ts", `export const VERSION = "${version}";\n`);
    const notes = `## [${version}] - 2026-12-01\n\n### Fixed\n\n- Work for ${version}.\n\n`;
    const old = await readFile(join(dir, "CHANGELOG.md"), "utf8").catch(
      () => "## [Unreleased]\n\n",
    );
    await writeIn(
      dir,
      "CHANGELOG.md",
      old.replace("## [Unreleased]\n\n", `## [Unreleased]\n\n${notes}`),
    );
  }

  /** origin with main at v1.0.0 and a v1.0.1 tag on a commit main never had. */
  async function scratch() {
    const dir = await tempDir("lucca-release-gate-");
    const origin = join(dir, "origin.git");
    const work = join(dir, "work");
    git(dir, "init", "--quiet", "--bare", "--initial-branch=main", origin);
    git(dir, "init", "--quiet", "--initial-branch=main", work);
    git(work, "remote", "add", "origin", origin);
    git(work, "config", "tag.gpgSign", "false");
    for (const file of [
      "release-check.ts",
      "release-files.ts",
      "release-git.ts",
      "release-lib.ts",
    ]) {
      await writeIn(work, `scripts/${file}`, "");
      await copyFile(join(root, "scripts", file), join(work, "scripts", file));
    }
    await setVersion(work, "1.0.0");
    git(work, "add", ".");
    git(work, "commit", "--quiet", "-m", "Release v1.0.0");
    git(work, "tag", "v1.0.0");
    git(work, "switch", "--quiet", "-c", "unreviewed");
    await setVersion(work, "1.0.1");
    await writeIn(work, "scripts/release-check.ts", STUB);
    git(work, "commit", "--quiet", "-am", "Release v1.0.1");
    git(work, "tag", "v1.0.1");
    git(work, "push", "--quiet", "origin", "main", "v1.0.0", "v1.0.1");
    // As actions/checkout does with ref: main and fetch-depth: 0.
    const checkout = join(dir, "checkout");
    git(dir, "clone", "--quiet", "--branch", "main", origin, checkout);
    return { dir, checkout };
  }

  async function gate(checkout: string, tag: string, script = "scripts/release-check.ts") {
    const output = join(await tempDir("lucca-gate-out-"), "output");
    await writeFile(output, "");
    const run = spawnSync(
      process.execPath,
      [script, tag, "--main", "origin/main", "--notes-file", `${output}.notes`],
      { cwd: checkout, encoding: "utf8", env: { ...process.env, GITHUB_OUTPUT: output } },
    );
    return { code: run.status, stderr: run.stderr, output: await readFile(output, "utf8") };
  }

  it("refuses a tag that is not on main, whatever the tag's own script says", async () => {
    const { checkout } = await scratch();
    const refused = await gate(checkout, "v1.0.1");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /Cannot release v1\.0\.1: commit [0-9a-f]{40} is not on origin\/main/,
    );
    expect(refused.output).toBe("");

    // What the tag's own copy, run as the workflow used to, would have answered.
    git(checkout, "switch", "--quiet", "--detach", "v1.0.1");
    const lied = await gate(checkout, "v1.0.1");
    expect(lied.code).toBe(0);
    expect(lied.output).toContain("move-major=true");
  });

  it("approves a tag on main and says whether v1 moves", async () => {
    const { checkout } = await scratch();
    const approved = await gate(checkout, "v1.0.0");
    expect(approved.stderr).toBe("");
    expect(approved.code).toBe(0);
    const commit = git(checkout, "rev-parse", "v1.0.0^{commit}");
    expect(approved.output).toContain(`commit=${commit}\n`);
    expect(approved.output).toContain("major-tag=v1\nmove-major=true\n");
  });
});
