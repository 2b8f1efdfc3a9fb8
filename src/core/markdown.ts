import { escapeControls } from "./safe-text.ts";

/**
 * The Markdown/HTML door: every value from outside that reaches the job summary (or any
 * other Markdown a user reads on GitHub) goes through one of these. Nothing from the
 * server may become markup: no HTML (`<img>`, `<!--` hiding the rest), no link or image,
 * no code span it closes, no table cell it breaks.
 */

const HTML: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const LINE_BREAKS = /\r\n|\r|\n|\u2028|\u2029|\u0085/g;

/** Inline text, one line: HTML made inert, and every Markdown punctuation mark escaped. */
export function escapeMarkdown(text: string): string {
  const escaped = escapeControls(text.replace(LINE_BREAKS, " "))
    .replace(/[&<>"']/g, (char) => HTML[char] as string)
    .replace(/[\\`*_[\]()!|~]/g, "\\$&");
  // Constructs that only count at the start of a line: heading, quote, list, thematic break.
  // The backslash goes before the last character of the mark: \# and 12\. alike.
  return escaped.replace(
    /^(\s*)([#>+=-]|\d+[.)])/,
    (_match, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`,
  );
}

/** A table cell: as `escapeMarkdown`, with line breaks shown as <br>. */
export function escapeCell(text: string): string {
  return text.split(LINE_BREAKS).map(escapeMarkdown).join("<br>");
}

/**
 * A code span holding `text` literally: a fence longer than any backtick run inside, so
 * the text cannot close it. `inTable` escapes pipes, which GitHub reads before code spans.
 */
export function codeSpan(text: string, inTable = false): string {
  let body = escapeControls(text.replace(LINE_BREAKS, " "));
  if (inTable) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || body === "" ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Text of our own that marks code with backticks (`report-id: 77`), holding values from
 * outside: the code parts become code spans, the rest escaped text; each line escaped on
 * its own and kept as a line.
 */
export function escapeWithCode(text: string): string {
  return text
    .split(LINE_BREAKS)
    .map((line) =>
      line
        .split("`")
        .map((part, index) => (index % 2 === 1 ? codeSpan(part) : escapeMarkdown(part)))
        .join(""),
    )
    .join("  \n");
}

/**
 * A link target that stays one: an http(s) URL with the characters that could end the
 * Markdown link encoded; undefined for anything else (the caller shows plain text).
 */
export function linkTarget(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  return parsed.href.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16)}`);
}
