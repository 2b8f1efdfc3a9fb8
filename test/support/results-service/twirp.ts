import type { IncomingMessage, ServerResponse } from "node:http";
import type { RuntimeIdentity } from "./token.ts";

/** Twirp's error codes and the HTTP status each maps to (twirp spec v7). */
const STATUS_BY_CODE = {
  canceled: 408,
  unknown: 500,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
} as const;

export type TwirpCode = keyof typeof STATUS_BY_CODE;

/** The Twirp code a server would send with `status` (the first code that maps to it). */
export function codeForStatus(status: number): TwirpCode {
  const found = Object.entries(STATUS_BY_CODE).find(([, s]) => s === status);
  return found ? (found[0] as TwirpCode) : status >= 500 ? "internal" : "unknown";
}

export class TwirpError extends Error {
  readonly code: TwirpCode;

  constructor(code: TwirpCode, message: string) {
    super(message);
    this.name = "TwirpError";
    this.code = code;
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export type JsonObject = Record<string, unknown>;

/** One Twirp method: the parsed request and the caller's token identity in, the response out. */
export type Handler = (body: JsonObject, caller: RuntimeIdentity) => Promise<JsonObject>;

/**
 * Protobuf JSON parsers must accept both the proto field name and its lowerCamelCase JSON
 * name; the generated clients send proto names (`useProtoFieldName: true`).
 */
function field(body: JsonObject, protoName: string): unknown {
  if (protoName in body) return body[protoName];
  const jsonName = protoName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return body[jsonName];
}

/** A string field; wrappers (google.protobuf.StringValue) are bare strings in JSON. */
export function stringField(body: JsonObject, name: string): string | undefined {
  const value = field(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") {
    throw new TwirpError(
      "malformed",
      `Cannot read ${name} as a string: current value is ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function requiredString(body: JsonObject, name: string): string {
  const value = stringField(body, name);
  if (!value) throw new TwirpError("invalid_argument", `${name} is required`);
  return value;
}

/** int64 (and Int64Value) are decimal strings in protobuf JSON; numbers are accepted too. */
export function int64Field(body: JsonObject, name: string): number | undefined {
  const value = field(body, name);
  if (value === undefined || value === null) return undefined;
  const n = typeof value === "string" && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== "number" || !Number.isSafeInteger(n)) {
    throw new TwirpError(
      "malformed",
      `Cannot read ${name} as an int64: current value is ${JSON.stringify(value)}`,
    );
  }
  return n;
}

export function int32Field(body: JsonObject, name: string): number | undefined {
  return int64Field(body, name);
}

/** google.protobuf.Timestamp is an RFC 3339 string in JSON. */
export function timestampField(body: JsonObject, name: string): Date | undefined {
  const value = stringField(body, name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new TwirpError(
      "malformed",
      `Cannot read ${name} as a timestamp: current value is ${value}`,
    );
  }
  return date;
}

export function stringListField(body: JsonObject, name: string): string[] {
  const value = field(body, name);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new TwirpError(
      "malformed",
      `Cannot read ${name} as a list of strings: current value is ${JSON.stringify(value)}`,
    );
  }
  return value as string[];
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendTwirpError(res: ServerResponse, error: TwirpError): void {
  sendJson(res, error.status, { code: error.code, msg: error.message });
}
