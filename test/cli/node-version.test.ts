import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { delimiter, dirname, join, resolve } from "node:path";
import process from "node:process";
import { describe, expect, it } from "vitest";
import { MIN_NODE, nodeVersionProblem } from "../../src/node/node-version.ts";
import { spawnCli, tempDir } from "../support/cli.ts";

const root = resolve(import.meta.dirname, "../..");

/**
 * A Node older than MIN_NODE on this machine (the one on PATH once this suite's own Node is
 * taken out of it, or /usr/bin/node), with its version; undefined when there is none.
 */
function olderNode(): { path: string; version: string } | undefined {
  const ours = dirname(process.execPath);
  const path = (process.env.PATH ?? "")
    .split(delimiter)
    .filter((dir) => dir !== ours)
    .join(delimiter);
  const candidates = ["/usr/bin/node", "/usr/local/bin/node"];
  try {
    const found = execFileSync("sh", ["-c", "command -v node"], {
      encoding: "utf8",
      env: { PATH: path },
    }).trim();
    if (found) candidates.unshift(found);
  } catch {
    // No other node on PATH.
  }
  for (const candidate of candidates) {
    try {
      const version = execFileSync(candidate, ["-p", "process.versions.node"], {
        encoding: "utf8",
      }).trim();
      if (nodeVersionProblem(version) !== undefined) return { path: candidate, version };
    } catch {
      // Not there, or not runnable.
    }
  }
  return undefined;
}

async function run(node: string, args: string[]) {
  const cli = spawnCli([node, ...args], { env: {}, cwd: await tempDir() });
  const code = await cli.exit;
  return { code, stdout: cli.stdout(), stderr: cli.stderr() };
}

const old = olderNode();

describe("an older Node", () => {
  it.skipIf(old === undefined)(
    "gets one line from dist/cli.js saying which Node is needed, exit 1 and no stack trace",
    async () => {
      const { path, version } = old as { path: string; version: string };
      const result = await run(path, [join(root, "dist/cli.js"), "--version"]);
      expect(result.stderr).toBe(`${nodeVersionProblem(version)}\n`);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
    },
  );

  it.skipIf(old === undefined)("gets the same line from npm run demo's first step", async () => {
    const { path, version } = old as { path: string; version: string };
    const result = await run(path, [join(root, "scripts/check-node.mjs")]);
    expect(result.stderr).toBe(`${nodeVersionProblem(version)}\n`);
    expect(result.code).toBe(1);
  });
});

describe("the version check before npm run demo", () => {
  it("lets this Node through, silently", async () => {
    const result = await run(process.execPath, [join(root, "scripts/check-node.mjs")]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("runs first, with the CLI's minimum, which package.json declares", async () => {
    const script = await readFile(join(root, "scripts/check-node.mjs"), "utf8");
    expect(script).toContain(`const MIN_NODE = [${MIN_NODE.join(", ")}];`);
    const pkg = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      engines: { node: string };
    };
    expect(pkg.scripts.demo).toBe("node scripts/check-node.mjs && node scripts/demo.ts");
    expect(pkg.engines.node).toBe(`>=${MIN_NODE[0]}.${MIN_NODE[1]}`);
  });
});
