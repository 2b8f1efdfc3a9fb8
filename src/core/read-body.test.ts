import { describe, expect, it } from "vitest";
import { readCapped } from "./read-body.ts";

const bytes = (...values: number[]) => new Uint8Array(values);

/** A body of these chunks, already closed, that records whether it was cancelled. */
function bodyOf(chunks: Uint8Array[], onCancel: () => void = () => {}) {
  const state = { cancelled: 0 };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
    cancel() {
      state.cancelled++;
      onCancel();
    },
  });
  return { body, state };
}

describe("readCapped", () => {
  it("reads no body as nothing, not overflowed", async () => {
    expect(await readCapped(null, 10)).toEqual({ bytes: new Uint8Array(0), overflowed: false });
  });

  it("joins every chunk of a body that fits, exactly at the cap included", async () => {
    const { body, state } = bodyOf([bytes(1, 2), bytes(3), bytes(4, 5, 6)]);
    expect(await readCapped(body, 6)).toEqual({
      bytes: bytes(1, 2, 3, 4, 5, 6),
      overflowed: false,
    });
    expect(state.cancelled).toBe(0);
    expect(body.locked).toBe(false);
  });

  it("keeps the first maxBytes of a longer body, cut inside a later chunk, and cancels the rest", async () => {
    const { body, state } = bodyOf([bytes(1, 2, 3), bytes(4, 5, 6, 7), bytes(8, 9)]);
    expect(await readCapped(body, 5)).toEqual({ bytes: bytes(1, 2, 3, 4, 5), overflowed: true });
    // Cancelled while chunks were still queued: the read stopped at the cap.
    expect(state.cancelled).toBe(1);
    expect(body.locked).toBe(false);
  });

  it("counts one byte over the cap as an overflow", async () => {
    const { body } = bodyOf([bytes(1, 2, 3, 4)]);
    expect(await readCapped(body, 3)).toEqual({ bytes: bytes(1, 2, 3), overflowed: true });
  });

  it("cuts at a chunk boundary when the cap falls there", async () => {
    const { body } = bodyOf([bytes(1, 2), bytes(3, 4), bytes(5)]);
    expect(await readCapped(body, 2)).toEqual({ bytes: bytes(1, 2), overflowed: true });
  });

  it("returns what it read even when cancelling the rest fails", async () => {
    const { body } = bodyOf([bytes(1, 2, 3), bytes(4)], () => {
      throw new Error("cancel failed");
    });
    expect(await readCapped(body, 1)).toEqual({ bytes: bytes(1), overflowed: true });
    expect(body.locked).toBe(false);
  });

  it("stops reading an endless body at the cap", async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls++;
        controller.enqueue(bytes(7, 7, 7, 7));
      },
    });
    expect(await readCapped(body, 10)).toEqual({
      bytes: bytes(7, 7, 7, 7, 7, 7, 7, 7, 7, 7),
      overflowed: true,
    });
    expect(pulls).toBeLessThan(6);
  });
});
