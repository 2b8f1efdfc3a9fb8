import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runAction } from "./support/action.ts";
import { runCliHere, tempDir } from "./support/cli.ts";
import {
  type HostileServer,
  plainLucca,
  sendJson,
  startHostileServer,
} from "./support/hostile-server.ts";
import { leakedPieces } from "./support/leaks.ts";

const KEY = "hostile-key-0a1b2c3d4e5f6a7b8c9d";
const env = { LUCCA_API_KEY: KEY };
let server: HostileServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function hostile(handler: Parameters<typeof startHostileServer>[0]) {
  server = await startHostileServer(handler);
  return server;
}

const fast = ["--poll-interval", "20ms", "--max-poll-interval", "50ms", "--max-retries", "1"];
const cli = (s: HostileServer, ...more: string[]) => [
  "--domain",
  s.url,
  "--template-id",
  "42",
  "--start",
  "2026-10-01",
  "--end",
  "2026-10-31",
  ...fast,
  ...more,
];

/** A line the runner would read as a workflow command. */
const FORGED = /^\s*(::|##\[)/m;

describe("answers the tool cannot use (finding 16)", () => {
  it.each([
    ["a null status", { id: 77, status: null }],
    ["a numeric status", { id: 77, status: 3 }],
    ["a missing id", { status: "pending" }],
  ])("%s exits 6 with a clear message, not 1", async (_label, report) => {
    const s = await hostile(plainLucca(report));
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/Lucca answered with a report this tool cannot use \((id|status)/);
    expect(run.stderr).not.toMatch(/Unexpected error/);
    expect(await readdir(run.cwd)).toEqual([]);
  });
});

describe("the server never decides where the file goes (finding 2)", () => {
  const resume = (s: HostileServer) => ["--domain", s.url, "--report-id", "77", ...fast];

  it.each([
    ["../../../../tmp/x", "2026-10-01", "2026-10-31"],
    ["/../../", "2026-10-01", "2026-10-31"],
    ["42", "../../../x", "2026-10-31"],
  ])(
    "refuses templateId %j startsOn %j before any download",
    async (templateId, startsOn, endsOn) => {
      const s = await hostile(plainLucca({ id: 77, status: "done", templateId, startsOn, endsOn }));
      const run = await runCliHere(resume(s), { env });
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(/cannot use/);
      expect(s.requests.some((r) => r.path.includes("download"))).toBe(false);
      expect(await readdir(run.cwd)).toEqual([]);
    },
  );

  it("names the file from validated values when resuming", async () => {
    const s = await hostile(
      plainLucca({ id: 77, status: "done", templateId: 42, startsOn: "2026-10-01", endsOn: null }),
    );
    const run = await runCliHere([...resume(s), "--json"], { env });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).path).toBe(`${run.cwd}/reports/42_2026-10-01_default.csv`);
  });
});

const FORGERIES = [
  "77\n::set-output name=path::/etc/passwd",
  "pending\n::error title=Forged::hi",
  "::add-mask::x",
  "::stop-commands::tok",
  "pending\r\n##[error]legacy",
  "x\u2028::error title=Forged::sep",
];

/** Lines the runner would execute that this tool did not write itself. */
function forgedCommands(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .filter((line) => FORGED.test(line))
    .filter(
      (line) =>
        !/^::(group|endgroup|debug|add-mask::hostile-key|error title=Lucca(?:'|%27)s answer could not be used|error title=Lucca could not be reached)/.test(
          line,
        ),
    );
}

describe("no workflow command from the server reaches a log line (finding 1)", () => {
  const handlers = FORGERIES.flatMap((text) => [
    ["id", text, plainLucca({ id: text, status: "pending" })],
    ["status", text, plainLucca({ id: 77, status: text })],
  ]) as [string, string, Parameters<typeof startHostileServer>[0]][];

  it.each(handlers)("CLI: a hostile %s %j", async (_field, _text, handler) => {
    const s = await hostile(handler);
    const run = await runCliHere(cli(s, "--verbose"), { env });
    expect(run.code).toBe(6);
    expect(forgedCommands(run.stdout)).toEqual([]);
    expect(forgedCommands(run.stderr)).toEqual([]);
    expect(run.stderr).toMatch(/cannot use/);
  });

  it("action: hostile ids and statuses forge no command and no output", async () => {
    for (const [field, handler] of [
      ["id", plainLucca({ id: FORGERIES[0], status: "pending" })],
      ["status", plainLucca({ id: 77, status: FORGERIES[1] })],
    ] as const) {
      const s = await hostile(handler);
      const run = await runAction({
        domain: s.url,
        "api-key": KEY,
        "template-id": "42",
        "start-date": "2026-10-01",
        "end-date": "2026-10-31",
        "poll-interval": "20ms",
        "max-retries": "0",
        publish: "none",
      });
      expect(run.code, field).toBe(1);
      expect(forgedCommands(run.stdout), field).toEqual([]);
      expect(forgedCommands(run.stderr), field).toEqual([]);
      expect(run.outputs.path, field).toBeUndefined();
      expect(run.stdout).toMatch(/::error title=Lucca(?:'|%27)s answer could not be used::/);
      await s.close();
      server = undefined;
    }
  });
});

describe("the key never leaks through an error (finding 4)", () => {
  const echoes: [string, number, (key: string) => string][] = [
    [
      "a 401 whose JSON message echoes the key",
      401,
      (key) => JSON.stringify({ Message: `bad key ${key}` }),
    ],
    ["a 503 whose text has the key at the cut", 503, (key) => `${"x".repeat(290)}${key} trailing`],
    ["a 400 echoing a cut key", 400, (key) => `key: ${key.slice(0, 20)}`],
    [
      "a 500 echoing the Authorization header",
      500,
      (key) => `Authorization: lucca application=${key}\n${key.slice(4)}`,
    ],
  ];

  it.each(echoes)("CLI: %s", async (_label, status, body) => {
    const s = await hostile((_request, response) => {
      response.writeHead(status, { "content-type": "text/plain" });
      response.end(body(KEY));
    });
    const run = await runCliHere(cli(s, "--verbose"), { env });
    expect(run.code).toBe(status >= 500 ? 6 : 3);
    expect(run.stderr).toMatch(status >= 500 ? /failed after/ : /rejected/);
    expect(leakedPieces(run.stderr + run.stdout, KEY)).toEqual([]);
  });

  // Once refused by the HTTP stack, which quoted it in its error; now refused as input
  // (the client's network-error path is tested with such an error in lucca-client.test.ts).
  it("CLI: a key with a NUL byte is refused before any request", async () => {
    const key = "nul-key-abcdefgh\u0000ijklmnopqrstuvwx";
    const s = await hostile(plainLucca({ id: 1, status: "done" }));
    const run = await runCliHere(cli(s), { env: { LUCCA_API_KEY: key } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/contains a control character/);
    expect(leakedPieces(run.stderr + run.stdout, key)).toEqual([]);
    expect(s.requests).toHaveLength(0);
  });

  it("action: annotation and summary show no piece of the key", async () => {
    const s = await hostile((_request, response) => {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ Message: `${"y".repeat(285)} ${KEY}` }));
    });
    const run = await runAction({
      domain: s.url,
      "api-key": KEY,
      "template-id": "42",
      publish: "none",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error title=Lucca rejected the request::/);
    const shown = run.stdout.replace(`::add-mask::${KEY}`, "");
    expect(leakedPieces(shown + run.stderr + run.summary, KEY)).toEqual([]);
    expect(run.summary).toMatch(/Check the API key/);
  });
});

describe("bodies are read up to a cap (finding 6)", () => {
  it("an endless status body ends the run at 1 MiB, memory flat", async () => {
    let written = 0;
    let closed = false;
    const s = await hostile((request, response) => {
      if (request.method === "POST") {
        sendJson(response, 201, { id: 77, status: "pending" });
        return;
      }
      response.writeHead(200, { "content-type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      response.write('{"id": 77, "status": "pending", "name": "');
      const pump = () => {
        while (!closed && response.write(chunk)) written += chunk.length;
        if (!closed) response.once("drain", pump);
      };
      response.on("close", () => {
        closed = true;
      });
      pump();
    });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const run = await runCliHere(cli(s, "--request-timeout", "10m", "--timeout", "10m"), { env });
    const grown = process.memoryUsage().rss - before;
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/larger than 1 MiB/);
    // The client let go of the connection: the server's writes stopped.
    await expect.poll(() => closed).toBe(true);
    expect(grown).toBeLessThan(256 * 1024 * 1024);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it("an endless error body is read to 64 KiB and described, not quoted", async () => {
    let closed = false;
    const s = await hostile((_request, response) => {
      response.writeHead(400, { "content-type": "text/plain" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      const pump = () => {
        while (!closed && response.write(chunk)) {}
        if (!closed) response.once("drain", pump);
      };
      response.on("close", () => {
        closed = true;
      });
      pump();
    });
    const run = await runCliHere(cli(s, "--request-timeout", "10m"), { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/text\/plain, more than 65536 bytes, first bytes (61 ){7}61\)/);
    expect(run.stderr).not.toMatch(/aaaa/);
    await expect.poll(() => closed).toBe(true);
  });
});

describe("nothing that is not the report replaces a report (finding 5)", () => {
  const GOOD = "Name;Hours\nAda;7,5\n";
  const served =
    (type: string, body: Buffer | string): Parameters<typeof startHostileServer>[0] =>
    (request, response) => {
      if (request.path.includes("/download-")) {
        response.writeHead(200, { "content-type": type });
        response.end(body);
        return;
      }
      sendJson(response, request.method === "POST" ? 201 : 200, { id: 77, status: "done" });
    };

  it.each([
    [
      "a login page",
      "text/html; charset=utf-8",
      "<!DOCTYPE html><html><body>Sign in</body></html>",
    ],
    ["a page labelled CSV", "text/csv", "\ufeff \n <HTML><head><title>Login</title>"],
    ["a JSON error", "application/json", '{"error":"Report not ready"}'],
    ["JSON labelled CSV", "text/csv", '{"Status":500,"Message":"boom"}'],
    ["a problem+json error", "application/problem+json", "Name;Hours\n"],
    ["an empty body", "text/csv", ""],
  ])(
    "%s over an existing good file: refused, retried, file untouched",
    async (_label, type, body) => {
      const s = await hostile(served(type, body));
      const cwd = await tempDir();
      await mkdir(join(cwd, "out"));
      await writeFile(join(cwd, "out/report.csv"), GOOD);
      const run = await runCliHere(cli(s, "--output", "out/report.csv"), { env, cwd });
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(
        /Lucca sent (an HTML page|JSON|an empty file).* instead of the CSV report/,
      );
      expect(await readFile(join(cwd, "out/report.csv"), "utf8")).toBe(GOOD);
      expect(await readdir(join(cwd, "out"))).toEqual(["report.csv"]);
      // Retried like a transient failure: --max-retries 1 means two downloads.
      expect(s.requests.filter((r) => r.path.includes("/download-"))).toHaveLength(2);
    },
  );

  it.each([
    ["xlsx", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])],
    ["xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 9])],
  ])("Excel: the first bytes make it .%s whatever the headers say", async (extension, bytes) => {
    const s = await hostile(served("application/vnd.ms-excel", bytes));
    const run = await runCliHere(cli(s, "--format", "excel", "--json"), { env });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).path).toBe(
      join(run.cwd, `reports/42_2026-10-01_2026-10-31.${extension}`),
    );
  });

  it("Excel: anything else is refused and no file is created", async () => {
    const s = await hostile(served("application/octet-stream", "<html>login</html>"));
    const run = await runCliHere(cli(s, "--format", "excel"), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/neither \.xlsx nor \.xls/);
    expect(await readdir(run.cwd)).toEqual([]);
  });
});

describe("a Retry-After of years ends the run at once (finding 9)", () => {
  it.each([
    ["ten years in seconds", "315360000"],
    ["a date in 2099", "Thu, 01 Jan 2099 00:00:00 GMT"],
  ])("%s", async (_label, retryAfter) => {
    const s = await hostile((_request, response) => {
      response.writeHead(503, { "retry-after": retryAfter, "content-type": "text/plain" });
      response.end("maintenance");
    });
    const run = await runCliHere(cli(s, "--max-retries", "5", "--timeout", "15m"), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(
      /answered 503 with Retry-After: \d+h \d\dm, which reaches past the overall deadline/,
    );
    expect(s.requests).toHaveLength(1);
  });
});

describe("redirect policy (finding 13)", () => {
  let other: HostileServer | undefined;
  afterEach(async () => {
    await other?.close();
    other = undefined;
  });
  const INTERNAL = "internal-service-secret-content";

  it("a status call redirected to another origin is not followed: exit 3, key hint", async () => {
    other = await startHostileServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ id: 77, status: "done", note: INTERNAL }));
    });
    const target = other.url;
    const s = await hostile((request, response) => {
      if (request.method === "POST") return sendJson(response, 201, { id: 77, status: "pending" });
      response.writeHead(302, { location: `${target}/login?next=/reports/77` });
      response.end(INTERNAL);
    });
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /redirected \(302\) to another origin, http:\/\/127\.0\.0\.1:\d+; API calls are not followed/,
    );
    expect(run.stderr).toMatch(/Check the API key/);
    expect(run.stderr).not.toContain(INTERNAL);
    expect(other.requests).toHaveLength(0);
  });

  it("a JSON call sent to a sign-in page on the same origin is an authentication problem", async () => {
    const s = await hostile((request, response) => {
      if (request.path.startsWith("/login")) {
        response.writeHead(200, { "content-type": "text/html" });
        response.end("<html><form>Sign in</form></html>");
        return;
      }
      response.writeHead(302, { location: "/login?ReturnUrl=%2Fapi" });
      response.end();
    });
    const run = await runCliHere(["--domain", s.url, "--report-id", "77", ...fast], { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/redirected to a web page \(\/login\)/);
    expect(run.stderr).toMatch(/Check the API key/);
    // Not retried: one status call and the page it was sent to.
    expect(s.requests).toHaveLength(2);
  });

  it.each([301, 302, 303])("a POST answered %i is never sent again", async (status) => {
    const s = await hostile((_request, response) => {
      response.writeHead(status, { location: "/timmi-timesheet/api/reports-elsewhere" });
      response.end();
    });
    const run = await runCliHere(cli(s), { env });
    // Followed with GETs (as HTTP says) until the redirect limit; then the call ends
    // instead of being retried, since a retry would send the POST again.
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(new RegExp(`was answered ${status} .*Not retried`));
    expect(s.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(s.requests.slice(1).every((r) => r.method === "GET" && r.body === "")).toBe(true);
  });

  it("a POST answered 303 to another origin is not followed", async () => {
    const s = await hostile((_request, response) => {
      response.writeHead(303, { location: "http://127.0.0.2:9/timmi-timesheet/api/reports/1" });
      response.end();
    });
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/another origin/);
    expect(s.requests).toHaveLength(1);
  });

  it("a POST answered 307 on the same origin is sent again as the same POST", async () => {
    const s = await hostile((request, response) => {
      if (request.method === "POST" && request.path === "/timmi-timesheet/api/reports") {
        response.writeHead(307, { location: "/timmi-timesheet/api/reports-v2" });
        response.end();
        return;
      }
      plainLucca({ id: 77, status: "done" })(request, response, 0);
    });
    const run = await runCliHere(cli(s), { env });
    expect(run.code, run.stderr).toBe(0);
    const posts = s.requests.filter((r) => r.method === "POST");
    expect(posts.map((r) => r.path)).toEqual([
      "/timmi-timesheet/api/reports",
      "/timmi-timesheet/api/reports-v2",
    ]);
    expect(posts[1]?.body).toBe(posts[0]?.body);
  });

  it.each([
    ["data:", "data:text/csv,a;b%0A1;2"],
    ["file:", "file:///etc/passwd"],
  ])("a download redirected to %s is refused and nothing is written", async (_label, location) => {
    const s = await hostile((request, response) => {
      if (request.path.includes("/download-")) {
        response.writeHead(302, { location });
        response.end();
        return;
      }
      sendJson(response, request.method === "POST" ? 201 : 200, { id: 77, status: "done" });
    });
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/was redirected \(302\) to a (data|file): URL; not followed/);
    expect(await readdir(run.cwd)).toEqual([]);
  });

  it("a download may go to another origin, without the key, and its error body is not echoed", async () => {
    other = await startHostileServer((_request, response) => {
      response.writeHead(500, { "content-type": "text/plain" });
      response.end(INTERNAL);
    });
    const target = other.url;
    const s = await hostile((request, response) => {
      if (request.path.includes("/download-")) {
        response.writeHead(302, { location: `${target}/blob?sig=1` });
        response.end();
        return;
      }
      sendJson(response, request.method === "POST" ? 201 : 200, { id: 77, status: "done" });
    });
    const run = await runCliHere(cli(s), { env });
    expect(run.code).toBe(6);
    expect(run.stderr).toMatch(/answered 500/);
    expect(run.stderr).not.toContain(INTERNAL);
    expect(other.requests.length).toBeGreaterThan(0);
    expect(other.requests.every((r) => r.headers.authorization === undefined)).toBe(true);
  });
});
