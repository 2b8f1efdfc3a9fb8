import type { BlobStore } from "./azurite.ts";
import {
  type Handler,
  int64Field,
  type JsonObject,
  requiredString,
  stringListField,
  TwirpError,
} from "./twirp.ts";

export interface StoredCacheEntry {
  id: number;
  key: string;
  /** The hash the client derives from the paths, compression method and cross-OS flag. */
  version: string;
  /** Archive bytes, as declared to FinalizeCacheEntryUpload and checked against the blob. */
  size: number;
  finalized: boolean;
  /** The git ref the entry belongs to (GitHub scopes caches by branch). */
  scope: string;
  createdAt: Date;
  blobName: string;
}

export interface CacheService {
  readonly handlers: Record<string, Handler>;
  readonly entries: StoredCacheEntry[];
}

/**
 * github.actions.results.api.v1.CacheService (cache service v2). Every caller shares one
 * scope, `ref`: the tests run one branch, so cross-branch fallback is not modelled.
 */
export function createCacheService(blobs: BlobStore, ref: string): CacheService {
  const entries: StoredCacheEntry[] = [];
  let nextId = 1;

  const keyAndVersion = (body: JsonObject): { key: string; version: string } => ({
    key: requiredString(body, "key"),
    version: requiredString(body, "version"),
  });
  const newestFirst = (a: StoredCacheEntry, b: StoredCacheEntry): number =>
    b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;

  /**
   * GitHub's lookup: the primary key, then each restore key in order; for each, an exact key
   * match first, then the newest entry whose key starts with it. The version must match.
   */
  const lookup = (keys: string[], version: string): StoredCacheEntry | undefined => {
    const candidates = entries
      .filter((e) => e.finalized && e.version === version && e.scope === ref)
      .sort(newestFirst);
    for (const key of keys) {
      const hit =
        candidates.find((e) => e.key === key) ?? candidates.find((e) => e.key.startsWith(key));
      if (hit) return hit;
    }
    return undefined;
  };

  const handlers: Record<string, Handler> = {
    async CreateCacheEntry(body) {
      const { key, version } = keyAndVersion(body);
      if (entries.some((e) => e.key === key && e.version === version && e.scope === ref)) {
        // The client turns this into a ReserveCacheError, logged with core.info.
        throw new TwirpError(
          "already_exists",
          "cache entry with the same key, version, and scope already exists",
        );
      }
      const id = nextId++;
      const blobName = `caches/${id}/cache.tar`;
      entries.push({
        id,
        key,
        version,
        size: 0,
        finalized: false,
        scope: ref,
        createdAt: new Date(),
        blobName,
      });
      return { ok: true, signed_upload_url: blobs.uploadUrl(blobName) };
    },

    async FinalizeCacheEntryUpload(body) {
      const { key, version } = keyAndVersion(body);
      const size = int64Field(body, "size_bytes") ?? 0;
      const entry = entries.find(
        (e) => !e.finalized && e.key === key && e.version === version && e.scope === ref,
      );
      if (!entry) throw new TwirpError("not_found", `no cache upload in progress for key ${key}`);
      const actual = await blobs.size(entry.blobName);
      if (actual === undefined) {
        throw new TwirpError("failed_precondition", `nothing was uploaded for cache key ${key}`);
      }
      if (actual !== size) {
        throw new TwirpError(
          "invalid_argument",
          `size ${size} does not match the ${actual} bytes uploaded for cache key ${key}`,
        );
      }
      entry.finalized = true;
      entry.size = actual;
      return { ok: true, entry_id: String(entry.id) };
    },

    async GetCacheEntryDownloadURL(body) {
      const { key, version } = keyAndVersion(body);
      const hit = lookup([key, ...stringListField(body, "restore_keys")], version);
      if (!hit) return { ok: false, signed_download_url: "", matched_key: "" };
      return {
        ok: true,
        signed_download_url: blobs.downloadUrl(hit.blobName),
        matched_key: hit.key,
      };
    },
  };

  return { handlers, entries };
}
