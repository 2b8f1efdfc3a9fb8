import type { FileFormat } from "./files.ts";
import type { FailureTarget } from "./options.ts";

export type Route =
  | { kind: "createTemplate" }
  | { kind: "createReport" }
  | { kind: "status"; id: string }
  | { kind: "download"; id: string; format: FileFormat };

export type RouteMatch =
  | { found: true; route: Route }
  | { found: false; status: 404 }
  | { found: false; status: 405; allow: string };

const API = "/timmi-timesheet/api";
const STATUS_PATH = /^\/timmi-timesheet\/api\/reports\/([^/]+)$/;
const DOWNLOAD_PATH = /^\/timmi-timesheet\/api\/reports\/([^/]+)\/download-(csv|excel)$/;

function only(method: string, allowed: string, route: Route): RouteMatch {
  return method === allowed
    ? { found: true, route }
    : { found: false, status: 405, allow: allowed };
}

export function matchRoute(method: string, path: string): RouteMatch {
  if (path === `${API}/report-templates`) return only(method, "POST", { kind: "createTemplate" });
  if (path === `${API}/reports`) return only(method, "POST", { kind: "createReport" });
  const download = DOWNLOAD_PATH.exec(path);
  if (download) {
    const format = download[2] === "csv" ? "csv" : "excel";
    return only(method, "GET", { kind: "download", id: download[1] ?? "", format });
  }
  const status = STATUS_PATH.exec(path);
  if (status) return only(method, "GET", { kind: "status", id: status[1] ?? "" });
  return { found: false, status: 404 };
}

/** Which `failures[].on` values a route answers to, besides "any". */
export function failureTarget(route: Route): FailureTarget {
  if (route.kind === "createReport") return "create";
  if (route.kind === "status") return "status";
  if (route.kind === "download") return "download";
  return "any";
}
