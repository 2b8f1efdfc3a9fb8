import type { FileSink } from "../src/core/file-sink.ts";

/** A sink that drops the bytes: polling figures do not measure the disk. */
export function nullSink(): FileSink {
  return {
    async create(path) {
      return {
        path,
        writable: new WritableStream<Uint8Array>(),
        commit: async () => {},
        discard: async () => {},
      };
    },
  };
}
