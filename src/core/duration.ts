import { InvalidInputError } from "./errors.ts";

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as const;
const ORDER = ["h", "m", "s", "ms"] as const;
// Spaces may separate the parts, so what formatDuration prints ("1m 05s") reads back.
const PART = /\s*(\d+(?:\.\d+)?)(ms|h|m|s)/gy;

/** setTimeout fires at once for anything longer (Node, Deno and browsers alike). */
const MAX_MS = 2 ** 31 - 1;

/**
 * Parses `1500ms`, `90s`, `15m`, `1h30m`, `2m30s`, `0.5s` or a bare number of seconds
 * (`30`, `2.5`) into whole milliseconds. Units are case-insensitive, come largest first and
 * each at most once. `name` is how the setting is called to the user (`--timeout`, `timeout`).
 */
export function parseDuration(text: string, name: string): number {
  const input = text.trim().toLowerCase();
  const fail = () =>
    new InvalidInputError(
      `${name}: cannot parse "${text}" as a duration: use forms like 1500ms, 90s, 15m, 1h30m or a number of seconds`,
    );
  if (input === "") throw fail();
  let total = 0;
  if (/^\d+(\.\d+)?$/.test(input)) {
    total = Number(input) * 1000;
  } else {
    let lastUnit = -1;
    PART.lastIndex = 0;
    while (PART.lastIndex < input.length) {
      const match = PART.exec(input);
      if (!match) throw fail();
      const unit = match[2] as keyof typeof UNIT_MS;
      const rank = ORDER.indexOf(unit);
      if (rank <= lastUnit) throw fail();
      lastUnit = rank;
      total += Number(match[1]) * UNIT_MS[unit];
    }
  }
  if (!Number.isFinite(total)) throw fail();
  if (Math.round(total) > MAX_MS) {
    throw new InvalidInputError(
      `${name}: cannot use "${text}" as a duration: timers cannot wait longer than ${formatDuration(MAX_MS)} (about 24 days)`,
    );
  }
  return Math.round(total);
}

/** `850ms`, `4.2s`, `1m 05s`, `2h 03m`: short, for log lines. */
export function formatDuration(ms: number): string {
  // Thresholds sit where rounding would carry into the next unit ("1000ms", "60.0s").
  if (ms < 999.5) return `${Math.round(ms)}ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}
