import { redact } from "./redact.ts";

/**
 * Media types a Lucca answer or a storage service plausibly sends: given by name. Any
 * other is given as its top-level type and structured suffix only ("application/…+json"),
 * since a server may put anything, a person's name included, in a subtype.
 */
const KNOWN_MEDIA_TYPES = new Set([
  "text/csv",
  "text/plain",
  "text/html",
  "text/xml",
  "text/tab-separated-values",
  "application/json",
  "application/problem+json",
  "application/xml",
  "application/xhtml+xml",
  "application/octet-stream",
  "application/zip",
  "application/x-zip-compressed",
  "application/vnd.ms-excel",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/csv",
  "application/x-csv",
]);
const TOP_LEVEL = /^(text|application|image|audio|video|font|model|multipart|message)\//;
/** Charsets named as such; any other charset parameter is left out like every parameter. */
const CHARSET = /^(utf-?8|utf-?16(le|be)?|us-ascii|iso-?8859-1?\d|windows-125\d|cp125\d|latin-?1)$/;

/**
 * The media type of a Content-Type, lower case, without its parameters (a `name="…"`
 * parameter can be a person's file name) but with a charset of the list above; null when
 * there is none.
 */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  if (contentType === null || contentType === undefined) return null;
  const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim());
  const lower = type.toLowerCase();
  if (lower === "") return null;
  const charset = parameters
    .map((parameter) => /^charset\s*=\s*"?([^";\s]*)"?$/i.exec(parameter)?.[1]?.toLowerCase())
    .find((value) => value !== undefined && CHARSET.test(value));
  return `${kindOfMediaType(lower)}${charset ? `; charset=${charset}` : ""}`;
}

function kindOfMediaType(type: string): string {
  if (KNOWN_MEDIA_TYPES.has(type)) return type;
  const top = TOP_LEVEL.exec(type)?.[1];
  if (top === undefined) return "unrecognised";
  const suffix = /\+(json|xml|zip)$/.exec(type)?.[1];
  return `${top}/…${suffix ? `+${suffix}` : ""}`;
}

const DISPOSITION_KINDS = new Set(["attachment", "inline", "form-data"]);
/** Extensions a file name is given by; any other is "…". */
export const FILE_EXTENSIONS = new Set([
  "csv",
  "txt",
  "tsv",
  "xls",
  "xlsx",
  "json",
  "html",
  "zip",
  "gz",
]);

/** "attachment; filename=*.csv": the kind and the extension, never the name. */
export function dispositionShape(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const kind = value.split(";")[0]?.trim().toLowerCase() ?? "";
  const shownKind = DISPOSITION_KINDS.has(kind) ? kind : "unrecognised";
  const extension = /filename\*?=[^;]*\.([A-Za-z0-9]{1,5})"?\s*(?:;|$)/i
    .exec(value)?.[1]
    ?.toLowerCase();
  if (extension === undefined) return shownKind;
  return `${shownKind}; filename=*.${FILE_EXTENSIONS.has(extension) ? extension : "…"}`;
}

/** Headers that carry credentials or sessions: never written, whatever the trace is for. */
const HIDDEN_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);

const NUMBER = /^\d{1,15}(\.\d{1,6})?$/;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const TOKENS =
  /^(chunked|gzip|x-gzip|deflate|br|zstd|compress|identity)(\s*,\s*(chunked|gzip|x-gzip|deflate|br|zstd|compress|identity))*$/i;
/** X-RateLimit-*, RateLimit-*, X-Rate-Limit-*, and RFC 9651's RateLimit and RateLimit-Policy. */
const RATE_HEADER = /^(x-)?rate-?limit(-[a-z]{1,12})?$/;

/**
 * The headers a trace keeps, each with what of its value may be shown: the rest are left
 * out, whatever they hold (a custom header with an e-mail, a server banner). Values are
 * kept only in forms that cannot hold a name: numbers, HTTP dates, known tokens.
 */
const SHOWN: Record<string, (value: string) => string | null> = {
  "content-type": (value) => mediaTypeOf(value),
  "content-disposition": (value) => dispositionShape(value),
  "content-length": (value) => (NUMBER.test(value) ? value : "(not a number)"),
  "content-encoding": (value) => (TOKENS.test(value) ? value.toLowerCase() : "(other)"),
  "transfer-encoding": (value) => (TOKENS.test(value) ? value.toLowerCase() : "(other)"),
  "retry-after": numberOrDate,
  deprecation: numberOrDate,
  sunset: numberOrDate,
  accept: (value) => mediaTypeOf(value),
};

function numberOrDate(value: string): string {
  return NUMBER.test(value) || HTTP_DATE.test(value) ? value : "(other)";
}

function showValue(name: string, value: string): string | null | undefined {
  const shown = SHOWN[name];
  if (shown) return shown(value);
  if (RATE_HEADER.test(name)) return NUMBER.test(value) ? value : "(other)";
  return undefined;
}

/**
 * The headers of an exchange fit for a trace: those of the list above, each value in the
 * form it allows, then redacted; Location through `location` (the caller's URL shaping);
 * `left` counts the headers left out.
 */
export function visibleHeaders(
  headers: Headers,
  secrets: readonly string[],
  location: (value: string) => string,
): { shown: Record<string, string>; left: number } {
  const shown: Record<string, string> = {};
  let left = 0;
  headers.forEach((value, name) => {
    if (HIDDEN_HEADERS.has(name)) return;
    const visible = name === "location" ? location(value) : showValue(name, value);
    if (visible === undefined || visible === null) left++;
    else shown[name] = redact(visible, secrets);
  });
  return { shown, left };
}
