import type { FileHandle } from "node:fs/promises";
import { lstat, mkdir, open, readdir, realpath, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { LuccaReportError } from "../core/errors.ts";
import type { FileSink, PendingFile } from "../core/file-sink.ts";
import { releaseDeadBuffers } from "./node-memory.ts";
import {
  assertReplaceable,
  partFileName,
  resolveOutputTarget,
  type TargetPolicy,
} from "./output-target.ts";

/** Chunks queued while the disk is busy; past this, writes wait (backpressure). */
const MAX_QUEUED_BYTES = 2 * 1024 * 1024;
/** Bytes written between two collections of the chunks already written. */
const RELEASE_EVERY_BYTES = 2 * 1024 * 1024;

/**
 * A `.part` file of this tool untouched for this long belongs to a run that died (SIGKILL,
 * power cut): a live download writes at least once per request timeout, or is cut.
 */
export const STALE_PART_MS = 10 * 60_000;

export interface SinkOptions {
  /** Leftover `.part` files beside the target older than this are removed. @default STALE_PART_MS */
  staleAfterMs?: number;
  now?: () => number;
  /** Permissions of the file created (before the umask). @default 0o666 */
  mode?: number;
}

/**
 * A FileSink on the local file system (Node and Deno both provide node:fs). Every path,
 * default names included, goes through `resolveOutputTarget` with `policy`.
 */
export function nodeFileSink(policy: TargetPolicy, options: SinkOptions = {}): FileSink {
  return {
    async create(path) {
      const target = await resolveOutputTarget(path, policy);
      const directory = dirname(target);
      const temporary = join(directory, partFileName(target, crypto.randomUUID().slice(0, 8)));
      let handle: FileHandle;
      try {
        await mkdir(directory, { recursive: true });
        await removeStaleParts(target, options.staleAfterMs ?? STALE_PART_MS, options.now);
        handle = await open(temporary, "wx", options.mode ?? 0o666);
      } catch (error) {
        throw writeError(`Cannot create ${target}`, error);
      }
      const queue = writeQueue(handle, target);
      let closed = false;
      const close = async () => {
        if (closed) return;
        closed = true;
        await queue.settled();
        await handle.close();
      };
      const writable = new WritableStream<Uint8Array>({
        write: (chunk) => queue.push(chunk),
        async close() {
          await queue.drain();
          await close();
        },
        abort() {
          queue.dropQueued();
          return close();
        },
      });
      const file: PendingFile = {
        path: target,
        writable,
        async commit() {
          await queue.drain();
          await close();
          try {
            // The place was checked before the download; it must not have changed since.
            await assertReplaceable(target);
            if ((await realpath(directory)) !== directory) {
              throw new LuccaReportError(`${directory} was replaced during the download`);
            }
            await rename(temporary, target);
          } catch (error) {
            await rm(temporary, { force: true });
            if (error instanceof LuccaReportError) throw error;
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

/**
 * Removes this tool's temporary files for `target` left by a run that died: only names of
 * our exact pattern, only regular files, only those not written to for `staleAfterMs` (a
 * concurrent run's live file keeps a fresh mtime).
 */
export async function removeStaleParts(
  target: string,
  staleAfterMs: number,
  now: () => number = Date.now,
): Promise<string[]> {
  const directory = dirname(target);
  const pattern = new RegExp(
    `^${escapeRegExp(partFileName(target, "@@"))}$`.replace("@@", "[0-9a-f]{8}"),
  );
  const removed: string[] = [];
  for (const name of await readdir(directory).catch(() => [] as string[])) {
    if (!pattern.test(name)) continue;
    const path = join(directory, name);
    const info = await lstat(path).catch(() => undefined);
    if (!info?.isFile() || now() - info.mtimeMs < staleAfterMs) continue;
    await rm(path, { force: true });
    removed.push(path);
  }
  return removed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Writes chunks in order, gathering those that arrive while the disk is busy into one
 * writev: at hundreds of MB/s, one write per network chunk keeps the reader waiting on
 * the disk. A failed write fails the next push or drain.
 */
function writeQueue(handle: FileHandle, target: string) {
  let queued: Uint8Array[] = [];
  let queuedBytes = 0;
  let failure: LuccaReportError | undefined;
  let flushing: Promise<void> | undefined;
  let sinceRelease = 0;
  let roomWaiters: (() => void)[] = [];

  const flush = async () => {
    try {
      while (queued.length > 0) {
        const batch = queued;
        const bytes = queuedBytes;
        queued = [];
        queuedBytes = 0;
        await writeAll(handle, batch, bytes);
        // Written chunks must be unreachable before the collection below, or it promotes
        // them to the old generation, where only a full collection frees them.
        batch.length = 0;
        for (const wake of roomWaiters) wake();
        roomWaiters = [];
        sinceRelease += bytes;
        if (sinceRelease >= RELEASE_EVERY_BYTES) {
          sinceRelease = 0;
          releaseDeadBuffers();
        }
      }
    } catch (error) {
      failure = writeError(`Cannot write ${target}`, error);
      for (const wake of roomWaiters) wake();
      roomWaiters = [];
    } finally {
      flushing = undefined;
    }
  };

  return {
    async push(chunk: Uint8Array): Promise<void> {
      if (failure) throw failure;
      queued.push(chunk);
      queuedBytes += chunk.byteLength;
      flushing ??= flush();
      while (queuedBytes >= MAX_QUEUED_BYTES && !failure) {
        await new Promise<void>((wake) => roomWaiters.push(wake));
      }
      if (failure) throw failure;
    },
    /** Resolves when every chunk pushed is on disk. */
    async drain(): Promise<void> {
      while (flushing) await flushing;
      if (failure) throw failure;
    },
    /** Forgets the chunks not yet handed to the disk (the file is being discarded). */
    dropQueued(): void {
      queued = [];
      queuedBytes = 0;
    },
    /** Resolves when no write is in flight, whatever its outcome. */
    async settled(): Promise<void> {
      while (flushing) await flushing;
    },
  };
}

async function writeAll(handle: FileHandle, chunks: Uint8Array[], bytes: number): Promise<void> {
  const { bytesWritten } = await handle.writev(chunks);
  if (bytesWritten === bytes) return;
  // A short writev (rare on a regular file): write what is left, chunk by chunk.
  let skip = bytesWritten;
  for (const chunk of chunks) {
    const from = Math.min(skip, chunk.byteLength);
    skip -= from;
    for (let offset = from; offset < chunk.byteLength; ) {
      const written = await handle.write(chunk, offset, chunk.byteLength - offset);
      offset += written.bytesWritten;
    }
  }
}

function writeError(what: string, error: unknown): LuccaReportError {
  const reason = error instanceof Error ? error.message : String(error);
  return new LuccaReportError(`${what}: ${reason}`, { cause: error });
}
