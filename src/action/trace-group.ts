import * as core from "@actions/core";
import { logSafe } from "../core/safe-text.ts";
import type { TraceRecorder } from "../node/trace-recorder.ts";

/** The trace in a collapsed group, printed whether the job worked or not. */
export function printTrace(trace: TraceRecorder): void {
  core.startGroup(`HTTP trace (${trace.records.length} exchanges, shapes only)`);
  for (const line of trace.jsonLines().split("\n")) if (line) core.info(logSafe(line));
  core.endGroup();
}
