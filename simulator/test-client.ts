import { connect } from "node:net";
import type { Simulator } from "./server.ts";

/** Small fetch helpers for the simulator's own tests. */
export function luccaClient(sim: Simulator, key = sim.apiKey) {
  const headers = { Authorization: `lucca application=${key}`, Accept: "application/json" };
  const api = `${sim.url}/timmi-timesheet/api`;
  return {
    headers,
    create: (body: unknown = { templateId: "42", startsOn: null, endsOn: null, filters: null }) =>
      fetch(`${api}/reports`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    status: (id: string | number) => fetch(`${api}/reports/${id}`, { headers }),
    download: (id: string | number, format: "csv" | "excel" = "csv", init: RequestInit = {}) =>
      fetch(`${api}/reports/${id}/download-${format}`, { headers, ...init }),
  };
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

/**
 * A GET over a raw socket, read until the server closes: shows exactly what was sent, even
 * when the body is shorter than its Content-Length (which fetch turns into an error).
 */
export function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Map<string, string>; body: Buffer; error?: Error }> {
  const target = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(target.port), target.hostname);
    const parts: Buffer[] = [];
    let error: Error | undefined;
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(
      `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n${lines.join("")}Connection: close\r\n\r\n`,
    );
    socket.on("data", (part) => parts.push(part));
    socket.on("error", (cause) => {
      error = cause;
    });
    socket.on("close", () => {
      const all = Buffer.concat(parts);
      const end = all.indexOf("\r\n\r\n");
      const [statusLine = "", ...fields] = all.subarray(0, end).toString("latin1").split("\r\n");
      const parsed = new Map<string, string>();
      for (const field of fields) {
        const colon = field.indexOf(":");
        parsed.set(field.slice(0, colon).toLowerCase(), field.slice(colon + 1).trim());
      }
      resolve({
        status: Number(statusLine.split(" ")[1]),
        headers: parsed,
        body: all.subarray(end + 4),
        error,
      });
    });
  });
}
