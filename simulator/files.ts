import { type CsvOptions, csvByteLength, csvChunks } from "./csv.ts";
import { excelBody } from "./excel.ts";
import type { Settings, SimulatedReport } from "./options.ts";
import type { Cut, FileBody } from "./send-file.ts";
import type { SimulatorState } from "./state.ts";

export type FileFormat = "csv" | "excel";

export function csvOptionsFor(report: SimulatedReport, settings: Settings): CsvOptions {
  return {
    rows: settings.rows,
    culture: settings.culture,
    bom: settings.bom,
    lineEnding: settings.lineEnding,
    startsOn: report.startsOn,
    endsOn: report.endsOn,
  };
}

export function fileFor(report: SimulatedReport, format: FileFormat, settings: Settings): FileBody {
  if (format === "excel") {
    const body = excelBody(report.id);
    return {
      contentType: "application/vnd.ms-excel",
      filename: `report-${report.id}.xls`,
      size: body.length,
      chunks: () => [body],
    };
  }
  if (settings.csvBody !== undefined) {
    const body = Buffer.from(settings.csvBody, "utf8");
    return {
      contentType: "text/csv; charset=utf-8",
      filename: `report-${report.id}.csv`,
      size: body.length,
      chunks: () => [body],
    };
  }
  const options = csvOptionsFor(report, settings);
  return {
    contentType: "text/csv; charset=utf-8",
    filename: `report-${report.id}.csv`,
    size: csvByteLength(options),
    chunks: () => csvChunks(options),
  };
}

/** Decides whether this download is sabotaged, using up one of the configured faults. */
export function takeCut(state: SimulatorState, settings: Settings): Cut {
  if (state.resetsUsed < settings.resetDownloads) {
    state.resetsUsed++;
    return "reset";
  }
  if (state.truncationsUsed < settings.truncateDownloads) {
    state.truncationsUsed++;
    return "truncate";
  }
  return "none";
}
