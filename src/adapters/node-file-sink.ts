import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { LuccaReportError } from "../core/errors.ts";
import type { FileSink, PendingFile } from "../core/file-sink.ts";

/** A FileSink on the local file system (Node and Deno both provide node:fs). */
export function nodeFileSink(baseDir: string): FileSink {
  return {
    async create(path) {
      const target = resolve(baseDir, path);
      const temporary = join(
        dirname(target),
        `.${basename(target)}.${crypto.randomUUID().slice(0, 8)}.part`,
      );
      let handle: Awaited<ReturnType<typeof open>>;
      try {
        await mkdir(dirname(target), { recursive: true });
        handle = await open(temporary, "wx");
      } catch (error) {
        throw writeError(`Cannot create ${target}`, error);
      }
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await handle.close();
      };
      const writable = new WritableStream<Uint8Array>({
        async write(chunk) {
          try {
            for (let offset = 0; offset < chunk.byteLength; ) {
              const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
              offset += bytesWritten;
            }
          } catch (error) {
            throw writeError(`Cannot write ${target}`, error);
          }
        },
        close,
        abort: close,
      });
      const file: PendingFile = {
        path: target,
        writable,
        async commit() {
          await close();
          try {
            await rename(temporary, target);
          } catch (error) {
            throw writeError(`Cannot move the download into ${target}`, error);
          }
        },
        async discard() {
          await close().catch(() => {});
          await rm(temporary, { force: true });
        },
      };
      return file;
    },
  };
}

function writeError(what: string, error: unknown): LuccaReportError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LuccaReportError(`${what}: ${reason}`, { cause: error });
}
