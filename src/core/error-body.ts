/**
 * The message an error body carries, whichever shape Lucca uses: the older
 * {"Status","Message"} (and the SDK's "StackTrace", never shown), the REST framework's
 * {"id","error"} or raw text labelled application/json, RFC 7807 with `title` and
 * `errors{field: [...]}` (each field error shown), or an empty body.
 */
export function messageOfErrorBody(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "") return "empty body";
  if (/^<(!doctype|html)/i.test(trimmed)) {
    const title = (/<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? "").trim();
    return title ? `an HTML page titled "${title}"` : "an HTML page";
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    // Not JSON, whatever the Content-Type said: `parsed` stays undefined, and the text is
    // shown as is below.
  }
  if (typeof parsed === "string") return parsed;
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return trimmed;
  const fields = parsed as Record<string, unknown>;
  const message = [fields.Message, fields.message, fields.detail, fields.error, fields.title].find(
    (value): value is string => typeof value === "string" && value.trim() !== "",
  );
  const fieldErrors = fieldErrorsOf(fields.errors);
  if (message === undefined && fieldErrors === "") {
    // Nothing meant for people (perhaps only a stack trace): name the keys, not the values.
    return `JSON without a message (keys: ${Object.keys(fields).slice(0, 10).join(", ")})`;
  }
  return [message, fieldErrors].filter(Boolean).join(": ");
}

/** RFC 7807 `errors`: {"templateId": ["is required"]} -> "templateId: is required". */
function fieldErrorsOf(errors: unknown): string {
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return "";
  const parts: string[] = [];
  for (const [field, list] of Object.entries(errors as Record<string, unknown>)) {
    const messages = (Array.isArray(list) ? list : [list]).filter(
      (item): item is string => typeof item === "string",
    );
    if (messages.length > 0) parts.push(`${field}: ${messages.join(", ")}`);
  }
  return parts.join("; ");
}
