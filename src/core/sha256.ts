/** An incremental hash; the core takes one so adapters can plug in a native one. */
export interface Hasher {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * SHA-256 in plain TypeScript, fed chunk by chunk, for runtimes without a streaming native
 * hash (WebCrypto's digest takes the whole input at once). Node and Deno adapters use
 * node:crypto instead, which is several times faster (it uses the CPU's SHA instructions).
 */
export class Sha256 implements Hasher {
  readonly #state = new Int32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  /** The start of a block that the previous chunk did not complete. */
  readonly #block = new Uint8Array(64);
  #filled = 0;
  #length = 0;
  #digest: string | undefined;

  update(bytes: Uint8Array): void {
    if (this.#digest !== undefined) {
      throw new Error("Cannot update a Sha256 after digestHex(): it is finished; create a new one");
    }
    this.#absorb(bytes);
  }

  /** The digest as 64 lowercase hex digits; calling it again returns the same value. */
  digestHex(): string {
    if (this.#digest !== undefined) return this.#digest;
    const bitLength = this.#length * 8;
    const padding = new Uint8Array((this.#filled < 56 ? 56 : 120) - this.#filled + 8);
    padding[0] = 0x80;
    const tail = new DataView(padding.buffer);
    tail.setUint32(padding.length - 8, Math.floor(bitLength / 2 ** 32));
    tail.setUint32(padding.length - 4, bitLength >>> 0);
    this.#absorb(padding);
    this.#digest = Array.from(this.#state, (word) =>
      (word >>> 0).toString(16).padStart(8, "0"),
    ).join("");
    return this.#digest;
  }

  #absorb(bytes: Uint8Array): void {
    const length = bytes.byteLength;
    this.#length += length;
    let offset = 0;
    if (this.#filled > 0) {
      offset = Math.min(64 - this.#filled, length);
      this.#block.set(bytes.subarray(0, offset), this.#filled);
      this.#filled += offset;
      if (this.#filled < 64) return;
      compress(this.#state, this.#block, 0, 64);
      this.#filled = 0;
    }
    // Whole blocks are read in place, whatever their alignment: no copy.
    const end = offset + ((length - offset) & ~63);
    if (end > offset) compress(this.#state, bytes, offset, end);
    if (end < length) {
      this.#block.set(bytes.subarray(end));
      this.#filled = length - end;
    }
  }
}

/**
 * Runs the 64-byte blocks of bytes[from, to) through the compression function. The state and
 * the 16-word message schedule live in local variables, and the rounds are unrolled sixteen at
 * a time so that each schedule word has a fixed name: V8 then keeps them all in registers,
 * which is about 1.5 times faster than a rolled loop over a 64-word Int32Array.
 */
function compress(state: Int32Array, bytes: Uint8Array, from: number, to: number): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let h0 = state[0] as number;
  let h1 = state[1] as number;
  let h2 = state[2] as number;
  let h3 = state[3] as number;
  let h4 = state[4] as number;
  let h5 = state[5] as number;
  let h6 = state[6] as number;
  let h7 = state[7] as number;
  for (let p = from; p < to; p += 64) {
    let w0 = view.getInt32(p);
    let w1 = view.getInt32(p + 4);
    let w2 = view.getInt32(p + 8);
    let w3 = view.getInt32(p + 12);
    let w4 = view.getInt32(p + 16);
    let w5 = view.getInt32(p + 20);
    let w6 = view.getInt32(p + 24);
    let w7 = view.getInt32(p + 28);
    let w8 = view.getInt32(p + 32);
    let w9 = view.getInt32(p + 36);
    let w10 = view.getInt32(p + 40);
    let w11 = view.getInt32(p + 44);
    let w12 = view.getInt32(p + 48);
    let w13 = view.getInt32(p + 52);
    let w14 = view.getInt32(p + 56);
    let w15 = view.getInt32(p + 60);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    let f = h5;
    let g = h6;
    let h = h7;
    let t = 0;
    for (let i = 0; i < 64; i += 16) {
      if (i > 0) {
        // W[j] = σ1(W[j-2]) + W[j-7] + σ0(W[j-15]) + W[j-16], over a ring of sixteen words.
        t = w1;
        w0 = (w0 + w9 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w14;
        w0 = (w0 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w2;
        w1 = (w1 + w10 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w15;
        w1 = (w1 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w3;
        w2 = (w2 + w11 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w0;
        w2 = (w2 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w4;
        w3 = (w3 + w12 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w1;
        w3 = (w3 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w5;
        w4 = (w4 + w13 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w2;
        w4 = (w4 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w6;
        w5 = (w5 + w14 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w3;
        w5 = (w5 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w7;
        w6 = (w6 + w15 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w4;
        w6 = (w6 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w8;
        w7 = (w7 + w0 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w5;
        w7 = (w7 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w9;
        w8 = (w8 + w1 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w6;
        w8 = (w8 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w10;
        w9 = (w9 + w2 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w7;
        w9 = (w9 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w11;
        w10 = (w10 + w3 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w8;
        w10 = (w10 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w12;
        w11 = (w11 + w4 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w9;
        w11 = (w11 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w13;
        w12 = (w12 + w5 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w10;
        w12 = (w12 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w14;
        w13 = (w13 + w6 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w11;
        w13 = (w13 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w15;
        w14 = (w14 + w7 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w12;
        w14 = (w14 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
        t = w0;
        w15 = (w15 + w8 + (((t >>> 7) | (t << 25)) ^ ((t >>> 18) | (t << 14)) ^ (t >>> 3))) | 0;
        t = w13;
        w15 = (w15 + (((t >>> 17) | (t << 15)) ^ ((t >>> 19) | (t << 13)) ^ (t >>> 10))) | 0;
      }
      // Rather than shifting a..h down one place each round, each round renames them: the
      // next round's `a` is this round's `h`, and so on around. Σ1(e) + Ch(e, f, g) + K + W
      // goes into t, then Σ0(a) + Maj(a, b, c) is added for the new `a`. Ch and Maj are
      // written g ^ (e & (f ^ g)) and (a & b) | (c & (a | b)): one operation fewer each.
      t = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      t = (h + t + (g ^ (e & (f ^ g))) + (K[i] as number) + w0) | 0;
      d = (d + t) | 0;
      h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))) | 0;
      h = (h + ((a & b) | (c & (a | b)))) | 0;
      t = ((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7));
      t = (g + t + (f ^ (d & (e ^ f))) + (K[i + 1] as number) + w1) | 0;
      c = (c + t) | 0;
      g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10)))) | 0;
      g = (g + ((h & a) | (b & (h | a)))) | 0;
      t = ((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7));
      t = (f + t + (e ^ (c & (d ^ e))) + (K[i + 2] as number) + w2) | 0;
      b = (b + t) | 0;
      f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10)))) | 0;
      f = (f + ((g & h) | (a & (g | h)))) | 0;
      t = ((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7));
      t = (e + t + (d ^ (b & (c ^ d))) + (K[i + 3] as number) + w3) | 0;
      a = (a + t) | 0;
      e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10)))) | 0;
      e = (e + ((f & g) | (h & (f | g)))) | 0;
      t = ((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7));
      t = (d + t + (c ^ (a & (b ^ c))) + (K[i + 4] as number) + w4) | 0;
      h = (h + t) | 0;
      d = (t + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10)))) | 0;
      d = (d + ((e & f) | (g & (e | f)))) | 0;
      t = ((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7));
      t = (c + t + (b ^ (h & (a ^ b))) + (K[i + 5] as number) + w5) | 0;
      g = (g + t) | 0;
      c = (t + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10)))) | 0;
      c = (c + ((d & e) | (f & (d | e)))) | 0;
      t = ((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7));
      t = (b + t + (a ^ (g & (h ^ a))) + (K[i + 6] as number) + w6) | 0;
      f = (f + t) | 0;
      b = (t + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10)))) | 0;
      b = (b + ((c & d) | (e & (c | d)))) | 0;
      t = ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
      t = (a + t + (h ^ (f & (g ^ h))) + (K[i + 7] as number) + w7) | 0;
      e = (e + t) | 0;
      a = (t + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10)))) | 0;
      a = (a + ((b & c) | (d & (b | c)))) | 0;
      t = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      t = (h + t + (g ^ (e & (f ^ g))) + (K[i + 8] as number) + w8) | 0;
      d = (d + t) | 0;
      h = (t + (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))) | 0;
      h = (h + ((a & b) | (c & (a | b)))) | 0;
      t = ((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7));
      t = (g + t + (f ^ (d & (e ^ f))) + (K[i + 9] as number) + w9) | 0;
      c = (c + t) | 0;
      g = (t + (((h >>> 2) | (h << 30)) ^ ((h >>> 13) | (h << 19)) ^ ((h >>> 22) | (h << 10)))) | 0;
      g = (g + ((h & a) | (b & (h | a)))) | 0;
      t = ((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7));
      t = (f + t + (e ^ (c & (d ^ e))) + (K[i + 10] as number) + w10) | 0;
      b = (b + t) | 0;
      f = (t + (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10)))) | 0;
      f = (f + ((g & h) | (a & (g | h)))) | 0;
      t = ((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7));
      t = (e + t + (d ^ (b & (c ^ d))) + (K[i + 11] as number) + w11) | 0;
      a = (a + t) | 0;
      e = (t + (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10)))) | 0;
      e = (e + ((f & g) | (h & (f | g)))) | 0;
      t = ((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7));
      t = (d + t + (c ^ (a & (b ^ c))) + (K[i + 12] as number) + w12) | 0;
      h = (h + t) | 0;
      d = (t + (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10)))) | 0;
      d = (d + ((e & f) | (g & (e | f)))) | 0;
      t = ((h >>> 6) | (h << 26)) ^ ((h >>> 11) | (h << 21)) ^ ((h >>> 25) | (h << 7));
      t = (c + t + (b ^ (h & (a ^ b))) + (K[i + 13] as number) + w13) | 0;
      g = (g + t) | 0;
      c = (t + (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10)))) | 0;
      c = (c + ((d & e) | (f & (d | e)))) | 0;
      t = ((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7));
      t = (b + t + (a ^ (g & (h ^ a))) + (K[i + 14] as number) + w14) | 0;
      f = (f + t) | 0;
      b = (t + (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10)))) | 0;
      b = (b + ((c & d) | (e & (c | d)))) | 0;
      t = ((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7));
      t = (a + t + (h ^ (f & (g ^ h))) + (K[i + 15] as number) + w15) | 0;
      e = (e + t) | 0;
      a = (t + (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10)))) | 0;
      a = (a + ((b & c) | (d & (b | c)))) | 0;
    }
    // Sixteen renamings bring every variable back to its own role.
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
    h5 = (h5 + f) | 0;
    h6 = (h6 + g) | 0;
    h7 = (h7 + h) | 0;
  }
  state[0] = h0;
  state[1] = h1;
  state[2] = h2;
  state[3] = h3;
  state[4] = h4;
  state[5] = h5;
  state[6] = h6;
  state[7] = h7;
}
