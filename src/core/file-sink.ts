/** Where a download goes. The core streams into it; adapters provide the file system. */
export interface FileSink {
  /** Opens a temporary file beside `path`, which `commit` renames into place. */
  create(path: string): Promise<PendingFile>;
}

export interface PendingFile {
  /** The final path, resolved. */
  readonly path: string;
  readonly writable: WritableStream<Uint8Array>;
  /** Renames the temporary file to `path`. */
  commit(): Promise<void>;
  /** Removes the temporary file; safe to call more than once, and after a failed write. */
  discard(): Promise<void>;
}
