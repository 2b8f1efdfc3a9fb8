import { spawn } from "node:child_process";
import { formatDuration } from "../core/duration.ts";
import { AbortedError, LuccaReportError } from "../core/errors.ts";

/** What git printed and how it ended. */
export interface GitOutcome {
  /** Exit code; null when a signal ended it. */
  code: number | null;
  /** The signal that ended it, ours or someone else's. */
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: Buffer;
}

export interface GitProcessOptions {
  cwd: string;
  env: Record<string, string>;
  input?: string;
  /** Cancels the call: the child's process group is stopped, then killed after a grace. */
  signal: AbortSignal;
  /** Longest stdout kept; past it the child is stopped. */
  maxStdoutBytes: number;
  /** What the time limit was, to say why a call was stopped. */
  limitMs: number;
}

/** SIGTERM first, so git removes its lock files; SIGKILL if it is still there after this. */
const KILL_GRACE_MS = 2000;

/** A git call stopped by the commit phase's time limit, or killed by a signal from elsewhere. */
export class GitStoppedError extends LuccaReportError {
  override readonly exitCode: number;
  readonly command: string;
  constructor(message: string, details: { command: string; timedOut: boolean; cause?: unknown }) {
    super(message, { cause: details.cause });
    this.command = details.command;
    // Like the run's own timeout (5); a child killed by someone else is a failure (1).
    this.exitCode = details.timedOut ? 5 : 1;
  }
}

/**
 * Runs git without a shell in its own process group, so a push stuck in ssh or a credential
 * helper dies with it. Resolves with the outcome; rejects when the signal stopped it (with
 * the signal's AbortedError for a cancellation, a GitStoppedError for the time limit).
 */
export function runGitProcess(args: string[], options: GitProcessOptions): Promise<GitOutcome> {
  const command = `git ${args[0] ?? ""}`;
  options.signal.throwIfAborted();
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn("git", args, {
      cwd: options.cwd,
      env: options.env,
      // Stryker disable next-line ArrayDeclaration: equivalent
      // `stdio: []`: pipe is Node's default.
      stdio: ["pipe", "pipe", "pipe"],
      // Its own process group (POSIX): the kill below reaches git's helpers too.
      // Stryker disable next-line ConditionalExpression: -> true: the same on Linux
      detached: process.platform !== "win32",
      // Stryker disable next-line BooleanLiteral: no effect on Linux
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let stdoutBytes = 0;
    let stderrBytes = 0;
    let stoppedBy: "signal" | "output" | undefined;
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const stop = (why: "signal" | "output") => {
      if (stoppedBy) return;
      stoppedBy = why;
      killGroup(child.pid, "SIGTERM", child);
      graceTimer = setTimeout(() => killGroup(child.pid, "SIGKILL", child), KILL_GRACE_MS);
    };
    const onAbort = () => stop("signal");
    // Stryker disable next-line ObjectLiteral: equivalent
    // `{ once: true }` -> {}: finish() removes the listener and a signal aborts once.
    options.signal.addEventListener("abort", onAbort, { once: true });
    child.stdout.on("data", (chunk: Buffer) => {
      stdoutBytes += chunk.byteLength;
      if (stdoutBytes > options.maxStdoutBytes) stop("output");
      else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      // git's own messages are short; a megabyte is more than any of them.
      if (stderrBytes < 1024 * 1024) stderr.push(chunk);
      stderrBytes += chunk.byteLength;
    });
    child.stdin.on("error", () => {});
    child.stdin.end(options.input ?? "");
    const finish = () => {
      clearTimeout(graceTimer);
      options.signal.removeEventListener("abort", onAbort);
    };
    child.on("error", (error) => {
      finish();
      reject(new LuccaReportError(`Cannot run git: ${error.message}`, { cause: error }));
    });
    child.on("close", (code, signal) => {
      finish();
      const took = formatDuration(Math.max(1, Math.round(performance.now() - started)));
      if (stoppedBy === "signal") {
        const reason: unknown = options.signal.reason;
        if (reason instanceof AbortedError) reject(reason);
        else
          reject(
            new GitStoppedError(
              `${command} was stopped after ${took} (timeout): the run's time limit of ${formatDuration(options.limitMs)} was reached. Raise timeout, or check that the remote answers.`,
              { command, timedOut: true, cause: reason },
            ),
          );
        return;
      }
      if (stoppedBy === "output") {
        reject(
          new LuccaReportError(
            `${command} printed more than ${options.maxStdoutBytes} bytes and was stopped`,
          ),
        );
        return;
      }
      if (signal !== null) {
        reject(
          new GitStoppedError(`${command} was killed by ${signal} after ${took}`, {
            command,
            timedOut: false,
          }),
        );
        return;
      }
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
    });
  });
}

function killGroup(
  pid: number | undefined,
  signal: NodeJS.Signals,
  child: { kill(signal: NodeJS.Signals): boolean },
): void {
  try {
    // Stryker disable next-line ConditionalExpression: equivalent
    // `pid !== undefined &&` -> true: a spawned child has a pid.
    // Stryker disable CallExpression: equivalent
    // `else child.kill` removed: on Linux, with a spawned child, the branch is never taken. No
    // comment can stand before `else`, so the rule is off to the end of the function, but for
    // the `if` line (restored just below).
    // Stryker restore next-line CallExpression
    if (pid !== undefined && process.platform !== "win32") process.kill(-pid, signal);
    else child.kill(signal);
  } catch {
    // Already gone.
  }
}

// Stryker restore CallExpression
/**
 * The environment git children get: what git, ssh, proxies and the locale need, and nothing
 * else. Inputs (INPUT_*, the API key among them), tokens and the runner's other variables stay
 * out of reach of hooks and helpers. Values that contain a secret are dropped whatever their name.
 */
export function gitEnvironment(
  env: Record<string, string | undefined>,
  secrets: readonly string[],
): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !KEEP.test(name) || DROP.test(name)) continue;
    if (secrets.some((secret) => secret !== "" && value.includes(secret))) continue;
    kept[name] = value;
  }
  return kept;
}

const KEEP =
  /^(PATH|Path|HOME|USER|LOGNAME|SHELL|TMPDIR|TMP|TEMP|LANG|LANGUAGE|LC_[A-Z]+|TZ|TERM|GIT_[A-Z0-9_]+|SSH_AUTH_SOCK|SSH_AGENT_PID|GNUPGHOME|GPG_TTY|XDG_CONFIG_HOME|XDG_RUNTIME_DIR|SSL_CERT_FILE|SSL_CERT_DIR|CURL_CA_BUNDLE|HTTPS?_PROXY|https?_proxy|ALL_PROXY|all_proxy|NO_PROXY|no_proxy|SYSTEMROOT|SystemRoot|SYSTEMDRIVE|COMSPEC|ComSpec|PATHEXT|WINDIR|windir|USERPROFILE|APPDATA|LOCALAPPDATA|HOMEDRIVE|HOMEPATH|PROGRAMDATA|ProgramData|ProgramFiles)$/;
/** Never, even under a kept prefix. */
const DROP = /^(GIT_TOKEN|GIT_PASSWORD)$/;
