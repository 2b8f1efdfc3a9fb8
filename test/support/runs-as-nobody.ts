import { statSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Whether a process dropped to "nobody" could start this same Node (process.execPath):
 * every directory above it must be searchable by others and the binary executable by
 * others. A Node installed under root's home directory is not, and falling back to the
 * name `node` would find another (older) Node on PATH.
 */
export function othersCanRun(path: string = process.execPath): boolean {
  try {
    if ((statSync(path).mode & 0o001) === 0) return false;
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      if ((statSync(dir).mode & 0o001) === 0) return false;
      if (dirname(dir) === dir) return true;
    }
  } catch {
    return false;
  }
}
