import { type CsvOptions, csvByteLength, csvChunks } from "./csv.ts";
import { encodeCsv } from "./encode.ts";
import { excelBody, xlsxBody } from "./excel.ts";
import { type Exchange, writeHead } from "./exchange.ts";
import type { BadDownloadBody, Settings, SimulatedReport } from "./options.ts";
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

const CHARSET = {
  "utf-8": "utf-8",
  "windows-1252": "windows-1252",
  "utf-16le": "utf-16",
  "utf-16be": "utf-16",
} as const;

/** The CSV in one buffer when csvBody or csvEncoding ask for it; undefined: stream it. */
export function csvBuffer(report: SimulatedReport, settings: Settings): Buffer | undefined {
  if (settings.csvBody === undefined && settings.csvEncoding === "utf-8") return undefined;
  const text =
    settings.csvBody ??
    Buffer.concat([...csvChunks(csvOptionsFor(report, settings))]).toString("utf8");
  return encodeCsv(text, settings.csvEncoding);
}

function bare(file: FileBody, settings: Settings): FileBody {
  return settings.fileHeaders === "bare"
    ? { ...file, contentType: "application/octet-stream", filename: undefined }
    : file;
}

export function fileFor(report: SimulatedReport, format: FileFormat, settings: Settings): FileBody {
  if (format === "excel") {
    const xlsx = settings.excelFile === "xlsx";
    const body = xlsx ? xlsxBody(report.id) : excelBody(report.id);
    return bare(
      {
        contentType: xlsx
          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          : "application/vnd.ms-excel",
        filename: `report-${report.id}.${xlsx ? "xlsx" : "xls"}`,
        size: body.length,
        chunks: () => [body],
      },
      settings,
    );
  }
  const contentType = `text/csv; charset=${CHARSET[settings.csvEncoding]}`;
  const whole = csvBuffer(report, settings);
  if (whole !== undefined) {
    return bare(
      {
        contentType,
        filename: `report-${report.id}.csv`,
        size: whole.length,
        chunks: () => [whole],
      },
      settings,
    );
  }
  const options = csvOptionsFor(report, settings);
  return bare(
    {
      contentType,
      filename: `report-${report.id}.csv`,
      size: csvByteLength(options),
      chunks: () => csvChunks(options),
    },
    settings,
  );
}

/** Uses up one of the configured bad downloads, if any is left. */
export function takeBadDownload(
  state: SimulatorState,
  settings: Settings,
): BadDownloadBody | undefined {
  const bad = settings.badDownloads;
  if (!bad || state.badDownloadsUsed >= bad.count) return undefined;
  state.badDownloadsUsed++;
  return bad.body;
}

const PAGES: Record<"html" | "json" | "empty", { type: string; text: string }> = {
  html: {
    type: "text/html; charset=utf-8",
    text: "<!DOCTYPE html><html><head><title>Lucca - Maintenance</title></head><body>Back soon</body></html>",
  },
  json: {
    type: "application/json; charset=utf-8",
    text: '{"Status":200,"Message":"The report is being generated"}',
  },
  empty: { type: "text/csv; charset=utf-8", text: "" },
};

/** The report's CSV as text, and its rows as objects keyed by the header's names. */
function reportText(report: SimulatedReport, settings: Settings): string {
  return (
    settings.csvBody ?? Buffer.concat([...csvChunks(csvOptionsFor(report, settings))]).toString()
  );
}

function rowsAsJson(csv: string): Record<string, string>[] {
  const [header = "", ...lines] = csv.replace(/^\ufeff/, "").split(/\r?\n/);
  const delimiter = header.includes(";") ? ";" : ",";
  const names = header.split(delimiter);
  return lines
    .filter((line) => line !== "")
    .map((line) => Object.fromEntries(line.split(delimiter).map((cell, i) => [names[i], cell])));
}

function badAnswer(
  body: BadDownloadBody,
  report: SimulatedReport,
  settings: Settings,
): { status: number; type: string; text: string } {
  if (body === "html" || body === "json" || body === "empty")
    return { status: 200, ...PAGES[body] };
  const csv = reportText(report, settings);
  switch (body) {
    case "csv-as-json":
      return { status: 200, type: "application/json; charset=utf-8", text: csv };
    case "csv-as-html":
      return { status: 200, type: "text/html; charset=utf-8", text: csv };
    case "csv":
      return { status: 200, type: "text/csv; charset=utf-8", text: csv };
    case "csv-error":
      return { status: 500, type: "text/csv; charset=utf-8", text: csv };
    case "json-rows":
      return {
        status: 200,
        type: "application/json; charset=utf-8",
        text: JSON.stringify({ Status: 500, Message: "Export failed", rows: rowsAsJson(csv) }),
      };
  }
}

/** An answer that is not the report as asked for (see BadDownloadBody). */
export function sendBadDownload(
  ex: Exchange,
  body: BadDownloadBody,
  report: SimulatedReport,
): void {
  const { status, type, text } = badAnswer(body, report, ex.settings);
  writeHead(ex, status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(text),
    ...ex.settings.downloadHeaders,
  });
  ex.res.end(text);
}

/** Decides whether this download is sabotaged, using up one of the configured faults. */
export function takeCut(state: SimulatorState, settings: Settings): Cut {
  if (settings.stallDownloads) return "stall";
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
