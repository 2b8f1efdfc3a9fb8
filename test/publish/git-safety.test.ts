import { chmod, readFile, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { Socket } from "node:net";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../simulator/server.ts";
import { AbortedError } from "../../src/core/errors.ts";
import { commitReports } from "../../src/publish/commit.ts";
import { GitStoppedError, gitEnvironment } from "../../src/publish/git-process.ts";
import { runAction } from "../support/action.ts";
import { tempDir } from "../support/cli.ts";
import { git, makeRepos, writeIn } from "../support/git-repos.ts";

const bot = { name: "Bot", email: "bot@example.com" };
const KEY = "git-safety-key-7e4a2b9c1d";
let server: Server | undefined;
let sim: Simulator | undefined;

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  server = undefined;
  await sim?.close();
  sim = undefined;
});

/** An HTTP "remote" that accepts connections and never answers; resolves when one closes. */
async function silentRemote(): Promise<{ url: string; closed: Promise<void> }> {
  let closedOnce: () => void = () => {};
  const closed = new Promise<void>((done) => {
    closedOnce = done;
  });
  server = createServer(() => {});
  server.on("connection", (socket: Socket) => socket.on("close", () => closedOnce()));
  await new Promise<void>((done) => server?.listen(0, "127.0.0.1", done));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}/acme/payroll.git`, closed };
}

function isAlive(pid: number): Promise<boolean> {
  return readFile(`/proc/${pid}/stat`, "utf8").then(
    (stat) => !/^\d+ \(.*\) Z/.test(stat),
    () => false,
  );
}

async function commitIn(work: string, extra: Partial<Parameters<typeof commitReports>[0]>) {
  const filePath = await writeIn(work, "reports/r.csv", "a;b\n1;2\n");
  return commitReports({
    workspace: work,
    filePaths: [filePath],
    branch: "main",
    message: "Add report",
    author: bot,
    committer: bot,
    pushAttempts: 1,
    ...extra,
  });
}

describe("git under a time limit and the job's signal (finding 10)", () => {
  it("stops a fetch from a remote that never answers, and says so", async () => {
    const remote = await silentRemote();
    const repos = await makeRepos();
    const work = await repos.clone();
    git(work, "remote", "set-url", "origin", remote.url);
    const error = await commitIn(work, { timeoutMs: 1000 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitStoppedError);
    expect((error as GitStoppedError).exitCode).toBe(5);
    expect((error as Error).message).toMatch(
      /^git fetch was stopped after .+ \(timeout\): the run's time limit of 1(\.0)?s was reached/,
    );
    expect((error as Error).message).not.toMatch(/Cannot run git/);
    // The child holding the connection is gone: the socket was closed from its side.
    await remote.closed;
  });

  it("does not start when the report left no time", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const error = await commitIn(work, { timeoutMs: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitStoppedError);
    expect((error as Error).message).toMatch(/^The commit was not started \(timeout\)/);
    expect(git(repos.origin, "log", "--oneline", "main")).not.toMatch(/Add report/);
  });

  it("kills a push hung in a hook when the job is cancelled, hook included", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    const pidFile = join(await tempDir(), "hook.pid");
    const hook = join(repos.origin, "hooks/pre-receive");
    await writeFile(hook, `#!/bin/sh\necho $$ > '${pidFile}'\nexec sleep 600\n`);
    await chmod(hook, 0o755);
    const cancel = new AbortController();
    const pending = commitIn(work, { signal: cancel.signal }).catch((caught: unknown) => caught);
    let pid: number | undefined;
    while (pid === undefined) {
      pid = await readFile(pidFile, "utf8").then(Number, () => undefined);
      if (pid === undefined) await sleep(20);
    }
    const reason = new AbortedError("Interrupted by SIGHUP", { signal: "SIGHUP" });
    cancel.abort(reason);
    expect(await pending).toBe(reason);
    while (await isAlive(pid)) await sleep(20);
    expect(git(repos.origin, "log", "--oneline", "main")).not.toMatch(/Add report/);
  });

  it("reports a git killed by someone else's signal as such, not as 'Cannot run git'", async () => {
    const repos = await makeRepos();
    const work = await repos.clone();
    // The ssh command kills the git that started it.
    git(work, "config", "core.sshCommand", "kill -9 $PPID #");
    git(work, "remote", "set-url", "origin", "ssh://git@example.invalid/acme/payroll.git");
    const error = await commitIn(work, {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitStoppedError);
    expect((error as Error).message).toMatch(/^git fetch was killed by SIGKILL after /);
  });
});

describe("what git children see (finding 14)", () => {
  it("keeps what git needs and drops inputs, tokens and anything holding the key", () => {
    const env = gitEnvironment(
      {
        PATH: "/usr/bin",
        HOME: "/home/runner",
        HTTPS_PROXY: "http://proxy:3128",
        LC_ALL: "C",
        GIT_SSH_COMMAND: "ssh -i key",
        "INPUT_API-KEY": KEY,
        INPUT_DOMAIN: "acme.ilucca.net",
        LUCCA_API_KEY: KEY,
        GITHUB_TOKEN: "ghs_x",
        ACTIONS_RUNTIME_TOKEN: "t",
        GIT_EXTRA: `with ${KEY} inside`,
      },
      [KEY],
    );
    expect(env).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/runner",
      HTTPS_PROXY: "http://proxy:3128",
      LC_ALL: "C",
      GIT_SSH_COMMAND: "ssh -i key",
    });
  });

  it("runs the action's hooks without INPUT_* or the API key, and stops a hung push by timeout", async () => {
    sim = await startSimulator({ apiKey: KEY, generationMs: 0, rows: 3 });
    const repos = await makeRepos();
    const workspace = await repos.clone();
    const dump = join(await tempDir(), "hook-env");
    const hook = join(workspace, ".git/hooks/pre-push");
    // Dumps what the hook can see, then hangs as a remote that never answers would.
    await writeFile(hook, `#!/bin/sh\nenv > '${dump}'\nexec sleep 600\n`);
    await chmod(hook, 0o755);
    const run = await runAction(
      {
        domain: sim.url,
        "api-key": KEY,
        "template-id": "42",
        publish: "commit",
        "commit-branch": "main",
        "poll-interval": "10ms",
        timeout: "4s",
      },
      { workspace, fromSource: true, env: { LUCCA_API_KEY: KEY } },
    );
    const seen = await readFile(dump, "utf8");
    expect(seen).toMatch(/^PATH=/m);
    expect(seen).not.toContain(KEY);
    expect(seen).not.toContain(KEY.slice(0, 12));
    expect(seen).not.toMatch(/^INPUT_/m);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/git push was stopped after .+ \(timeout\)/);
    // The one place the key may appear: the mask command that tells the runner to hide it.
    const printed = (run.stdout + run.stderr).replace(/^::add-mask::.*$/m, "");
    expect(printed).not.toContain(KEY.slice(0, 12));
  }, 30_000);
});
