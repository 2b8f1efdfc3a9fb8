import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collect = (options: { type: "minor"; execution: "sync" }) => void;

let collect: Collect | null | undefined;

/**
 * Runs a young-generation garbage collection, which frees the network chunks already
 * written to disk. V8 otherwise frees them only once about 64 MiB of them have piled up
 * outside its heap, so a long download would hold 50+ MiB more than a short one. A
 * collection of a few MiB of dead chunks takes well under a millisecond.
 *
 * There is no API for it without `--expose-gc`, which an action cannot pass to Node: the
 * flag is set at run time and `gc` taken from a fresh context (as Jest's leak detector
 * does), then unset. Where that is unavailable (Deno, say) this does nothing.
 */
export function releaseDeadBuffers(): void {
  if (collect === undefined) collect = exposeGc();
  collect?.({ type: "minor", execution: "sync" });
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
