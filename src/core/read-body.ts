/** What a capped read got: the bytes, and whether the body went on past the cap. */
export interface CappedBody {
  bytes: Uint8Array;
  /** True when the body held more than `maxBytes`; `bytes` then holds the first `maxBytes`. */
  overflowed: boolean;
}

/**
 * Reads at most `maxBytes` of a body, then cancels the rest: an endless or huge answer
 * costs `maxBytes` of memory, never more, and the connection is let go at once.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<CappedBody> {
  if (!body) return { bytes: new Uint8Array(0), overflowed: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflowed = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > maxBytes) {
        chunks.push(value.subarray(0, maxBytes - size));
        size = maxBytes;
        overflowed = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    // Stryker disable next-line ConditionalExpression: -> true is equivalent
    // After `done` the stream is closed and cancel does nothing; after a failed read its rejection
    // is caught and the same error goes on.
    if (overflowed) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, overflowed };
}
