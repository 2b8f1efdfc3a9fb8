import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { csvByteLength, csvChunks } from "./csv.ts";
import { type Exchange, sendError, sleep } from "./exchange.ts";
import { csvBuffer, csvOptionsFor } from "./files.ts";
import { handleLucca } from "./lucca.ts";
import {
  DEFAULTS,
  type RecordedRequest,
  resolveOptions,
  type SimulatedReport,
  type SimulatorOptions,
} from "./options.ts";
import { createState, type SimulatorState } from "./state.ts";
import { handleStorage } from "./storage.ts";

export type { RecordedRequest, SimulatedReport, SimulatorOptions } from "./options.ts";

export interface Simulator {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** The other origin that redirected downloads point to. */
  storageUrl: string;
  readonly apiKey: string;
  /** Every request to either origin, in order of arrival. */
  requests: RecordedRequest[];
  /** By String(id). */
  reports: Map<string, SimulatedReport>;
  /** Live: changes apply to later requests. */
  options: SimulatorOptions;
  /** Changes options and restarts the fault counters it touches. */
  set(options: Partial<SimulatorOptions>): void;
  /** The exact bytes a complete download of that report yields, with the current options. */
  expectedCsv(reportId: string | number): AsyncIterable<Uint8Array>;
  /** The byte length of expectedCsv(reportId). */
  expectedCsvLength(reportId: string | number): number;
  /** Closes both servers and destroys open connections. */
  close(): Promise<void>;
}

type Origin = RecordedRequest["origin"];

function withDefaults(options: SimulatorOptions): SimulatorOptions {
  const live: SimulatorOptions = structuredClone({ ...DEFAULTS });
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(live, { [key]: value });
  }
  return live;
}

async function serve(
  state: SimulatorState,
  origin: Origin,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const settings = resolveOptions(state.options);
  const target = req.url ?? "/";
  let url: URL;
  try {
    url = new URL(target, "http://127.0.0.1");
  } catch {
    url = new URL("http://127.0.0.1/");
  }
  const record: RecordedRequest = {
    method: req.method ?? "GET",
    path: url.pathname,
    url: target,
    status: 0,
    authorization: req.headers.authorization,
    headers: { ...req.headers },
    at: settings.now(),
    origin,
  };
  state.requests.push(record);
  // A client that goes away mid-response is part of the game, not an error.
  res.on("error", () => {});
  res.on("close", () => settings.onRequest?.(record));
  const ex: Exchange = { req, res, url, record, settings };
  const signal = state.closing.signal;
  try {
    const timeout = settings.requestTimeoutMs;
    if (timeout !== undefined && settings.slowMs >= timeout) {
      if (await sleep(timeout, signal)) {
        sendError(ex, 408, `The request took longer than ${timeout} ms`);
      }
      return;
    }
    if (!(await sleep(settings.slowMs, signal))) return;
    await (origin === "lucca" ? handleLucca(ex, state) : handleStorage(ex, state));
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else {
      sendError(ex, 500, `Simulator error: ${error instanceof Error ? error.message : error}`);
    }
  }
}

function listen(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const state = createState(withDefaults(options));
  const lucca = createServer((req, res) => void serve(state, "lucca", req, res));
  const storage = createServer((req, res) => void serve(state, "storage", req, res));
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      state.closing.abort();
      await Promise.all([closeServer(lucca), closeServer(storage)]);
    })();
    return closing;
  };
  try {
    const url = await listen(lucca, options.port ?? 0);
    state.storageUrl = await listen(storage, 0);
    return createHandle(state, url, close);
  } catch (error) {
    await close();
    throw error;
  }
}

function createHandle(state: SimulatorState, url: string, close: () => Promise<void>): Simulator {
  const find = (reportId: string | number) => {
    const found = state.reports.get(String(reportId));
    if (!found) throw new Error(`Cannot produce the CSV of report ${reportId}: no such report`);
    return found;
  };
  const report = (reportId: string | number) =>
    csvOptionsFor(find(reportId), resolveOptions(state.options));
  const wholeCsv = (reportId: string | number) =>
    csvBuffer(find(reportId), resolveOptions(state.options));
  return {
    url,
    storageUrl: state.storageUrl,
    get apiKey() {
      return state.options.apiKey ?? DEFAULTS.apiKey;
    },
    requests: state.requests,
    reports: state.reports,
    options: state.options,
    set(changes) {
      Object.assign(state.options, changes);
      if ("resetDownloads" in changes) state.resetsUsed = 0;
      if ("truncateDownloads" in changes) state.truncationsUsed = 0;
      if ("badDownloads" in changes) state.badDownloadsUsed = 0;
      if ("failures" in changes) state.failuresUsed = new WeakMap();
      if ("rateLimit" in changes) state.limiter.reset();
    },
    expectedCsv(reportId) {
      const csv = report(reportId);
      const whole = wholeCsv(reportId);
      return (async function* () {
        if (whole !== undefined) yield whole;
        else yield* csvChunks(csv);
      })();
    },
    expectedCsvLength: (reportId) => wholeCsv(reportId)?.length ?? csvByteLength(report(reportId)),
    close,
  };
}
