/** A streaming SHA-256, given to the core by the adapters (node:crypto in Node and Deno). */
export interface Hasher {
  update(bytes: Uint8Array): void;
  digestHex(): string;
}
