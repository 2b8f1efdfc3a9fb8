import { type Exchange, readText, sendError, sendJson, writeHead } from "./exchange.ts";
import { fileFor, sendBadDownload, takeBadDownload, takeCut } from "./files.ts";
import type { SimulatedReport } from "./options.ts";
import { reportJson, reportStatus, UNKNOWN_STATUS } from "./report-view.ts";
import { sendFile } from "./send-file.ts";
import { DEFAULT_COLUMNS, findTemplate, type SimulatorState, type Template } from "./state.ts";
import { signedFileUrl } from "./storage.ts";
import { type Checked, checkReportRequest, checkTemplateRequest, parseJson } from "./validate.ts";

async function readJson(ex: Exchange): Promise<Checked<unknown> | undefined> {
  const text = await readText(ex.req);
  if (text === undefined) {
    sendError(ex, 413, "The request body is larger than 1 MiB");
    return undefined;
  }
  return parseJson(text);
}

function templateOf(state: SimulatorState, report: SimulatedReport): Template {
  return (
    findTemplate(state, report.templateId) ?? {
      id: report.templateId,
      name: "Timesheet",
      columns: DEFAULT_COLUMNS,
    }
  );
}

export async function createTemplate(ex: Exchange, state: SimulatorState): Promise<void> {
  const json = await readJson(ex);
  if (!json) return;
  const checked = json.ok ? checkTemplateRequest(json.value) : json;
  if (!checked.ok) return sendError(ex, 400, checked.message);
  const id = state.nextTemplateId++;
  const { name, columns, body } = checked.value;
  state.createdTemplates.set(String(id), { id: String(id), name, columns });
  sendJson(ex, 201, { ...body, id });
}

export async function createReport(ex: Exchange, state: SimulatorState): Promise<void> {
  const { settings } = ex;
  const json = await readJson(ex);
  if (!json) return;
  const checked = json.ok ? checkReportRequest(json.value) : json;
  if (!checked.ok) return sendError(ex, 400, checked.message, {}, checked.field);
  const request = checked.value;
  const template = findTemplate(state, request.templateId);
  if (!template) return sendError(ex, 404, `Template ${request.templateId} not found`);
  const id = state.nextReportId++;
  const outcomes = settings.outcomes;
  const outcome = outcomes[Math.min(id - 1001, outcomes.length - 1)] ?? "done";
  const now = settings.now();
  const report: SimulatedReport = {
    id,
    ...request,
    outcome,
    createdAt: now,
    finishedAt: now + settings.generationMs,
    statusReads: 0,
    downloads: 0,
  };
  state.reports.set(String(id), report);
  const location = `/timmi-timesheet/api/reports/${id}`;
  if (settings.createRedirect) {
    writeHead(ex, settings.createRedirect, { Location: location, "Content-Length": 0 });
    ex.res.end();
    return;
  }
  sendJson(
    ex,
    settings.createStatus,
    reportJson(report, template, reportStatus(report, now), settings),
    { Location: location },
  );
}

export function readReport(ex: Exchange, state: SimulatorState, id: string): void {
  const { settings } = ex;
  if (settings.statusEndpoint === 405) {
    // The REST framework answers 405 with an empty body.
    writeHead(ex, 405, { Allow: "POST", "Content-Length": 0 });
    ex.res.end();
    return;
  }
  if (settings.statusEndpoint === 404) {
    sendError(ex, 404, `Resource ${id} not found`);
    return;
  }
  const report = state.reports.get(id);
  if (!report) {
    sendError(ex, 404, `Report ${id} not found`);
    return;
  }
  report.statusReads++;
  let status: string = reportStatus(report, settings.now());
  if (status === "pending" && report.statusReads <= settings.unknownStatusPolls) {
    status = UNKNOWN_STATUS;
  }
  sendJson(ex, 200, reportJson(report, templateOf(state, report), status, settings));
}

export async function downloadReport(
  ex: Exchange,
  state: SimulatorState,
  id: string,
  format: "csv" | "excel",
): Promise<void> {
  const { settings } = ex;
  const report = state.reports.get(id);
  if (!report) return sendError(ex, 404, `Report ${id} not found`);
  const status = reportStatus(report, settings.now());
  if (status !== "done") {
    return sendError(
      ex,
      settings.pendingDownloadStatus,
      `Report ${id} is not ready (status ${status})`,
    );
  }
  const bad = takeBadDownload(state, settings);
  if (bad) return sendBadDownload(ex, bad, report);
  if (settings.redirectDownload) {
    writeHead(ex, 302, {
      Location: signedFileUrl(state, report, format, settings.now()),
      "Content-Length": 0,
    });
    ex.res.end();
    return;
  }
  const cut = takeCut(state, settings);
  report.downloads++;
  await sendFile(ex, fileFor(report, format, settings), cut, state.closing.signal);
}
