/**
 * What a body says, when it is recognisably a page or an error; undefined otherwise.
 *
 * A body this tool refuses or fails on may be the report itself (a CSV under a wrong label,
 * rows exported as JSON, a CSV sent with an error status): its rows are personal data and
 * must reach no message. So a body is quoted only when it is one of these, and described
 * without its content (see body-description.ts) in every other case:
 * - blank: "empty body";
 * - an HTML page: after a BOM and blanks it starts with "<" and its first KiB holds
 *   `<!doctype html`, `<html`, `<head`, `<body` or `<title`. Only its title is quoted,
 *   when that is a short text; never its body, which could be a table of rows;
 * - a JSON string or scalar: the string if it is a short text, the scalar as written;
 * - a JSON error object: each key is one of ERROR_KEYS and each value a scalar, except
 *   `errors`, an object of field names to messages (RFC 7807). Every message quoted must
 *   be a short text and every field name an identifier; if none of its messages can be
 *   quoted, only its keys are named (they are all from ERROR_KEYS);
 * - a short text (isShortText).
 * JSON arrays, objects with other keys or nested values, long or multi-line text and
 * anything that looks like delimited fields are not recognised: when in doubt, not quoted.
 */
export function messageOfErrorBody(text: string): string | undefined {
  const trimmed = text.replace(/^\ufeff/, "").trim();
  if (trimmed === "") return "empty body";
  if (isHtmlPage(trimmed)) {
    const title = (/<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? "").trim();
    return title && isShortText(title) ? `an HTML page titled "${title}"` : "an HTML page";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // Not JSON, whatever the Content-Type said: quoted only as a short text.
    return isShortText(trimmed) ? trimmed : undefined;
  }
  if (typeof parsed === "string") return isShortText(parsed) ? parsed : undefined;
  if (parsed === null || typeof parsed !== "object") return String(parsed);
  if (Array.isArray(parsed)) return undefined;
  return messageOfErrorObject(parsed as Record<string, unknown>);
}

/**
 * Keys of the error shapes Lucca uses: the older {"Status","Message"} (and the SDK's
 * "StackTrace", never shown), the REST framework's {"id","error"}, RFC 7807's title,
 * status, type, detail, instance and errors, and the usual extras.
 */
const ERROR_KEYS = new Set([
  "Status",
  "Message",
  "StackTrace",
  "status",
  "message",
  "error",
  "title",
  "detail",
  "type",
  "instance",
  "errors",
  "id",
  "code",
  "traceId",
]);
const MESSAGE_KEYS = ["Message", "message", "detail", "error", "title"] as const;
const FIELD_NAME = /^[A-Za-z_$][\w$.[\]-]{0,63}$/;

function messageOfErrorObject(fields: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(fields)) {
    if (!ERROR_KEYS.has(key)) return undefined;
    if (key !== "errors" && value !== null && typeof value === "object") return undefined;
  }
  const fieldErrors = fieldErrorsOf(fields.errors);
  if (fieldErrors === undefined) return undefined;
  const message = MESSAGE_KEYS.map((key) => fields[key]).find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  if (message !== undefined && !isShortText(message)) return undefined;
  if (message === undefined && fieldErrors === "") {
    // Nothing meant for people (perhaps only a stack trace): its keys, never its values.
    return `JSON without a message (keys: ${Object.keys(fields).join(", ")})`;
  }
  return [message?.trim(), fieldErrors].filter(Boolean).join(": ");
}

/**
 * RFC 7807 `errors`: {"templateId": ["is required"]} -> "templateId: is required"; ""
 * when there are none to show; undefined when `errors` is not such an object of short texts.
 */
function fieldErrorsOf(errors: unknown): string | undefined {
  if (errors === undefined || errors === null) return "";
  if (typeof errors !== "object") return "";
  if (Array.isArray(errors)) return undefined;
  const parts: string[] = [];
  for (const [field, list] of Object.entries(errors as Record<string, unknown>)) {
    if (!FIELD_NAME.test(field)) return undefined;
    const items = Array.isArray(list) ? list : [list];
    if (items.some((item) => item !== null && typeof item === "object")) return undefined;
    const messages = items.filter((item): item is string => typeof item === "string");
    if (!messages.every(isShortText)) return undefined;
    if (messages.length > 0) parts.push(`${field}: ${messages.join(", ")}`);
  }
  return parts.join("; ");
}

/** Characters of a text quoted as an error message. */
export const SHORT_TEXT_CHARS = 200;

/**
 * What error messages look like and a record of a delimited file does not: one line of at
 * most SHORT_TEXT_CHARS characters, no e-mail address, and fewer than two of any field
 * delimiter (`;`, tab, `|`, or a comma followed by no space, as in "a,b"): two delimiters
 * make the three fields of a timesheet row's smallest shape.
 */
export function isShortText(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length > SHORT_TEXT_CHARS || /[\r\n\u2028\u2029]/.test(trimmed)) return false;
  if (/[^\s@<>"]+@[^\s@<>"]+\.[A-Za-z]{2,}/.test(trimmed)) return false;
  for (const delimiter of [/;/g, /\t/g, /\|/g, /,(?! )/g]) {
    if ((trimmed.match(delimiter)?.length ?? 0) >= 2) return false;
  }
  return true;
}

/** A page, not a CSV whose first cell holds markup: markup at the very start, and HTML's. */
export function isHtmlPage(trimmed: string): boolean {
  return (
    trimmed.startsWith("<") &&
    /<(!doctype\s+html|html|head|body|title)[\s>/]/i.test(trimmed.slice(0, 1024))
  );
}
