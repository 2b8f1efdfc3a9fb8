import { getEventListeners } from "node:events";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AbortedError, LuccaReportError } from "../core/errors.ts";
import {
  type GitProcessOptions,
  GitStoppedError,
  gitEnvironment,
  runGitProcess,
} from "./git-process.ts";

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

  it("gives git an empty stdin when there is no input", async () => {
    const outcome = await runGitProcess(["hash-object", "--stdin"], options());
    expect(outcome.stdout.toString()).toBe("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391\n");
  });

  it("survives git not reading a large input", async () => {
    const outcome = await runGitProcess(["version"], {
      ...options(),
      input: "x".repeat(8 * 1024 * 1024),
    });
    expect(outcome.code).toBe(0);
  });

  it("keeps stdout of exactly the allowed size", async () => {
    const full = await runGitProcess(["version"], options());
    const exact = await runGitProcess(["version"], options({ maxStdoutBytes: full.stdout.length }));
    expect(exact.stdout).toEqual(full.stdout);
  });

  it("keeps about a megabyte of stderr, not all of it", async () => {
    const outcome = await runGitProcess(
      ["noisy"],
      options({}, { noisy: "!head -c 3000000 /dev/zero >&2" }),
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stderr.length).toBeGreaterThanOrEqual(1024 * 1024);
    expect(outcome.stderr.length).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
  });

  it("tells a git killed by someone else's signal from a timeout (exit 1)", async () => {
    const error = await runGitProcess(["die"], options({}, { die: "!kill -9 $PPID" })).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(GitStoppedError);
    expect((error as GitStoppedError).message).toMatch(/^git die was killed by SIGKILL after \d/);
    const killed = error as GitStoppedError;
    expect([killed.exitCode, killed.command, killed.cause]).toEqual([1, "git die", undefined]);
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

  it("stops a flood of output once, leaving no kill pending", async () => {
    // Git runs for real; only the grace timer is faked, to count it. The flood outlives
    // SIGTERM, so that chunks keep coming after the stop.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const error = await runGitProcess(
      ["flood"],
      options({ maxStdoutBytes: 10 }, { flood: "!trap '' TERM; head -c 5000000 /dev/zero" }),
    ).catch((caught: unknown) => caught);
    expect((error as Error).message).toBe("git flood printed more than 10 bytes and was stopped");
    expect(vi.getTimerCount()).toBe(0);
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
    // Git runs for real; the clock that times it and the grace timer are faked.
    vi.useFakeTimers({ toFake: ["performance", "setTimeout", "clearTimeout"] });
    vi.advanceTimersByTime(5000);
    const run = runGitProcess(
      ["hang"],
      options({ signal: limit.signal }, { hang: `!echo $$ > '${pidFile}'; exec sleep 60` }),
    ).catch((caught: unknown) => caught);
    await pidIn(pidFile);
    vi.advanceTimersByTime(1234);
    const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
    limit.abort(reason);
    const error = await run;
    expect(error).toBeInstanceOf(GitStoppedError);
    const stopped = error as GitStoppedError;
    expect(stopped.message).toMatch(
      /^git hang was stopped after 1\.2s \(timeout\): the run's time limit of 1\.5s was reached\. Raise timeout, or check that the remote answers\.$/,
    );
    // SIGTERM was enough: no SIGKILL is left pending.
    expect(vi.getTimerCount()).toBe(0);
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

describe("gitEnvironment", () => {
  it("keeps exactly the names it lists, and values without a secret", () => {
    const env = gitEnvironment(
      {
        PATH: "/usr/bin",
        HOME: undefined,
        PATHEXT: ".EXE",
        XPATH: "x",
        PATH_EXTRA: "x",
        LC_ALL: "C",
        LC_: "x",
        GIT_TOKEN: "t",
        GIT_PASSWORD: "p",
        GIT_TOKEN_FILE: "/run/token",
        GIT_OLD_GIT_PASSWORD: "o",
        HTTP_PROXY: "http://proxy:3128",
        http_proxy: "http://proxy:3128",
        https_proxy: "http://proxy:3128",
        TMPDIR: "/tmp/a-secret-b",
        TZ: "/other-secret",
      },
      ["", "a-secret", "other-secret"],
    );
    expect(env).toStrictEqual({
      PATH: "/usr/bin",
      PATHEXT: ".EXE",
      LC_ALL: "C",
      GIT_TOKEN_FILE: "/run/token",
      GIT_OLD_GIT_PASSWORD: "o",
      HTTP_PROXY: "http://proxy:3128",
      http_proxy: "http://proxy:3128",
      https_proxy: "http://proxy:3128",
    });
  });
});
