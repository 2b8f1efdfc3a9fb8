/** Pieces of a secret this long are what redaction hides (src/core/redact.ts). */
const PIECE = 8;

/** Every piece of `secret` of 8 characters that appears in `text`. */
export function leakedPieces(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let index = 0; index + PIECE <= secret.length; index++) {
    const piece = secret.slice(index, index + PIECE);
    if (text.includes(piece)) found.push(piece);
  }
  return found;
}
