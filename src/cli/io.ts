import type { FetchLike } from "../core/http.ts";

/** Everything a CLI command touches outside itself; tests pass their own. */
export interface CliIo {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  fetch: FetchLike;
  /** Aborted on SIGINT/SIGTERM, with an AbortedError as reason. */
  signal: AbortSignal;
  readTextFile: (path: string) => Promise<string>;
  now?: () => number;
}
