/**
 * The log-line door: every piece of outside text that reaches a log line goes through
 * `logSafe`. The runner reads each stdout line that starts with `::` (and the legacy
 * `##[`) as a workflow command, and a line break, a carriage return or a Unicode line or
 * paragraph separator inside a value would start such a line. Bidi controls could make a
 * line read differently from what it holds.
 */

// C0 (tab, LF and CR included), DEL, C1, Arabic letter mark, LRM/RLM, line/paragraph
// separators, bidi embeddings/overrides/isolates, and the byte-order mark.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Control characters shown as visible escapes: one line, read as it is written. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const hex = char.charCodeAt(0).toString(16);
    return hex.length <= 2 ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
  });
}

/**
 * Outside text made safe for a log line, wherever it lands in the line: one line, no
 * control characters, and nothing a runner could take for a workflow command.
 */
export function logSafe(text: string): string {
  let safe = escapeControls(text).replace(/##\[/g, "#\\#[");
  const lead = safe.length - safe.trimStart().length;
  if (safe.startsWith("::", lead)) safe = `${safe.slice(0, lead)}\\:${safe.slice(lead + 1)}`;
  return safe;
}

/**
 * Text of several lines (a stack, a message of our own with a second line) made safe line
 * by line: each line stays a line, and none can start a workflow command.
 */
export function logSafeLines(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(logSafe)
    .join("\n");
}

/**
 * Cuts `text` to `max` (>= 0) characters (whole code points), marking the cut with "…".
 * Reads no further than the cut, however long the text.
 */
export function truncate(text: string, max: number): string {
  let count = 0;
  let units = 0;
  for (const char of text) {
    if (count === max) return `${text.slice(0, units)}…`;
    count++;
    units += char.length;
  }
  return text;
}
