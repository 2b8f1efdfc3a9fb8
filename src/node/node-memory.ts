import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = (options: { type: "minor" | "major"; execution: "sync" }) => void;

/** One call in this many runs a full collection instead of a young-generation one. */
const FULL_EVERY = 32;

let collect: Collect | null | undefined;
let calls = 0;

/**
 * Runs a young-generation garbage collection, which frees the network chunks already
 * written to disk. V8 otherwise frees them only once about 64 MiB of them have piled up
 * outside its heap, so a long download would hold 50+ MiB more than a short one. A young
 * collection takes well under a millisecond; every 32nd call is a full one (a few
 * milliseconds) for the chunks that were still queued at two young collections and so
 * moved to the old generation.
 *
 * There is no API for it without `--expose-gc`, which an action cannot pass to Node: the
 * flag is set at run time and `gc` taken from a fresh context (as Jest's leak detector
 * does), then unset. Where that is unavailable (Deno, say) this does nothing.
 */
export function releaseDeadBuffers(): void {
  if (collect === undefined) collect = exposeGc();
  calls++;
  collect?.({ type: calls % FULL_EVERY === 0 ? "major" : "minor", execution: "sync" });
}

function exposeGc(): Collect | null {
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("typeof gc === 'function' ? gc : null");
    setFlagsFromString("--no-expose-gc");
    return typeof gc === "function" ? (gc as Collect) : null;
  } catch {
    return null;
  }
}
