/** The shape of a JSON value: known keys and value types, never the values themselves. */
export type Shape = string | Shape[] | { [key: string]: Shape };

/**
 * Keys written by name, in any letter case: those of what this tool sends and of what
 * Lucca answers (report and template objects, envelopes, error shapes). Any other key is
 * chosen by the server and may be anything, a person's name or the key included: it is
 * counted, with its value's type, never named.
 */
const KNOWN_KEYS = new Set(
  [
    // Reports, templates and their columns and filters.
    "id",
    "templateId",
    "status",
    "name",
    "startsOn",
    "endsOn",
    "filters",
    "kind",
    "values",
    "columns",
    "blueprintId",
    "description",
    "category",
    "isRequired",
    "isPeriodic",
    "isDefault",
    "createdAt",
    "createdOn",
    "format",
    // Envelopes of Lucca's REST framework.
    "header",
    "data",
    "items",
    "generated",
    "principal",
    "count",
    // Error shapes.
    "Message",
    "message",
    "StackTrace",
    "error",
    "title",
    "detail",
    "type",
    "instance",
    "errors",
    "code",
    "traceId",
  ].map((key) => key.toLowerCase()),
);
/** Where the keys a trace does not name are counted. */
export const OTHER_KEYS = "…";
const MAX_DEPTH = 8;

export function shapeOf(value: unknown, depth = 0): Shape {
  if (value === null) return "null";
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return "array";
    return value.length === 0 ? [] : [shapeOf(value[0], depth + 1)];
  }
  if (typeof value === "object") {
    if (depth >= MAX_DEPTH) return "object";
    const shape: Record<string, Shape> = {};
    const others = new Set<string>();
    let otherCount = 0;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (KNOWN_KEYS.has(key.toLowerCase())) {
        shape[key] = shapeOf(item, depth + 1);
      } else {
        otherCount++;
        others.add(typeName(item));
      }
    }
    if (otherCount > 0) {
      shape[OTHER_KEYS] =
        `${otherCount} other key${otherCount === 1 ? "" : "s"}: ${[...others].sort().join(", ")}`;
    }
    return shape;
  }
  return typeof value;
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Shape of a text that may be JSON; anything else is described by its length, not shown. */
export function shapeOfText(text: string): Shape {
  if (text === "") return "empty";
  try {
    return shapeOf(JSON.parse(text));
  } catch {
    return `text (${text.length} chars, not JSON)`;
  }
}
