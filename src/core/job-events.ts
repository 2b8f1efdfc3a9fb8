import type { RangeSent } from "./range-sent.ts";

/** What a job tells its adapter as it goes; adapters render these as log lines. */
export type JobEvent =
  | {
      type: "creating";
      templateId: string;
      startsOn: string | null;
      endsOn: string | null;
      /** The dates Lucca gets, after the end-date convention. */
      sent: RangeSent;
      attempt: number;
    }
  | { type: "created"; reportId: string; attempt: number }
  | { type: "resuming"; reportId: string }
  | {
      type: "status";
      reportId: string;
      status: string;
      /** True when the status differs from the previous check. */
      changed: boolean;
      polls: number;
      elapsedMs: number;
      /** Wait before the next check; undefined when the report is finished. */
      nextCheckMs: number | undefined;
      /** This template's usual generation time, from its last runs; absent without history. */
      expectedMs?: number | undefined;
    }
  | { type: "regenerating"; failedReportId: string; attempt: number; maxAttempts: number }
  | { type: "downloading"; reportId: string; format: string }
  | {
      type: "retrying";
      method: string;
      url: string;
      attempt: number;
      delayMs: number;
      reason: string;
    }
  | { type: "warning"; message: string }
  | { type: "downloaded"; path: string; bytes: number };

export type JobEventListener = (event: JobEvent) => void;
