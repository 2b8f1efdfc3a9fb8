import { link, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import {
  ArtifactNotFoundError,
  DefaultArtifactClient,
  GHESNotSupportedError,
} from "@actions/artifact";
import { LuccaReportError } from "../core/errors.ts";

export interface ArtifactRequest {
  /** The reports; several keep their paths below the deepest directory they share. */
  filePaths: readonly string[];
  /** Artifact name; for an unzipped upload the file's extension is added when missing. */
  name: string;
  /**
   * Zip the file (false: upload it as is, so it downloads as a plain CSV). The artifact
   * service stores an unzipped upload as one file only, so several files are always zipped.
   */
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

/** Uploads the reports as one workflow artifact with the real @actions/artifact client. */
export async function publishArtifact(
  request: ArtifactRequest,
  run: RunLocation,
): Promise<PublishedArtifact> {
  const client = new DefaultArtifactClient();
  const single = request.filePaths.length === 1 ? request.filePaths[0] : undefined;
  const archive = request.archive || single === undefined;
  const extension = single === undefined ? "" : extname(single);
  const name =
    !archive && extension && !request.name.endsWith(extension)
      ? `${request.name}${extension}`
      : request.name;
  // An unzipped artifact takes its name from the file, so upload a link that bears the name.
  const staging = archive ? undefined : await mkdtemp(join(tmpdir(), "lucca-artifact-"));
  try {
    let files = [...request.filePaths];
    let root = commonDirectory(files);
    if (staging && single !== undefined) {
      const file = join(staging, name);
      await link(single, file).catch(async () => {
        const { copyFile } = await import("node:fs/promises");
        await copyFile(single, file);
      });
      files = [file];
      root = staging;
    }
    if (request.overwrite) await deleteIfPresent(client, name);
    const uploaded = await client.uploadArtifact(name, files, root, {
      retentionDays: request.retentionDays,
      skipArchive: !archive,
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

/** The deepest directory holding every file, so a zip keeps the paths below it. */
export function commonDirectory(paths: readonly string[]): string {
  const dirs = paths.map((path) => dirname(resolve(path)));
  let common = dirs[0] ?? ".";
  for (const dir of dirs) {
    while (!isWithin(common, dir)) common = dirname(common);
  }
  return common;
}

/** A directory named "..foo" is inside; only ".." itself, or a path through it, is not. */
function isWithin(parent: string, dir: string): boolean {
  const rel = relative(parent, dir);
  return rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
