import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCliArgs, UsageError } from "./cli-args.ts";

describe("parseCliArgs", () => {
  it("maps flags to simulator options", () => {
    expect(
      parseCliArgs([
        "--port=8080",
        "--generation-ms",
        "50",
        "--rows",
        "10",
        "--culture",
        "en",
        "--outcomes",
        "done,error",
        "--rate-limit",
        "0",
        "--wrap-json",
        "--string-ids",
        "--redirect-download",
      ]),
    ).toEqual({
      help: false,
      log: false,
      options: {
        port: 8080,
        generationMs: 50,
        rows: 10,
        culture: "en",
        outcomes: ["done", "error"],
        rateLimit: false,
        wrapJson: true,
        stringIds: true,
        redirectDownload: true,
      },
    });
    expect(parseCliArgs(["--rate-limit", "5"])).toMatchObject({
      options: { rateLimit: { requests: 5, windowMs: 60_000 } },
    });
    expect(parseCliArgs([])).toEqual({ help: false, log: false, options: {} });
  });

  it("maps the API variant flags", () => {
    const command = parseCliArgs([
      "--envelope=header",
      "--status-endpoint=405",
      "--pending-download=409",
      "--failure-word=failed",
      "--error-shape=problem",
      "--login-redirect",
      "--create-redirect=303",
      "--no-retry-after",
      "--rate-limit-headers",
      "--excel-file=xlsx",
      "--bare-file-headers",
      "--csv-encoding=utf-16be",
    ]);
    expect(command.help ? undefined : command.options).toEqual({
      envelope: "header",
      statusEndpoint: 405,
      pendingDownloadStatus: 409,
      failureWord: "failed",
      errorShape: "problem",
      loginRedirect: true,
      createRedirect: 303,
      retryAfterHeader: false,
      rateLimitHeaders: true,
      excelFile: "xlsx",
      fileHeaders: "bare",
      csvEncoding: "utf-16be",
    });
  });

  it.each([
    [["--port", "http"], /--port/],
    [["--culture", "de"], /--culture/],
    [["--outcomes", "done,maybe"], /maybe/],
    [["--nope"], /nope/],
    [["--envelope", "soap"], /--envelope/],
    [["--status-endpoint", "500"], /--status-endpoint/],
    [["--csv-encoding", "latin9"], /--csv-encoding/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});

describe("simulator/main.ts", () => {
  it("prints where it listens, serves, and exits 0 on SIGTERM", async () => {
    const main = fileURLToPath(new URL("./main.ts", import.meta.url));
    const child = spawn(process.execPath, [main, "--port", "0", "--generation-ms", "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.setEncoding("utf8");
    while (!stdout.includes("Try:")) {
      const [chunk] = await once(child.stdout, "data");
      stdout += chunk;
    }
    const url = /^Lucca simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(stdout)?.[1];
    expect(url).toBeDefined();
    expect(stdout).toMatch(/^API key: demo-key-0000$/m);
    const res = await fetch(`${url}/timmi-timesheet/api/reports`, {
      method: "POST",
      headers: { Authorization: "lucca application=demo-key-0000" },
      body: JSON.stringify({ templateId: "42" }),
    });
    expect(res.status).toBe(201);
    child.kill("SIGTERM");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
  });
});
