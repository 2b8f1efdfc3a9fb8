import { getEventListeners } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortedError, LuccaReportError } from "../core/errors.ts";
import { type GitProcessOptions, GitStoppedError, runGitProcess } from "./git-process.ts";

const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "git-process-"));
  dirs.push(dir);
  return dir;
}

/** Runs real git in a scratch directory; `aliases` become `git <name>` commands. */
function options(
  extra: Partial<GitProcessOptions> = {},
  aliases: Record<string, string> = {},
): GitProcessOptions {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: tmpdir() };
  Object.entries(aliases).forEach(([name, command], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = `alias.${name}`;
    env[`GIT_CONFIG_VALUE_${index}`] = command;
  });
  env.GIT_CONFIG_COUNT = String(Object.keys(aliases).length);
  return {
    cwd: tmpdir(),
    env,
    signal: new AbortController().signal,
    maxStdoutBytes: 1024 * 1024,
    limitMs: 1500,
    ...extra,
  };
}

async function pidIn(file: string): Promise<number> {
  for (;;) {
    const pid = await readFile(file, "utf8").then(Number.parseInt, () => Number.NaN);
    if (pid > 0) return pid;
    await sleep(10);
  }
}

describe("runGitProcess", () => {
  it("returns what git printed and its exit code", async () => {
    const outcome = await runGitProcess(["hash-object", "--stdin"], {
      ...options(),
      input: "payroll\n",
    });
    expect(outcome.code).toBe(0);
    expect(outcome.signal).toBeNull();
    expect(outcome.stdout.toString()).toBe("40d88ad422dbb7fb93667f94f1e453bacad486cc\n");
  });

  it("does not start git when the signal has already fired", () => {
    const reason = new AbortedError("Interrupted by SIGINT", { signal: "SIGINT" });
    expect(() =>
      runGitProcess(["version"], options({ signal: AbortSignal.abort(reason) })),
    ).toThrow(reason);
  });

  it("says git cannot run when it is not on PATH, and lets go of the signal", async () => {
    const controller = new AbortController();
    const run = runGitProcess(
      ["version"],
      options({ signal: controller.signal, env: { PATH: join(tmpdir(), "no-git-here") } }),
    );
    const error = await run.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LuccaReportError);
    expect((error as Error).message).toBe("Cannot run git: spawn git ENOENT");
    expect((error as Error).cause).toMatchObject({ code: "ENOENT", syscall: "spawn git" });
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("stops git once it printed more than allowed", async () => {
    const error = await runGitProcess(["version"], options({ maxStdoutBytes: 4 })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(LuccaReportError);
    expect((error as Error).message).toBe("git version printed more than 4 bytes and was stopped");
  });

  it("names a call without arguments 'git'", async () => {
    // Bare `git` prints its usage on stdout.
    const error = await runGitProcess([], options({ maxStdoutBytes: 1 })).catch(
      (caught: unknown) => caught,
    );
    expect((error as Error).message).toBe("git  printed more than 1 bytes and was stopped");
  });

  it("stops a hung git at the time limit, with the limit's reason as the cause", async () => {
    const pidFile = join(await scratch(), "git.pid");
    const limit = new AbortController();
    const run = runGitProcess(
      ["hang"],
      options({ signal: limit.signal }, { hang: `!echo $$ > '${pidFile}'; exec sleep 60` }),
    ).catch((caught: unknown) => caught);
    await pidIn(pidFile);
    const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    limit.abort(reason);
    const error = await run;
    expect(error).toBeInstanceOf(GitStoppedError);
    const stopped = error as GitStoppedError;
    expect(stopped.message).toMatch(
      /^git hang was stopped after \d+(\.\d+)?(ms|s) \(timeout\): the run's time limit of 1\.5s was reached\. Raise timeout, or check that the remote answers\.$/,
    );
    expect(stopped.cause).toBe(reason);
    expect(stopped.exitCode).toBe(5);
    expect(stopped.command).toBe("git hang");
    expect(getEventListeners(limit.signal, "abort")).toHaveLength(0);
  });

  it("kills a git that outlives SIGTERM once the grace is over", async () => {
    const pidFile = join(await scratch(), "git.pid");
    const cancel = new AbortController();
    // Only the grace timer is faked: git itself runs for real.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const run = runGitProcess(
      ["stubborn"],
      options(
        { signal: cancel.signal },
        { stubborn: `!trap '' TERM; echo $$ > '${pidFile}'; exec sleep 60` },
      ),
    ).catch((caught: unknown) => caught);
    await pidIn(pidFile);
    const reason = new AbortedError("Interrupted by SIGTERM", { signal: "SIGTERM" });
    cancel.abort(reason);
    vi.advanceTimersByTime(2000);
    expect(await run).toBe(reason);
  });
});
