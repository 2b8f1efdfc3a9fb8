import { logSafe, truncate } from "./safe-text.ts";

/**
 * The shortest piece of a secret that is redacted on its own. A 300-character cut can end
 * inside the key, and an error from the HTTP stack can split it around a byte it refused:
 * every piece this long is hidden, not only the whole key.
 */
export const MIN_SECRET_PIECE = 8;

const MASK = "***";

/**
 * Hides every secret in `text`, and every piece of a secret of at least
 * MIN_SECRET_PIECE characters. Any such piece is a union of MIN_SECRET_PIECE-long windows
 * of the secret, so marking each window of the text found in the secret's window set
 * covers them all, in O(text length) lookups. A shorter secret is its own only window:
 * it is hidden whole, wherever it occurs (an empty one hides nothing).
 */
export function redact(text: string, secrets: readonly string[]): string {
  const masked = new Uint8Array(text.length);
  for (const secret of secrets) {
    const size = Math.min(secret.length, MIN_SECRET_PIECE);
    const windows = new Set<string>();
    for (let end = size; end <= secret.length; end++) windows.add(secret.slice(end - size, end));
    for (let end = size; end <= text.length; end++) {
      if (windows.has(text.slice(end - size, end))) masked.fill(1, end - size, end);
    }
  }
  let result = "";
  for (let index = 0; index < text.length; ) {
    if (masked[index]) {
      result += MASK;
      while (masked[index]) index++;
    } else {
      const start = index;
      // Past the end, masked[index] is undefined: the run stops there too.
      while (masked[index] === 0) index++;
      result += text.slice(start, index);
    }
  }
  return result;
}

/** Characters of outside text shown in a message. */
export const EXCERPT_CHARS = 300;

/**
 * Outside text fit for an error message, in this order: secrets hidden, whitespace runs
 * folded, control characters escaped, then cut. Redacting first is what keeps a cut from
 * leaving most of a key behind.
 */
export function excerptOf(
  text: string,
  secrets: readonly string[],
  max: number = EXCERPT_CHARS,
): string {
  return truncate(logSafe(redact(text, secrets).replace(/\s+/g, " ").trim()), max);
}
