import { link, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, join } from "node:path";
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  GHESNotSupportedError,
} from "@actions/artifact";
import { LuccaReportError } from "../core/errors.ts";

export interface ArtifactRequest {
  filePath: string;
  /** Artifact name; for an unzipped upload the file's extension is added when missing. */
  name: string;
  /** Zip the file (false: upload it as is, so it downloads as a plain CSV). */
  archive: boolean;
  /** Delete an artifact of the same name first, so reruns and matrix jobs do not collide. */
  overwrite: boolean;
  retentionDays: number | undefined;
}

export interface RunLocation {
  serverUrl: string | undefined;
  repository: string | undefined;
  runId: string | undefined;
}

export interface PublishedArtifact {
  name: string;
  id: number | undefined;
  url: string | undefined;
  digest: string | undefined;
  size: number | undefined;
}

/** Uploads the report as a workflow artifact with the real @actions/artifact client. */
export async function publishArtifact(
  request: ArtifactRequest,
  run: RunLocation,
): Promise<PublishedArtifact> {
  const client = new DefaultArtifactClient();
  const extension = extname(request.filePath);
  const name =
    !request.archive && extension && !request.name.endsWith(extension)
      ? `${request.name}${extension}`
      : request.name;
  // An unzipped artifact takes its name from the file, so upload a link that bears the name.
  const staging = request.archive ? undefined : await mkdtemp(join(tmpdir(), "lucca-artifact-"));
  try {
    let file = request.filePath;
    if (staging) {
      file = join(staging, name);
      await link(request.filePath, file).catch(async () => {
        const { copyFile } = await import("node:fs/promises");
        await copyFile(request.filePath, file);
      });
    }
    if (request.overwrite) await deleteIfPresent(client, name);
    const uploaded = await client.uploadArtifact(name, [file], dirname(file), {
      retentionDays: request.retentionDays,
      skipArchive: !request.archive,
    });
    return {
      name,
      id: uploaded.id,
      url: artifactUrl(run, uploaded.id),
      digest: uploaded.digest,
      size: uploaded.size,
    };
  } catch (error) {
    throw explain(error, name);
  } finally {
    // Stryker disable next-line BooleanLiteral: equivalent
    // `force: false`: mkdtemp made the directory and nothing else removes it.
    if (staging) await rm(staging, { recursive: true, force: true });
  }
}

async function deleteIfPresent(client: DefaultArtifactClient, name: string): Promise<void> {
  try {
    await client.deleteArtifact(name);
  } catch (error) {
    if (!(error instanceof ArtifactNotFoundError)) throw error;
  }
}

export function artifactUrl(run: RunLocation, id: number | undefined): string | undefined {
  if (id === undefined || !run.serverUrl || !run.repository || !run.runId) return undefined;
  return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`;
}

function explain(error: unknown, name: string): LuccaReportError {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof GHESNotSupportedError) {
    return new LuccaReportError(
      "Workflow artifacts of this kind are not available on GitHub Enterprise Server. " +
        "Use `publish: commit` to archive the report in the repository, or `publish: none` and upload the file with another step.",
      { cause: error },
    );
  }
  if (/already exists|Conflict|409/i.test(reason)) {
    return new LuccaReportError(
      `An artifact named "${name}" already exists in this run; set artifact-overwrite: true, or give each job its own artifact-name.`,
      { cause: error },
    );
  }
  return new LuccaReportError(`Cannot upload the artifact "${name}": ${reason}`, { cause: error });
}
