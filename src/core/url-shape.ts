import { FILE_EXTENSIONS } from "./header-shape.ts";
import { redact } from "./redact.ts";
import { ID_PATTERN } from "./schemas.ts";

/** The paths this tool itself calls on Lucca: the only ones written as they are. */
const OWN_PATHS = [
  /^\/timmi-timesheet\/api\/report-templates$/,
  /^\/timmi-timesheet\/api\/reports$/,
  /^\/timmi-timesheet\/api\/reports\/([^/]+)$/,
  /^\/timmi-timesheet\/api\/reports\/([^/]+)\/download-(?:csv|excel)$/,
];
/** Query parameter names of signed URLs and APIs look like this; a name that does not is hidden. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

/**
 * A path as a trace or a message writes it. This tool's own Lucca paths (with an id of the id schema's
 * form) are written as they are; any other (a redirect's target, chosen by the server) as
 * one `*` per segment with a known file extension kept: a storage path often holds a
 * file name, and a file name can be a person's. The key is redacted wherever it is.
 */
export function pathShape(path: string, secrets: readonly string[]): string {
  for (const own of OWN_PATHS) {
    const match = own.exec(path);
    if (match && (match[1] === undefined || ID_PATTERN.test(match[1]))) {
      return redact(path, secrets);
    }
  }
  const segments = path.split("/");
  const last = segments.length - 1;
  return segments
    .map((segment, index) => {
      if (segment === "") return "";
      const extension = /\.([A-Za-z0-9]{1,5})$/.exec(segment)?.[1]?.toLowerCase();
      return index === last && extension && FILE_EXTENSIONS.has(extension) ? `*.${extension}` : "*";
    })
    .join("/");
}

/** The distinct names of a query's parameters, redacted; a name of another form as "…". */
export function queryNames(params: URLSearchParams, secrets: readonly string[]): string[] {
  const names = [...new Set(params.keys())].map((name) =>
    PARAMETER_NAME.test(name) ? redact(name, secrets) : "…",
  );
  return [...new Set(names)];
}

/** Resolves a relative target without giving it an origin of its own ("//host/x" gets one). */
const RELATIVE_BASE = "http://relative.invalid";

/**
 * A redirect's target as a trace writes it: its origin (redacted), its path shaped as
 * above, and "?…" for a query (pre-signed URLs carry their token there). A relative target
 * stays relative; a target of another scheme is given by its scheme alone (a data: URL
 * could carry the whole file).
 */
export function locationShape(location: string, secrets: readonly string[]): string {
  let url: URL;
  try {
    url = new URL(location.trim(), RELATIVE_BASE);
  } catch {
    return "(not a URL)";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return `${url.protocol}…`;
  const query = url.search ? "?…" : "";
  const path = pathShape(url.pathname, secrets);
  return url.origin !== RELATIVE_BASE
    ? `${redact(url.origin, secrets)}${path}${query}`
    : `${path}${query}`;
}

/**
 * A URL the server may have chosen (a redirect's target) as a message names it: origin
 * and path as above, never the query.
 */
export function urlForMessage(url: URL, secrets: readonly string[]): string {
  return `${redact(url.origin, secrets)}${pathShape(url.pathname, secrets)}`;
}
