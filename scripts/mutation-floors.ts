// Reads Stryker's JSON report and fails when a folder's mutation score is under its floor.
// Stryker's own thresholds.break applies to the whole run; the floors differ per folder.
import { readFile } from "node:fs/promises";

/** Lowest mutation score (%) each folder may have; see docs/development.md, "Mutation testing". */
export const FLOORS: Record<string, number> = { "src/core/": 85, "src/publish/": 75 };

const DETECTED = new Set(["Killed", "Timeout"]);
const UNDETECTED = new Set(["Survived", "NoCoverage"]);

interface Report {
  files: Record<string, { mutants: { status: string }[] }>;
}

/** Score per folder: detected / (detected + undetected); compile errors and ignored excluded. */
export function scoresByFolder(report: Report, folders: string[]) {
  return folders.map((folder) => {
    let detected = 0;
    let undetected = 0;
    for (const [path, file] of Object.entries(report.files)) {
      if (!path.replaceAll("\\", "/").startsWith(folder)) continue;
      for (const mutant of file.mutants) {
        if (DETECTED.has(mutant.status)) detected++;
        else if (UNDETECTED.has(mutant.status)) undetected++;
      }
    }
    const total = detected + undetected;
    return { folder, detected, total, score: total === 0 ? undefined : (100 * detected) / total };
  });
}

if (import.meta.main) {
  const path = process.argv[2] ?? "reports/mutation/mutation.json";
  const report = JSON.parse(await readFile(path, "utf8")) as Report;
  let failed = false;
  for (const { folder, detected, total, score } of scoresByFolder(report, Object.keys(FLOORS))) {
    const floor = FLOORS[folder] as number;
    if (score === undefined) {
      console.log(`${folder}: no mutant tested in this run`);
      continue;
    }
    const line = `${folder}: ${score.toFixed(1)}% (${detected} of ${total} detected), floor ${floor}%`;
    if (score < floor) {
      failed = true;
      console.error(`::error title=Mutation score under the floor::${line}`);
    } else {
      console.log(line);
    }
  }
  if (failed) process.exit(1);
}
