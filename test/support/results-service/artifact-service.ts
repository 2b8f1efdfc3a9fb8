import type { BlobStore } from "./azurite.ts";
import type { RuntimeIdentity } from "./token.ts";
import {
  type Handler,
  int32Field,
  int64Field,
  type JsonObject,
  requiredString,
  stringField,
  TwirpError,
  timestampField,
} from "./twirp.ts";

export interface StoredArtifact {
  id: number;
  name: string;
  /** Bytes in the blob once finalized (what FinalizeArtifact declared, checked against the blob). */
  size: number;
  /** `sha256:<hex>` as the client sent it to FinalizeArtifact. */
  digest?: string | undefined;
  finalized: boolean;
  /** The `version` field of CreateArtifact (the v6 client sends 7). */
  version: number;
  mimeType?: string | undefined;
  createdAt: Date;
  expiresAt: Date;
  /** Whole days from creation to expiry. */
  retentionDays: number;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** Blob path inside the container: `<run>/<job>/artifacts/<id>/<file name>`. */
  blobName: string;
}

/** GitHub's default retention when the upload does not ask for one. */
const DEFAULT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

export interface ArtifactService {
  readonly handlers: Record<string, Handler>;
  readonly artifacts: StoredArtifact[];
}

/** github.actions.results.api.v1.ArtifactService over one blob container. */
export function createArtifactService(blobs: BlobStore): ArtifactService {
  const artifacts: StoredArtifact[] = [];
  let nextId = 1000;

  const ownRun = (body: JsonObject, caller: RuntimeIdentity): string => {
    const run = requiredString(body, "workflow_run_backend_id");
    requiredString(body, "workflow_job_run_backend_id");
    if (run !== caller.workflowRunBackendId) {
      throw new TwirpError(
        "permission_denied",
        "the token does not grant access to this workflow run",
      );
    }
    return run;
  };
  const finalizedByName = (run: string, name: string): StoredArtifact => {
    const found = artifacts.find(
      (a) => a.finalized && a.workflowRunBackendId === run && a.name === name,
    );
    if (!found) throw new TwirpError("not_found", `artifact ${name} not found`);
    return found;
  };

  const handlers: Record<string, Handler> = {
    async CreateArtifact(body, caller) {
      const run = ownRun(body, caller);
      const job = requiredString(body, "workflow_job_run_backend_id");
      const name = requiredString(body, "name");
      const version = int32Field(body, "version") ?? 0;
      const mimeType = stringField(body, "mime_type");
      const now = new Date();
      const expiresAt =
        timestampField(body, "expires_at") ??
        new Date(now.getTime() + DEFAULT_RETENTION_DAYS * DAY_MS);
      if (expiresAt.getTime() <= now.getTime()) {
        throw new TwirpError("invalid_argument", "expires_at must be in the future");
      }
      // Names are unique per workflow run, across its jobs: GitHub answers 409 and the client
      // reports "(409) Conflict: an artifact with this name already exists on the workflow run".
      if (artifacts.some((a) => a.finalized && a.workflowRunBackendId === run && a.name === name)) {
        throw new TwirpError(
          "already_exists",
          "an artifact with this name already exists on the workflow run",
        );
      }
      // An upload that never finalized does not block a retry: its record is replaced.
      const stale = artifacts.findIndex(
        (a) => !a.finalized && a.workflowRunBackendId === run && a.name === name,
      );
      if (stale >= 0) {
        const [old] = artifacts.splice(stale, 1);
        if (old) await blobs.delete(old.blobName);
      }
      const id = nextId++;
      // A zip upload (mime application/zip) is stored as <name>.zip; a skipArchive upload is
      // named after its file, which is also the artifact name the client sends.
      const isZip = mimeType === undefined || mimeType === "application/zip";
      const fileName = isZip && !name.toLowerCase().endsWith(".zip") ? `${name}.zip` : name;
      const blobName = `${run}/${job}/artifacts/${id}/${fileName}`;
      artifacts.push({
        id,
        name,
        size: 0,
        finalized: false,
        version,
        mimeType,
        createdAt: now,
        expiresAt,
        retentionDays: Math.round((expiresAt.getTime() - now.getTime()) / DAY_MS),
        workflowRunBackendId: run,
        workflowJobRunBackendId: job,
        blobName,
      });
      return { ok: true, signed_upload_url: blobs.uploadUrl(blobName) };
    },

    async FinalizeArtifact(body, caller) {
      const run = ownRun(body, caller);
      const name = requiredString(body, "name");
      const size = int64Field(body, "size") ?? 0;
      const hash = stringField(body, "hash");
      const artifact = artifacts.find(
        (a) => !a.finalized && a.workflowRunBackendId === run && a.name === name,
      );
      if (!artifact)
        throw new TwirpError("not_found", `no upload in progress for artifact ${name}`);
      const actual = await blobs.size(artifact.blobName);
      if (actual === undefined) {
        throw new TwirpError("failed_precondition", `nothing was uploaded for artifact ${name}`);
      }
      if (actual !== size) {
        throw new TwirpError(
          "invalid_argument",
          `size ${size} does not match the ${actual} bytes uploaded for artifact ${name}`,
        );
      }
      artifact.finalized = true;
      artifact.size = actual;
      artifact.digest = hash;
      return { ok: true, artifact_id: String(artifact.id) };
    },

    async ListArtifacts(body, caller) {
      const run = ownRun(body, caller);
      const nameFilter = stringField(body, "name_filter");
      const idFilter = int64Field(body, "id_filter");
      const now = Date.now();
      const found = artifacts.filter(
        (a) =>
          a.finalized &&
          a.workflowRunBackendId === run &&
          a.expiresAt.getTime() > now &&
          (nameFilter === undefined || a.name === nameFilter) &&
          (idFilter === undefined || a.id === idFilter),
      );
      return {
        artifacts: found.map((a) => ({
          workflow_run_backend_id: a.workflowRunBackendId,
          workflow_job_run_backend_id: a.workflowJobRunBackendId,
          database_id: String(a.id),
          name: a.name,
          size: String(a.size),
          created_at: a.createdAt.toISOString(),
          ...(a.digest === undefined ? {} : { digest: a.digest }),
        })),
      };
    },

    async GetSignedArtifactURL(body, caller) {
      const run = ownRun(body, caller);
      const artifact = finalizedByName(run, requiredString(body, "name"));
      const fileName = artifact.blobName.slice(artifact.blobName.lastIndexOf("/") + 1);
      return {
        signed_url: blobs.downloadUrl(artifact.blobName, {
          contentDisposition: `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        }),
      };
    },

    async DeleteArtifact(body, caller) {
      const run = ownRun(body, caller);
      const artifact = finalizedByName(run, requiredString(body, "name"));
      artifacts.splice(artifacts.indexOf(artifact), 1);
      await blobs.delete(artifact.blobName);
      return { ok: true, artifact_id: String(artifact.id) };
    },
  };

  return { handlers, artifacts };
}
