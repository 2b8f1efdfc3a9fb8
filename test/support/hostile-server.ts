import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type HostileHandler = (
  request: SeenRequest,
  response: ServerResponse,
  index: number,
) => void | Promise<void>;

export interface HostileServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/**
 * A server that plays a hostile or broken Lucca over real HTTP on loopback: each test
 * gives the answers, the server records what it was asked.
 */
export async function startHostileServer(handler: HostileHandler): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const seen: SeenRequest = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
      };
      requests.push(seen);
      Promise.resolve(handler(seen, res, requests.length - 1)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { "content-type": "application/json" });
  response.end(body);
}

/** A Lucca that creates report `report` and serves it done, then `csv` as the file. */
export function plainLucca(report: Record<string, unknown>, csv = "a;b\n1;2\n"): HostileHandler {
  return (request, response) => {
    if (request.path.endsWith("/download-csv")) {
      response.writeHead(200, { "content-type": "text/csv" });
      response.end(csv);
      return;
    }
    sendJson(response, request.method === "POST" ? 201 : 200, report);
  };
}
