import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { ArtifactNotFoundError, DefaultArtifactClient } from "@actions/artifact";
import { LuccaReportError } from "../core/errors.ts";
import { artifactUrl, type PublishedArtifact, type RunLocation } from "./artifact.ts";

export interface ManyFilesArtifactRequest {
  filePaths: readonly string[];
  name: string;
  overwrite: boolean;
  retentionDays: number | undefined;
}

/**
 * Several reports in one artifact. The artifact service stores an unzipped upload as one
 * file only, so several files are always zipped, keeping their paths below the deepest
 * directory they share.
 */
export async function publishArtifactFiles(
  request: ManyFilesArtifactRequest,
  run: RunLocation,
): Promise<PublishedArtifact> {
  const client = new DefaultArtifactClient();
  const root = commonDirectory(request.filePaths);
  try {
    if (request.overwrite) {
      await client.deleteArtifact(request.name).catch((error: unknown) => {
        if (!(error instanceof ArtifactNotFoundError)) throw error;
      });
    }
    const uploaded = await client.uploadArtifact(request.name, [...request.filePaths], root, {
      retentionDays: request.retentionDays,
    });
    return {
      name: request.name,
      id: uploaded.id,
      url: artifactUrl(run, uploaded.id),
      digest: uploaded.digest,
      size: uploaded.size,
    };
  } catch (error) {
    throw new LuccaReportError(
      `Cannot upload the artifact "${request.name}": ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

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
