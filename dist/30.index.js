export const id = 30;
export const ids = [30];
export const modules = {

/***/ 82792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  doctorStep: () => (/* binding */ doctorStep)
});

// UNUSED EXPORTS: renderDoctorSummary

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(33838);
// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(16706);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(83712);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./src/core/doctor-checklist.ts
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
/** The profile as a checklist a person reads top to bottom: the first failure says where. */
function doctorChecklist(profile, failure) {
    const steps = [];
    const step = (name, state, detail) => steps.push({ name, state, detail });
    step("API key", profile.keyAccepted === null ? "not reached" : profile.keyAccepted ? "ok" : "failed", profile.keyAccepted === false
        ? "Lucca answered 401 (or sent a login page): the key is not accepted"
        : profile.keyAccepted
            ? "accepted"
            : "no answer from Lucca");
    const create = profile.create;
    step("Template and report creation", profile.templateReachable === null
        ? create
            ? "failed"
            : "not reached"
        : profile.templateReachable
            ? "ok"
            : "failed", create
        ? `POST answered ${create.status}; envelope ${create.envelope}; id ${create.idType ?? "not seen"}`
        : "no report created");
    const range = profile.rangeSent;
    if (range) {
        step("Range sent", "info", `startsOn ${range.startsOn ?? "null"}, endsOn ${range.endsOn ?? "null"} (end date ${range.convention})`);
    }
    const path = profile.statusPath;
    step("Status", profile.statusSignal === null ? (path ? "failed" : "not reached") : "ok", [
        path ? `${path.path} answered ${path.statuses.join(", ")}` : "status endpoint not called",
        profile.statusSignal === "download"
            ? "the download endpoint served as the status signal"
            : "",
        profile.statusWords.length > 0 ? `words seen: ${profile.statusWords.join(", ")}` : "",
    ]
        .filter(Boolean)
        .join("; "));
    step("Generation", profile.timeToDoneMs === null ? (failure ? "failed" : "not reached") : "ok", profile.timeToDoneMs === null
        ? "the report was not seen done"
        : `done after ${seconds(profile.timeToDoneMs)} (${count(profile.statusChecks, "status check")})`);
    const download = profile.download;
    step("Download", download === null
        ? "not reached"
        : download.status >= 200 && download.status < 300 && !failure
            ? "ok"
            : "failed", download
        ? [
            `answered ${download.status}`,
            `redirect: ${download.redirect}`,
            `Content-Type: ${download.contentType ?? "none"}`,
            `Content-Disposition: ${download.contentDisposition ?? "none"}`,
            `Content-Length: ${download.contentLength ? "sent" : "not sent"}`,
            download.refusals.length > 0 ? `refused before: ${download.refusals.join(", ")}` : "",
        ]
            .filter(Boolean)
            .join("; ")
        : "not attempted");
    const file = profile.file;
    if (file) {
        step("File", "ok", [
            `encoding ${file.encoding}${file.bom ? " with BOM" : ""}`,
            `delimiter ${file.delimiter === null ? "not found" : JSON.stringify(file.delimiter)}`,
            `line ends ${file.lineEnding ?? "none"}`,
            `decimal separator ${file.decimalSeparator === null ? "not seen" : JSON.stringify(file.decimalSeparator)}`,
            count(file.columns, "column"),
        ].join("; "));
    }
    step("Rate limit", "info", [
        profile.rateLimitHeaders.length > 0
            ? `headers: ${profile.rateLimitHeaders.join(", ")}`
            : "no rate-limit headers seen",
        profile.throttled > 0
            ? `${count(profile.throttled, "answer")} 429, Retry-After ${profile.retryAfterSeen ? "sent" : "not sent"}`
            : "",
        `${count(profile.requests, "request")} in all`,
    ]
        .filter(Boolean)
        .join("; "));
    if (failure)
        step("Result", "failed", failure.message);
    return oneCauseOneFailure(steps, profile);
}
/**
 * A refused key stops everything after it: the steps that would read as failed did not run,
 * so one cause shows one ✘ (and the Result saying why).
 */
function oneCauseOneFailure(steps, profile) {
    if (profile.keyAccepted !== false)
        return steps;
    return steps.map((step, index) => index > 0 && step.state === "failed" && step.name !== "Result"
        ? { ...step, state: "not reached", detail: `stopped by the refused key (${step.detail})` }
        : step);
}
/** "1 request", "3 requests". */
function count(n, noun) {
    return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

// EXTERNAL MODULE: ./src/core/header-shape.ts
var header_shape = __webpack_require__(24698);
;// CONCATENATED MODULE: ./src/core/doctor-profile.ts

const REPORTS = /\/timmi-timesheet\/api\/reports$/;
const STATUS = /\/timmi-timesheet\/api\/reports\/[^/]+$/;
const DOWNLOAD = /\/timmi-timesheet\/api\/reports\/[^/]+\/download-(csv|excel)$/;
const FALLBACK_WARNING = /using the download endpoint as the status signal/;
/** X-RateLimit-*, RateLimit-*, X-Rate-Limit-*; Retry-After is counted apart. */
const RATE_HEADER = /rate-?limit/i;
/** Builds the profile from a trace of the run, its events and its result (or failure). */
function buildDoctorProfile(input) {
    const { records, events } = input;
    const creates = records.filter((r) => r.method === "POST" && REPORTS.test(r.path));
    const createOk = creates.find((r) => r.status >= 200 && r.status < 400);
    const lastCreate = createOk ?? creates.at(-1);
    const statusReads = records.filter((r) => r.method === "GET" && STATUS.test(r.path));
    const downloads = records.filter((r) => DOWNLOAD.test(r.path));
    const lucca = records.find((r) => REPORTS.test(r.path) || STATUS.test(r.path))?.origin;
    // A JSON call sent to a sign-in page is how an SSO front refuses a key.
    const signInRedirect = input.failure?.exitCode === 3 &&
        records.some((r) => r.status >= 300 && r.status < 400 && (REPORTS.test(r.path) || STATUS.test(r.path)));
    const anyAuthFailure = signInRedirect || records.some((r) => r.origin === lucca && r.status === 401);
    // Read only when no 401 came from Lucca, so any answer of its origin is one the key passed.
    const anyAnswer = records.some((r) => r.origin === lucca && r.status > 0);
    const done = events.find((e) => e.type === "status" && e.status === "done");
    // Words Lucca sent; after the fallback, "pending"/"done" are the tool's own reading.
    const words = new Set();
    let fallback = false;
    for (const event of events) {
        if (event.type === "warning" && FALLBACK_WARNING.test(event.message))
            fallback = true;
        if (event.type === "status" && !fallback)
            words.add(event.status);
    }
    const headerNames = new Set();
    let retryAfterSeen = false;
    for (const record of records) {
        for (const name of Object.keys(record.responseHeaders ?? {})) {
            if (name === "retry-after")
                retryAfterSeen = true;
            else if (RATE_HEADER.test(name))
                headerNames.add(name);
        }
    }
    return {
        keyAccepted: anyAuthFailure ? false : anyAnswer ? true : null,
        templateReachable: createOk !== undefined
            ? true
            : creates.some((r) => r.status === 404 || r.status === 403)
                ? false
                : null,
        create: lastCreate
            ? {
                status: lastCreate.status,
                envelope: envelopeOf(lastCreate.responseBody),
                idType: idTypeOf(lastCreate.responseBody),
            }
            : null,
        statusPath: statusReads.length > 0
            ? {
                path: "GET /timmi-timesheet/api/reports/{id}",
                statuses: [...new Set(statusReads.map((r) => r.status))],
            }
            : null,
        statusSignal: fallback
            ? "download"
            : statusReads.some((r) => r.status === 200)
                ? "status endpoint"
                : null,
        statusWords: [...words],
        timeToDoneMs: done ? done.elapsedMs : null,
        statusChecks: input.result?.polls ?? statusReads.length,
        download: downloadFacts(downloads, records),
        file: input.result && input.result.format === "csv" ? fileFacts(input.result.stats) : null,
        rangeSent: input.result?.rangeSent ?? sentFromEvents(events),
        rateLimitHeaders: [...headerNames].sort(),
        throttled: records.filter((r) => r.status === 429).length,
        retryAfterSeen,
        requests: records.length,
    };
}
function unwrap(shape) {
    if (Array.isArray(shape))
        return shape[0];
    if (shape && typeof shape === "object") {
        const data = shape.data;
        if (data && typeof data === "object" && !Array.isArray(data) && Array.isArray(data.items)) {
            return data.items[0];
        }
        if (data !== undefined)
            return data;
    }
    return shape;
}
/** bare, data, header+data, items (a one-item collection), array, or what the body was. */
function envelopeOf(shape) {
    if (shape === undefined)
        return "unknown";
    if (typeof shape === "string")
        return shape;
    if (Array.isArray(shape))
        return "array";
    const data = shape.data;
    if (data !== undefined) {
        // Stryker disable next-line ConditionalExpression: equivalent
        // `!Array.isArray(data)` -> true: an array has no `items`.
        if (data && typeof data === "object" && !Array.isArray(data) && "items" in data)
            return "items";
        return "header" in shape ? "header+data" : "data";
    }
    return "bare";
}
function idTypeOf(shape) {
    const inner = unwrap(shape);
    if (inner && typeof inner === "object" && !Array.isArray(inner)) {
        const id = inner.id;
        return typeof id === "string" ? id : null;
    }
    return null;
}
function downloadFacts(downloads, records) {
    const last = downloads.at(-1);
    if (!last)
        return null;
    const hop = last.status >= 300 && last.status < 400 ? last : undefined;
    let redirect = "none";
    let served = last;
    if (hop) {
        const location = hop.responseHeaders?.location ?? "";
        const target = safeUrl(location, `${hop.origin}${hop.path}`);
        redirect = target && target.origin === hop.origin ? "same origin" : "other origin";
        const after = records.indexOf(hop) + 1;
        served = records[after] ?? hop;
    }
    const headers = served.responseHeaders ?? {};
    return {
        status: served.status,
        redirect,
        // The trace shapes both already; shaped again so that the profile holds whatever it is given.
        contentType: (0,header_shape/* mediaTypeOf */.c0)(headers["content-type"]),
        contentDisposition: (0,header_shape/* dispositionShape */.D9)(headers["content-disposition"]),
        contentLength: headers["content-length"] !== undefined,
        refusals: [
            ...new Set(downloads.filter((r) => r.status >= 400 && r.status < 500).map((r) => r.status)),
        ],
    };
}
function fileFacts(stats) {
    return {
        encoding: stats.encoding,
        bom: stats.bom,
        delimiter: stats.delimiter,
        lineEnding: stats.lineEnding === "\r\n" ? "CRLF" : stats.lineEnding === "\n" ? "LF" : null,
        decimalSeparator: decimalSeparator(stats.preview),
        columns: stats.columns,
        header: stats.header,
    };
}
/** The separator numbers in the preview use; only the verdict leaves, never a cell. */
function decimalSeparator(rows) {
    let comma = 0;
    let dot = 0;
    for (const row of rows) {
        for (const cell of row) {
            if (/^-?\d+,\d+$/.test(cell.trim()))
                comma++;
            else if (/^-?\d+\.\d+$/.test(cell.trim()))
                dot++;
        }
    }
    if (comma === 0 && dot === 0)
        return null;
    return comma >= dot ? "," : ".";
}
function sentFromEvents(events) {
    for (const event of events)
        if (event.type === "creating")
            return event.sent;
    return null;
}
/** Only its origin is read: the "?…" a trace leaves for a query does not change it. */
function safeUrl(location, base) {
    try {
        return new URL(location, base);
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/core/period.ts + 1 modules
var core_period = __webpack_require__(7059);
;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test. */
const VERSION = "0.1.0";

// EXTERNAL MODULE: ./src/node/run-reports.ts + 29 modules
var run_reports = __webpack_require__(72353);
// EXTERNAL MODULE: ./src/node/trace-recorder.ts + 2 modules
var trace_recorder = __webpack_require__(91031);
;// CONCATENATED MODULE: ./src/node/doctor-run.ts










/**
 * Runs the whole flow once, on yesterday in the configured time zone, into a temporary
 * directory that is removed afterwards, and reports what the tenant did. Never throws for
 * what Lucca does: a failure is part of the report.
 */
async function runDoctor(settings, env) {
    const period = (0,core_period/* resolvePeriod */.G)({
        period: "previous-day",
        timezone: env.timezone,
        now: new Date(env.now?.() ?? Date.now()),
    });
    const trace = (0,trace_recorder/* recordTrace */.d)(env.fetch, settings.apiKey, env.now);
    const events = [];
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "lucca-doctor-"));
    let result;
    let failure;
    try {
        // One report, through the same path as every run: its template (the first asked for),
        // yesterday, a default name in the temporary directory.
        const [outcome] = await (0,run_reports/* runReportsFromSettings */.Y)({
            ...settings,
            reports: [{ templateId: settings.reports[0]?.templateId, period }],
            outputPath: undefined,
        }, {
            fetch: trace.fetch,
            output: { baseDir: dir, roots: [dir], label: "the doctor's temporary directory" },
            signal: env.signal,
            now: env.now,
            previewRows: 10,
            onEvent: (_spec, event) => {
                events.push(event);
                env.onEvent?.(event);
            },
        });
        if (outcome?.status === "done")
            result = outcome.result;
        // Skipped: cancelled before it started.
        else
            throw outcome?.status === "failed" ? outcome.error : env.signal.reason;
    }
    catch (error) {
        // Cancellation is not a finding: the caller handles it as for any command.
        if (env.signal.aborted)
            throw env.signal.reason;
        failure = failureOf(error);
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    const profile = buildDoctorProfile({ records: trace.records, events, result, failure });
    return {
        ok: failure === undefined,
        exitCode: failure?.exitCode ?? 0,
        day: period.startsOn ?? "",
        checkedOn: new Date(env.now?.() ?? Date.now()).toISOString().slice(0, 10),
        environment: runtimeFacts(),
        steps: doctorChecklist(profile, failure),
        profile,
        trace,
    };
}
function failureOf(error) {
    return error instanceof errors/* LuccaReportError */.v1
        ? { exitCode: error.exitCode, message: error.message }
        : { exitCode: 1, message: error instanceof Error ? error.message : String(error) };
}
/** The tool's version, the runtime (Node or Deno) and the OS: facts, no names or paths. */
function runtimeFacts() {
    const deno = globalThis.Deno;
    const runtime = deno?.version?.deno
        ? `deno ${deno.version.deno}`
        : `node ${process.versions.node}`;
    return { version: VERSION, runtime, os: `${process.platform} ${process.arch}` };
}

;// CONCATENATED MODULE: ./src/node/doctor-text.ts

const MARK = { ok: "✔", failed: "✘", "not reached": "·", info: "i" };
/** What `doctor --json` prints and the action's summary holds: no key, no people, no CSV data. */
function doctorJson(report) {
    return {
        ok: report.ok,
        exitCode: report.exitCode,
        day: report.day,
        checkedOn: report.checkedOn,
        environment: report.environment,
        steps: report.steps,
        profile: report.profile,
    };
}
/** Where the profile to paste into an issue is, in each front end's words. */
const PROFILE_WHERE = {
    cli: "Paste the output of `lucca-report doctor --json` into an issue to tell us what your tenant does;",
    action: 'Paste the profile from this job\'s summary ("Profile to paste into an issue") into an issue to tell us what your tenant does;',
};
/** The checklist as text, for the CLI's stdout and the action's log. */
function doctorText(report, where = "cli") {
    const lines = [
        `Lucca tenant check on ${report.checkedOn} (a report for ${report.day}): ${report.ok ? "the flow works" : "the flow failed"}`,
    ];
    const file = report.profile.file;
    for (const step of report.steps) {
        lines.push(`  ${MARK[step.state]} ${step.name}: ${(0,safe_text/* logSafe */.sN)(step.detail)}`);
        if (step.name === "File" && file && file.header.length > 0) {
            lines.push(`    header: ${(0,safe_text/* logSafe */.sN)(file.header.join(file.delimiter ?? ","))}`);
        }
    }
    lines.push("", PROFILE_WHERE[where], "it holds no key, no ids of people and no CSV content beyond the header line.", "");
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/action/trace-group.ts
var trace_group = __webpack_require__(93945);
;// CONCATENATED MODULE: ./src/action/doctor-step.ts






const doctor_step_MARK = { ok: "✅", failed: "❌", "not reached": "➖", info: "ℹ️" };
/** `mode: doctor`: the checklist in the log and the job summary; fails the step when the flow does. */
async function doctorStep(inputs, fetch, signal) {
    // The checklist inside the step's log group, in the action's words.
    const report = await core/* group */.Os("Check what the Lucca tenant does (mode: doctor)", async () => {
        const checked = await runDoctor(inputs.settings, {
            fetch,
            signal,
            timezone: core/* getInput */.V4("timezone") || undefined,
        });
        for (const line of doctorText(checked, "action").split("\n"))
            if (line)
                core/* info */.pq((0,safe_text/* logSafe */.sN)(line));
        return checked;
    });
    if (inputs.trace)
        (0,trace_group/* printTrace */.B)(report.trace);
    if (inputs.summary && process.env.GITHUB_STEP_SUMMARY) {
        await core/* summary */.z.addRaw(renderDoctorSummary(report)).write();
    }
    if (!report.ok) {
        const failed = report.steps.find((step) => step.name === "Result");
        core/* error */.z3((0,safe_text/* logSafe */.sN)(failed?.detail ?? "the flow failed"), {
            title: "Lucca tenant check failed",
        });
        process.exitCode = 1;
    }
}
function renderDoctorSummary(report) {
    const lines = [
        `## ${report.ok ? "✅" : "❌"} Lucca tenant check on ${(0,markdown/* escapeCell */.kq)(report.checkedOn)}`,
        "",
        `A report for ${(0,markdown/* escapeCell */.kq)(report.day)}, made and downloaded once.`,
        "",
        "| State | Step | What the tenant did |",
        "| --- | --- | --- |",
    ];
    for (const step of report.steps) {
        lines.push(`| ${doctor_step_MARK[step.state]} | ${(0,markdown/* escapeCell */.kq)(step.name)} | ${(0,markdown/* escapeCell */.kq)(step.detail)} |`);
    }
    const file = report.profile.file;
    if (file && file.header.length > 0) {
        lines.push("", `Header line: ${(0,markdown/* codeSpan */.SS)(file.header.join(file.delimiter ?? ","))}`);
    }
    lines.push("", "<details>", "<summary>Profile to paste into an issue (no key, no ids of people, no CSV data)</summary>", "", ...jsonBlock(doctorJson(report)), "", "</details>", "");
    return lines.join("\n");
}
/** A pretty-printed JSON code block, its fence longer than any run of backticks inside. */
function jsonBlock(value) {
    const text = JSON.stringify(value, null, 2);
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
    const fence = "`".repeat(Math.max(3, longest + 1));
    return [`${fence}json`, text, fence];
}


/***/ })

};
