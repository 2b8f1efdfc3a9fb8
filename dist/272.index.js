export const id = 272;
export const ids = [272];
export const modules = {

/***/ 21272:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  doctorStep: () => (/* binding */ doctorStep)
});

// UNUSED EXPORTS: renderDoctorSummary

// EXTERNAL MODULE: ../../main/node_modules/@actions/core/lib/core.js + 7 modules
var core = __webpack_require__(17864);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(14685);
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
        : `done after ${seconds(profile.timeToDoneMs)} (${profile.statusChecks} status check(s))`);
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
            `${file.columns} column(s)`,
        ].join("; "));
    }
    step("Rate limit", "info", [
        profile.rateLimitHeaders.length > 0
            ? `headers: ${profile.rateLimitHeaders.join(", ")}`
            : "no rate-limit headers seen",
        profile.throttled > 0
            ? `${profile.throttled} answer(s) 429, Retry-After ${profile.retryAfterSeen ? "sent" : "not sent"}`
            : "",
        `${profile.requests} request(s) in all`,
    ]
        .filter(Boolean)
        .join("; "));
    if (failure)
        step("Result", "failed", failure.message);
    return steps;
}

// EXTERNAL MODULE: ./src/core/header-shape.ts
var header_shape = __webpack_require__(13637);
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
var errors = __webpack_require__(92091);
// EXTERNAL MODULE: ./src/core/period.ts + 1 modules
var core_period = __webpack_require__(89049);
// EXTERNAL MODULE: ./src/node/run-job.ts + 10 modules
var run_job = __webpack_require__(25652);
// EXTERNAL MODULE: ./src/node/trace-recorder.ts + 2 modules
var trace_recorder = __webpack_require__(73416);
;// CONCATENATED MODULE: ./src/node/doctor-run.ts









/**
 * Runs the whole flow once, on yesterday in the configured time zone, into a temporary
 * directory that is removed afterwards, and reports what the tenant did. Never throws for
 * what Lucca does: a failure is part of the report.
 */
async function doctor_run_runDoctor(settings, env) {
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
        result = await (0,run_job/* runJobFromSettings */.E)({ ...settings, period, reportId: undefined, outputPath: undefined }, {
            fetch: trace.fetch,
            output: { baseDir: dir, roots: [dir], label: "the doctor's temporary directory" },
            signal: env.signal,
            now: env.now,
            previewRows: 10,
            onEvent: (event) => {
                events.push(event);
                env.onEvent?.(event);
            },
        });
    }
    catch (error) {
        // Cancellation is not a finding: the caller handles it as for any command.
        if (env.signal.aborted)
            throw error;
        failure =
            error instanceof errors/* LuccaReportError */.v1
                ? { exitCode: error.exitCode, message: error.message }
                : { exitCode: 1, message: error instanceof Error ? error.message : String(error) };
    }
    finally {
        await (0,promises_.rm)(dir, { recursive: true, force: true });
    }
    const profile = buildDoctorProfile({ records: trace.records, events, result, failure });
    return {
        ok: failure === undefined,
        exitCode: failure?.exitCode ?? 0,
        day: period.startsOn ?? "",
        steps: doctorChecklist(profile, failure),
        profile,
        trace,
    };
}

// EXTERNAL MODULE: ./src/node/settings.ts + 1 modules
var settings = __webpack_require__(98877);
// EXTERNAL MODULE: ./src/node/node-file-sink.ts + 3 modules
var node_file_sink = __webpack_require__(16879);
// EXTERNAL MODULE: ./src/node/output-target.ts
var output_target = __webpack_require__(6864);
// EXTERNAL MODULE: ./src/node/poll-history.ts
var poll_history = __webpack_require__(54265);
// EXTERNAL MODULE: ./src/node/progress-lines.ts
var progress_lines = __webpack_require__(47032);
// EXTERNAL MODULE: ./src/node/proxy-env.ts
var proxy_env = __webpack_require__(57203);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./src/cli/argv-problems.ts


/** The names of the action's inputs where the flag is called otherwise, and other habits. */
const ALIASES = {
    "start-date": "start",
    "end-date": "end",
    "output-path": "output",
    "allowed-hosts": "allow-host",
    "allowed-host": "allow-host",
    "allow-hosts": "allow-host",
    template: "template-id",
    "template-ids": "template-id",
    "api-key-path": "api-key-file",
    "key-file": "api-key-file",
};
/**
 * Every problem with the options in `argv`, worded for a person (parseArgs' own message for
 * an unknown option is long and has an unbalanced quote), with the option meant when a name
 * is close to a real one: `--domian` -> `--domain`, `--start-date` -> `--start`.
 */
function argv_problems_argvProblems(argv, options) {
    const { tokens } = parseArgs({
        args: [...argv],
        options,
        allowPositionals: true,
        strict: false,
        tokens: true,
    });
    const problems = [];
    for (const token of tokens) {
        if (token.kind !== "option")
            continue;
        const spec = options[token.name];
        if (spec === undefined) {
            const meant = token.rawName.startsWith("--") ? meantOption(token.name, options) : undefined;
            problems.push(`unknown option ${token.rawName}; ${meant === undefined ? "see --help" : `did you mean --${meant}?`}`);
        }
        else if (spec.type === "string" && token.value === undefined) {
            problems.push(`${token.rawName}: missing its value (${token.rawName} VALUE)`);
        }
        else if (spec.type === "string" && !token.inlineValue && token.value?.startsWith("-")) {
            problems.push(`${token.rawName}: missing its value (the next word, ${token.value}, is an option); a value that starts with - is written ${token.rawName}=VALUE`);
        }
        else if (spec.type === "boolean" && token.value !== undefined) {
            problems.push(`${token.rawName} takes no value; write ${token.rawName} alone`);
        }
    }
    return problems;
}
/** Known only to be refused: a key given as a flag ends up in shell history. */
const NEVER_SUGGESTED = new Set(["api-key"]);
function meantOption(name, options) {
    const names = Object.keys(options).filter((option) => !NEVER_SUGGESTED.has(option));
    const alias = ALIASES[name.toLowerCase()];
    if (alias !== undefined)
        return alias;
    // A name cut short (--temp) when only one option starts that way.
    const longer = names.filter((option) => name.length >= 3 && option.startsWith(name));
    if (longer.length === 1)
        return longer[0];
    // Two edits turn a short word into too many others (--temp into --help).
    return nearest(name, names, name.length <= 4 ? 1 : 2);
}

;// CONCATENATED MODULE: ./src/cli/args.ts




const OPTIONS = {
    domain: { type: "string" },
    "template-id": { type: "string", multiple: true },
    "api-key-file": { type: "string" },
    start: { type: "string" },
    end: { type: "string" },
    period: { type: "string" },
    timezone: { type: "string" },
    "report-id": { type: "string" },
    format: { type: "string" },
    output: { type: "string" },
    timeout: { type: "string" },
    "poll-interval": { type: "string" },
    "max-poll-interval": { type: "string" },
    "request-timeout": { type: "string" },
    "max-retries": { type: "string" },
    "generation-attempts": { type: "string" },
    "allow-host": { type: "string", multiple: true },
    "end-date-convention": { type: "string" },
    concurrency: { type: "string" },
    "requests-per-minute": { type: "string" },
    "fail-fast": { type: "boolean" },
    file: { type: "string" },
    trace: { type: "string" },
    json: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    verbose: { type: "boolean", short: "v" },
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
    "api-key": { type: "string" },
};
/** Reads argv and the environment into raw settings; validation happens in parseSettings. */
function args_parseCliArgs(argv, env) {
    const problems = argvProblems(argv, OPTIONS);
    if (problems.length > 0)
        throw new InvalidInputError(problems);
    let parsed;
    try {
        parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new InvalidInputError(`${error.message}; see --help`);
    }
    const { values, positionals } = parsed;
    if (values["api-key"] !== undefined) {
        // A key given as a flag ends up in shell history and process listings.
        throw new InvalidInputError("--api-key is not accepted: pass the key in the LUCCA_API_KEY environment variable or with --api-key-file PATH");
    }
    const topic = commandOf(positionals[0] === "help" ? positionals.slice(1) : positionals);
    let command;
    if (values.help || positionals[0] === "help" || topic === "template")
        command = "help";
    else if (values.version)
        command = "version";
    else
        command = topic;
    return {
        command,
        helpTopic: topic,
        raw: {
            domain: values.domain ?? env.LUCCA_DOMAIN,
            templateId: values["template-id"]?.join(",") ?? env.LUCCA_TEMPLATE_ID,
            apiKey: values["api-key-file"] === undefined ? env.LUCCA_API_KEY : undefined,
            start: values.start,
            end: values.end,
            period: values.period,
            timezone: values.timezone,
            reportId: values["report-id"],
            format: values.format,
            output: values.output,
            timeout: values.timeout,
            pollInterval: values["poll-interval"],
            maxPollInterval: values["max-poll-interval"],
            requestTimeout: values["request-timeout"],
            maxRetries: values["max-retries"],
            generationAttempts: values["generation-attempts"],
            allowHosts: values["allow-host"] ?? [],
            endDateConvention: values["end-date-convention"],
            concurrency: values.concurrency,
            requestsPerMinute: values["requests-per-minute"],
            failFast: values["fail-fast"] ? "true" : undefined,
        },
        apiKeyFile: values["api-key-file"],
        templateFile: values.file,
        traceFile: values.trace,
        json: values.json ?? false,
        quiet: values.quiet ?? false,
        verbose: values.verbose ?? false,
    };
}
const COMMANDS = {
    "": "report",
    doctor: "doctor",
    "template create": "template-create",
    // `template` alone shows what it offers, as `template --help` does.
    template: "template",
};
/** The command the positionals name; an unknown one is refused, with the one meant if close. */
function commandOf(positionals) {
    const words = positionals.join(" ");
    const topic = COMMANDS[words];
    if (topic !== undefined)
        return topic;
    const meant = nearest(words, Object.keys(COMMANDS).filter(Boolean));
    throw new InvalidInputError(`unexpected argument "${words}"; ${meant === undefined ? "" : `did you mean ${meant}? `}the commands are doctor and template create (see --help)`);
}

;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test. */
const version_VERSION = "0.1.0";

;// CONCATENATED MODULE: ./src/cli/help.ts

const HELP = `lucca-report ${version_VERSION}: generate a Lucca Timesheet report and save it as a file.

Usage:
  lucca-report --domain URL --template-id ID [period] [options]
  lucca-report --domain URL --report-id ID [options]          download an existing report
  lucca-report template create --domain URL --file template.json
  lucca-report doctor --domain URL --template-id ID [--json]   check what your tenant does

  lucca-report doctor --help, lucca-report template create --help: each command's usage

The API key is read from the LUCCA_API_KEY environment variable or --api-key-file PATH,
never from a flag value.

Report:
  --domain URL               Lucca domain, e.g. https://acme.ilucca.net (env LUCCA_DOMAIN)
  --template-id ID           report template id (env LUCCA_TEMPLATE_ID); repeat it or give
                             ids separated by commas for several templates
  --api-key-file PATH        read the API key from this file instead of LUCCA_API_KEY
  --report-id ID             resume: wait for / download this existing report
  --format csv|excel         file format (default csv)
  --output PATH              where to write (default reports/{templateId}_{startsOn}_{endsOn}.csv);
                             placeholders {templateId} {startsOn} {endsOn} {year} {month} {reportId}

Period (default: the template's own period):
  --start YYYY-MM-DD --end YYYY-MM-DD    explicit dates, end inclusive
  --period NAME              previous-month, current-month, previous-week, current-week,
                             previous-day, or a month as YYYY-MM; several months, one report
                             each: YYYY-MM..YYYY-MM (at most 36) or last-N-months
  --timezone IANA            zone used to resolve --period (default UTC); weeks start Monday
  --end-date-convention C    inclusive (default): endsOn sent is the last day; exclusive:
                             the day after it (compare once with the Lucca UI)

Waiting and retries (durations: 1500ms, 90s, 15m, 1h30m, or seconds):
  --timeout D                overall deadline (default 15m)
  --poll-interval D          first wait between status checks (default 1s)
  --max-poll-interval D      longest wait between status checks (default 8s)
  --request-timeout D        per request (default 30s)
  --max-retries N            retries of a failed request (default 5)
  --generation-attempts N    reports created in all when Lucca fails one (default 2)
  --allow-host HOST          allow a domain outside Lucca's host names (repeatable)

Several reports (several templates or months):
  --concurrency N            reports generated at once (default 3, at most 10)
  --requests-per-minute N    budget shared by every request of the run (default 20, max 50)
  --fail-fast                stop at the first failed report

Output:
  --json                     print one JSON result object on stdout (several reports:
                             one object per line, JSON Lines, in the order asked)
  --trace FILE               write every HTTP exchange to FILE as JSON lines (no key, no
                             values: headers without credentials, bodies as their shape)
  -q, --quiet                only errors on stderr
  -v, --verbose              every status check and retry on stderr
  -h, --help, --version

Exit codes: 0 done, 1 unexpected error, 2 invalid input, 3 Lucca rejected the request,
4 the report failed after every attempt, 5 timeout (resume with --report-id),
6 network or server failure after retries, 129/130/143 interrupted (SIGHUP/INT/TERM).
With several reports, the highest code among the failed reports (an interruption first).
`;
const CONNECTION = `  --domain URL               Lucca domain, e.g. https://acme.ilucca.net (env LUCCA_DOMAIN)
  --api-key-file PATH        read the API key from this file instead of LUCCA_API_KEY
  --allow-host HOST          allow a domain outside Lucca's host names (your own proxy)`;
const DOCTOR_HELP = `Usage: lucca-report doctor --domain URL --template-id ID [options]

Runs the whole flow once, for yesterday, into a temporary directory that is removed, and
prints step by step what your Lucca tenant did (key accepted, envelopes, status words, the
download's redirect and the file's encoding, delimiter and header line). Nothing is kept.

Example:
  export LUCCA_API_KEY=...
  lucca-report doctor --domain https://acme.ilucca.net --template-id 42 --json

Options:
${CONNECTION}
  --template-id ID           the report template to try (env LUCCA_TEMPLATE_ID)
  --timezone IANA            zone in which "yesterday" is taken (default UTC)
  --timeout D                overall deadline (default 15m)
  --json                     print the profile as JSON: no key, no people, no CSV rows;
                             paste it into an issue to tell us what your tenant does
  --trace FILE               write every HTTP exchange to FILE as JSON lines
  -q, --quiet                no progress on stderr

Exit codes: 0 the flow works, else the code of the step that failed (see lucca-report --help).
`;
const TEMPLATE_HELP = `Usage: lucca-report template create --domain URL --file template.json

Report templates are made in the Lucca Timesheet UI; \`template create\` posts one from a
JSON file and prints its new id (lucca-report template create --help for the file's form).
`;
const TEMPLATE_CREATE_HELP = `Usage: lucca-report template create --domain URL --file template.json [options]

Creates a report template and prints its id (with --json: {"templateId": "..."}), for
--template-id. The file is the JSON payload the Lucca Timesheet UI sends: a blueprintId
(times, activities, timesheets, comments, alerts or accounts), a name, and the columns,
each with its kind. For example (examples/report-template.json):

  {
    "id": 0,
    "blueprintId": "times",
    "name": "Rapport sur les temps",
    "columns": [
      { "kind": "ownerName", "name": "Collaborateur", "description": "",
        "category": "owner", "isRequired": true, "isPeriodic": false, "isDefault": true },
      { "kind": "attendanceTime", "name": "Temps de présence", "description": "",
        "category": "time", "isRequired": true, "isPeriodic": true, "isDefault": true }
    ]
  }

Known column kinds: ownerName, ownerDepartment (category owner); attendanceTime,
leavesDuration, theoreticalWorkingTime (category time; periodic columns repeat for each
period of the report).

Example:
  export LUCCA_API_KEY=...
  lucca-report template create --domain https://acme.ilucca.net --file examples/report-template.json

Options:
${CONNECTION}
  --file PATH                the template's JSON payload
  --json                     print {"templateId": "..."} instead of the bare id
  --request-timeout D        per request (default 30s)
  --max-retries N            retries of a failed request (default 5)
`;
const TOPICS = {
    report: HELP,
    doctor: DOCTOR_HELP,
    template: TEMPLATE_HELP,
    "template-create": TEMPLATE_CREATE_HELP,
};
function help_helpFor(topic) {
    return TOPICS[topic];
}

// EXTERNAL MODULE: ./src/node/run-many-job.ts + 2 modules
var run_many_job = __webpack_require__(76343);
;// CONCATENATED MODULE: ./src/cli/report-many.ts





/**
 * Several reports: progress lines prefixed with template and period; with --json one JSON
 * object per report (JSON Lines), in the order the reports were asked for, once all ended;
 * the exit code of the worst failure.
 */
async function report_many_reportMany(settings, args, io) {
    const say = (line) => {
        if (!args.quiet)
            io.stderr(`${logSafeLines(line)}\n`);
    };
    const lines = new Map();
    const outcomes = await runManyFromSettings(settings, {
        fetch: io.fetch,
        // A path the user typed may go anywhere they can write; a default name stays in cwd.
        output: {
            baseDir: io.cwd,
            roots: settings.outputPath === undefined ? [io.cwd] : undefined,
            label: settings.outputPath === undefined ? "the default output path" : "--output",
        },
        signal: io.signal,
        now: io.now,
        pollHistoryPath: cliHistoryPath(io.env),
        onEvent: (spec, event) => {
            const prefix = `[${spec.templateId} ${periodText(spec.period.startsOn, spec.period.endsOn)}]`;
            const format = lines.get(prefix) ?? progressLines({ verbose: args.verbose });
            lines.set(prefix, format);
            const line = format(event);
            if (line !== undefined)
                say(`${prefix} ${line}`);
        },
    });
    for (const outcome of outcomes) {
        if (args.json)
            io.stdout(`${JSON.stringify(jsonOutcome(outcome))}\n`);
        else if (!args.quiet || outcome.status !== "done") {
            io.stdout(`${logSafeLines(textOutcome(outcome))}\n`);
        }
    }
    return exitCodeOf(outcomes);
}
/** 0 when all succeeded; a cancellation's code first, then the highest failure code. */
function exitCodeOf(outcomes) {
    let worst = 0;
    for (const outcome of outcomes) {
        if (outcome.status !== "failed")
            continue;
        const { error } = outcome;
        if (error instanceof AbortedError)
            return error.exitCode;
        worst = Math.max(worst, error instanceof LuccaReportError ? error.exitCode : 1);
    }
    return worst;
}
function jsonOutcome(outcome) {
    const base = {
        templateId: outcome.spec.templateId,
        startsOn: outcome.spec.period.startsOn,
        endsOn: outcome.spec.period.endsOn,
        status: outcome.status,
    };
    if (outcome.status === "done") {
        const { stats: _stats, ...result } = outcome.result;
        return { ...base, ...result, status: "done", error: null };
    }
    if (outcome.status === "skipped")
        return { ...base, reportId: null, error: "not started (fail-fast)" };
    return { ...base, reportId: outcome.reportId ?? null, error: messageOf(outcome.error) };
}
function textOutcome(outcome) {
    const what = `template ${outcome.spec.templateId}, ${periodText(outcome.spec.period.startsOn, outcome.spec.period.endsOn)}`;
    if (outcome.status === "done") {
        const r = outcome.result;
        return `done    ${what}: report ${r.reportId} -> ${r.path} (${r.rows ?? "?"} rows, ${r.bytes} bytes)`;
    }
    if (outcome.status === "skipped")
        return `skipped ${what}: not started (fail-fast)`;
    const resume = outcome.reportId ? `; resume with --report-id ${outcome.reportId}` : "";
    return `failed  ${what}: ${messageOf(outcome.error)}${resume}`;
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}

// EXTERNAL MODULE: ./src/core/duration.ts
var duration = __webpack_require__(43816);
// EXTERNAL MODULE: ./src/core/lucca-client.ts + 1 modules
var lucca_client = __webpack_require__(6725);
// EXTERNAL MODULE: ./src/core/schemas.ts
var schemas = __webpack_require__(8602);
;// CONCATENATED MODULE: ./src/cli/template-create.ts





/** `template create --file template.json`: posts the template and returns its new id. */
async function template_create_createTemplateFromFile(args, io) {
    const issues = [];
    const connection = parseConnection(args.raw, CLI_LABELS, issues);
    let payload;
    if (args.templateFile === undefined) {
        issues.push("--file: missing; give the template JSON file");
    }
    else {
        try {
            payload = JSON.parse(await io.readTextFile(args.templateFile));
            const checked = templatePayloadSchema.safeParse(payload);
            if (!checked.success) {
                issues.push(`--file: ${args.templateFile} is not a report template (it needs blueprintId, name and a non-empty columns list, each with a kind)`);
            }
        }
        catch (error) {
            issues.push(`--file: cannot read "${args.templateFile}" as JSON: ${error.message}`);
        }
    }
    let requestTimeoutMs = 0;
    try {
        requestTimeoutMs = parseDuration(args.raw.requestTimeout ?? DEFAULTS.requestTimeout, "--request-timeout");
    }
    catch (error) {
        if (!(error instanceof InvalidInputError))
            throw error;
        issues.push(...error.issues);
    }
    const retries = args.raw.maxRetries ?? DEFAULTS.maxRetries;
    if (!/^\d+$/.test(retries))
        issues.push(`--max-retries: "${retries}" is not a whole number of at least 0`);
    if (issues.length > 0 || connection === undefined)
        throw new InvalidInputError(issues);
    const client = createLuccaClient({
        ...connection,
        fetch: io.fetch,
        signal: io.signal,
        requestTimeoutMs,
        maxRetries: Number(retries),
        // No job deadline here: a Retry-After longer than a whole default job is not waited for.
        deadlineAt: (io.now?.() ?? Date.now()) + parseDuration(DEFAULTS.timeout, "timeout"),
    });
    const template = await client.createTemplate(payload);
    return template.id;
}

;// CONCATENATED MODULE: ./src/cli/run.ts

















/** The whole command line: returns the exit code, never throws. */
async function runCli(io) {
    let args;
    try {
        args = parseCliArgs(io.argv, io.env);
        if (args.command === "help") {
            io.stdout(helpFor(args.helpTopic));
            return 0;
        }
        if (args.command === "version") {
            io.stdout(`${VERSION}\n`);
            return 0;
        }
        // Every command below sends requests: a proxy variable they could not use is bad input.
        const proxy = proxyProblems(io.env);
        if (proxy.length > 0)
            throw new InvalidInputError(proxy);
        if (args.apiKeyFile !== undefined)
            args.raw.apiKey = await readKeyFile(io, args.apiKeyFile);
        if (args.command === "template-create") {
            const id = await createTemplateFromFile(args, io);
            io.stdout(args.json ? `${JSON.stringify({ templateId: id })}\n` : `${logSafe(id)}\n`);
            return 0;
        }
        if (args.command === "doctor")
            return await doctorCommand(args, io);
        return await report(args, io);
    }
    catch (error) {
        return fail(error, io, args?.quiet ?? false);
    }
}
async function report(args, io) {
    const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
    const say = (line) => {
        if (!args.quiet)
            io.stderr(`${logSafeLines(line)}\n`);
    };
    for (const warning of settings.warnings)
        say(`Warning: ${warning}`);
    if (settings.reports.length > 1)
        return reportMany(settings, args, io);
    const lines = progressLines({ verbose: args.verbose });
    const traceTarget = args.traceFile === undefined ? undefined : await run_resolveTraceTarget(io, args.traceFile);
    const trace = traceTarget === undefined ? undefined : recordTrace(io.fetch, settings.apiKey);
    let result;
    try {
        result = await runJobFromSettings(settings, {
            fetch: trace?.fetch ?? io.fetch,
            // A path the user typed may go anywhere they can write; a default name stays in cwd.
            output: {
                baseDir: io.cwd,
                roots: settings.outputPath === undefined ? [io.cwd] : undefined,
                label: settings.outputPath === undefined ? "the default output path" : "--output",
            },
            signal: io.signal,
            now: io.now,
            pollHistoryPath: cliHistoryPath(io.env),
            onEvent: (event) => {
                const line = lines(event);
                if (line !== undefined)
                    say(line);
            },
        });
    }
    finally {
        if (trace && traceTarget !== undefined)
            await run_saveTrace(traceTarget, trace, say);
    }
    if (args.json) {
        io.stdout(`${JSON.stringify(jsonResult(result))}\n`);
    }
    else if (!args.quiet) {
        io.stdout(summary(result));
    }
    return 0;
}
function jsonResult(result) {
    const { stats: _stats, ...rest } = result;
    return {
        reportId: rest.reportId,
        templateId: rest.templateId ?? null,
        startsOn: rest.startsOn,
        endsOn: rest.endsOn,
        rangeSent: rest.rangeSent,
        status: rest.status,
        format: rest.format,
        path: rest.path,
        bytes: rest.bytes,
        rows: rest.rows,
        columns: rest.columns,
        sha256: rest.sha256,
        encoding: rest.format === "csv" ? result.stats.encoding : null,
        bom: rest.format === "csv" ? result.stats.bom : null,
        attempts: rest.attempts,
        polls: rest.polls,
        durationMs: rest.durationMs,
        expectedGenerationMs: rest.polling.expectedMs,
        statusChecksSaved: rest.polling.requestsSaved,
    };
}
function summary(result) {
    const shape = result.rows === null ? "" : `${result.rows} rows × ${result.columns} columns, `;
    return [
        `Report ${logSafe(result.reportId)} (template ${logSafe(result.templateId ?? "?")}, ${periodText(result.startsOn, result.endsOn)})`,
        ...(result.rangeSent.startsOn === null && result.rangeSent.endsOn === null
            ? []
            : [`  sent:    ${rangeSentText(result.rangeSent)}`]),
        `  file:    ${logSafe(result.path)}`,
        `  content: ${shape}${result.bytes} bytes${result.rows === null ? "" : `, ${encodingText(result.stats)}`}`,
        `  sha256:  ${result.sha256}`,
        `  took:    ${(result.durationMs / 1000).toFixed(1)} s, ${result.polls} status check(s), ${result.attempts} attempt(s)`,
        ...(result.polling.expectedMs === null
            ? []
            : [
                `  polling: expected after ${(result.polling.expectedMs / 1000).toFixed(1)} s (this template's last runs), ${result.polling.requestsSaved} status check(s) saved`,
            ]),
        "",
    ].join("\n");
}
/**
 * Where --trace writes, through the same checks as a report's target (no device, symlink,
 * directory or .git), before the first request.
 */
function run_resolveTraceTarget(io, path) {
    return resolveOutputTarget(path, { baseDir: io.cwd, roots: undefined, label: "--trace" });
}
/**
 * Written whether the run worked or not: a failed run is when support needs it. Through
 * the same sink as reports: an exclusive temporary file beside the target, renamed into
 * place once the target is checked again (the run may have lasted long enough for a link,
 * a pipe or a directory to take its place).
 */
async function run_saveTrace(target, trace, say) {
    try {
        const sink = nodeFileSink({ baseDir: dirname(target), roots: undefined, label: "--trace" }, { mode: 0o600 });
        const file = await sink.create(target);
        const writer = file.writable.getWriter();
        try {
            await writer.write(new TextEncoder().encode(trace.jsonLines()));
            await writer.close();
            await file.commit();
        }
        catch (error) {
            await file.discard();
            throw error;
        }
        say(`Trace of ${trace.records.length} HTTP exchange(s) written to ${target}`);
    }
    catch (error) {
        say(`Warning: could not write the trace to ${target}: ${error.message}`);
    }
}
async function readKeyFile(io, path) {
    let key;
    try {
        key = (await io.readTextFile(path)).trim();
    }
    catch (error) {
        throw new InvalidInputError(`--api-key-file: cannot read "${path}": ${error.message}`);
    }
    // Else the message would be about LUCCA_API_KEY, which the user did not use.
    if (key === "")
        throw new InvalidInputError(`--api-key-file: "${path}" is empty`);
    return key;
}
function fail(error, io, quiet) {
    if (error instanceof InvalidInputError) {
        io.stderr(`Invalid input:\n${error.issues.map((issue) => `  - ${logSafe(issue)}`).join("\n")}\n`);
        return error.exitCode;
    }
    if (error instanceof LuccaReportError) {
        // Quiet still shows errors: they are what the user needs to act on.
        void quiet;
        io.stderr(`Error: ${logSafeLines(error.message)}\n`);
        return error.exitCode;
    }
    io.stderr(`Unexpected error: ${logSafeLines(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return 1;
}

;// CONCATENATED MODULE: ./src/cli/doctor.ts




const MARK = { ok: "✔", failed: "✘", "not reached": "·", info: "i" };
/** `lucca-report doctor`: the checklist on stdout (or --json), the usual exit codes. */
async function doctor_doctorCommand(args, io) {
    const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
    const traceTarget = args.traceFile === undefined ? undefined : await resolveTraceTarget(io, args.traceFile);
    if (!args.quiet)
        io.stderr(`Running the whole flow once on a one-day period…\n`);
    const report = await runDoctor(settings, {
        fetch: io.fetch,
        signal: io.signal,
        timezone: args.raw.timezone,
        now: io.now,
    });
    if (traceTarget !== undefined) {
        await saveTrace(traceTarget, report.trace, (line) => {
            if (!args.quiet)
                io.stderr(`${logSafeLines(line)}\n`);
        });
    }
    io.stdout(args.json ? `${JSON.stringify(doctorJson(report))}\n` : doctorText(report));
    return report.exitCode;
}
/** What --json prints and the action's summary holds: no key, no people, no CSV data. */
function doctorJson(report) {
    return {
        ok: report.ok,
        exitCode: report.exitCode,
        day: report.day,
        steps: report.steps,
        profile: report.profile,
    };
}
function doctorText(report) {
    const lines = [
        `Lucca tenant check on ${report.day}: ${report.ok ? "the flow works" : "the flow failed"}`,
    ];
    const file = report.profile.file;
    for (const step of report.steps) {
        lines.push(`  ${MARK[step.state]} ${step.name}: ${(0,safe_text/* logSafe */.sN)(step.detail)}`);
        if (step.name === "File" && file && file.header.length > 0) {
            lines.push(`    header: ${(0,safe_text/* logSafe */.sN)(file.header.join(file.delimiter ?? ","))}`);
        }
    }
    lines.push("", "Paste the output of `lucca-report doctor --json` into an issue to tell us what your tenant does;", "it holds no key, no ids of people and no CSV content beyond the header line.", "");
    return lines.join("\n");
}

// EXTERNAL MODULE: ./src/core/markdown.ts
var markdown = __webpack_require__(19345);
// EXTERNAL MODULE: ./src/action/trace-group.ts
var trace_group = __webpack_require__(33028);
;// CONCATENATED MODULE: ./src/action/doctor-step.ts






const doctor_step_MARK = { ok: "✅", failed: "❌", "not reached": "➖", info: "ℹ️" };
/** `mode: doctor`: the checklist in the log and the job summary; fails the step when the flow does. */
async function doctorStep(inputs, fetch, signal) {
    const report = await core/* group */.Os("Check what the Lucca tenant does (mode: doctor)", () => doctor_run_runDoctor(inputs.settings, { fetch, signal, timezone: core/* getInput */.V4("timezone") || undefined }));
    for (const line of doctorText(report).split("\n"))
        if (line)
            core/* info */.pq((0,safe_text/* logSafe */.sN)(line));
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
        `## ${report.ok ? "✅" : "❌"} Lucca tenant check on ${(0,markdown/* escapeCell */.kq)(report.day)}`,
        "",
        "| | Step | What the tenant did |",
        "| --- | --- | --- |",
    ];
    for (const step of report.steps) {
        lines.push(`| ${doctor_step_MARK[step.state]} | ${(0,markdown/* escapeCell */.kq)(step.name)} | ${(0,markdown/* escapeCell */.kq)(step.detail)} |`);
    }
    const file = report.profile.file;
    if (file && file.header.length > 0) {
        lines.push("", `Header line: ${(0,markdown/* codeSpan */.SS)(file.header.join(file.delimiter ?? ","))}`);
    }
    lines.push("", "<details>", "<summary>Profile to paste into an issue (no key, no ids of people, no CSV data)</summary>", "", (0,markdown/* codeSpan */.SS)(JSON.stringify(doctorJson(report))), "", "</details>", "");
    return lines.join("\n");
}


/***/ }),

/***/ 76343:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  G: () => (/* binding */ runManyFromSettings)
});

// EXTERNAL MODULE: ./src/core/delay.ts
var delay = __webpack_require__(28997);
// EXTERNAL MODULE: ./src/core/retry-after.ts
var retry_after = __webpack_require__(11075);
;// CONCATENATED MODULE: ./src/core/request-budget.ts


const IN_FLIGHT_RECHECK_MS = 50;
/**
 * A token bucket over a sliding window: each token comes back `windowMs` after its request
 * was answered (a request still in flight keeps its token), so however late a request
 * reaches Lucca, no window of that length there ever holds more than `requests` requests
 * (a bucket refilled at a steady rate would allow nearly twice that across a boundary).
 */
function createRequestBudget(options) {
    const windowMs = options.windowMs ?? 60_000;
    const now = options.now ?? Date.now;
    const wait = options.wait ?? delay/* delay */.cb;
    const granted = [];
    /** Slots still counted: in flight (undefined) or answered at a time. */
    let recent = [];
    let pausedUntil = 0;
    let queue = Promise.resolve();
    const nextSlotIn = (at) => {
        recent = recent.filter((slot) => slot.answeredAt === undefined || slot.answeredAt + windowMs > at);
        let full = 0;
        if (recent.length >= options.requests) {
            // The slot that must free for one to be under the limit again; in flight, look again soon.
            const frees = recent
                .map((slot) => slot.answeredAt === undefined ? at + IN_FLIGHT_RECHECK_MS : slot.answeredAt + windowMs)
                .sort((a, b) => a - b)[recent.length - options.requests];
            full = frees - at;
        }
        return Math.max(full, pausedUntil - at, 0);
    };
    const takeInTurn = async (signal) => {
        for (;;) {
            signal.throwIfAborted();
            const ms = nextSlotIn(now());
            if (ms === 0)
                break;
            await wait(ms, signal);
        }
        const slot = { answeredAt: undefined };
        recent.push(slot);
        granted.push(now());
        return () => {
            slot.answeredAt ??= now();
        };
    };
    return {
        take(signal) {
            const turn = queue.then(() => takeInTurn(signal));
            // One caller giving up must not stop the ones behind it.
            queue = turn.then(() => { }, () => { });
            return turn;
        },
        pause(ms) {
            pausedUntil = Math.max(pausedUntil, now() + ms);
        },
        granted,
    };
}
/**
 * The step's one door to the network: every request waits for the shared budget, and a
 * 429 pauses the whole step, not only the request that got it.
 */
function budgetedFetch(fetch, budget, options = {}) {
    const now = options.now ?? Date.now;
    return async (input, init) => {
        const response = await fetch(input, init);
        if (response.status === 429) {
            budget.pause((0,retry_after/* parseRetryAfter */.m)(response.headers.get("retry-after"), now()) ?? options.pauseMs ?? 5_000);
        }
        return response;
    };
}
/** The most timestamps found in any window of `windowMs`. */
function peakPerWindow(times, windowMs) {
    const sorted = [...times].sort((a, b) => a - b);
    let peak = 0;
    let first = 0;
    for (let last = 0; last < sorted.length; last++) {
        while (sorted[first] + windowMs <= sorted[last])
            first++;
        peak = Math.max(peak, last - first + 1);
    }
    return peak;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(92091);
;// CONCATENATED MODULE: ./src/core/run-many.ts

/**
 * Runs every report, `concurrency` at a time, and returns one outcome per report in the
 * order given. A failed report does not stop the others unless `failFast` is set.
 */
async function runMany(options) {
    const stop = new AbortController();
    const signal = AbortSignal.any([options.signal, stop.signal]);
    const outcomes = options.reports.map((spec) => ({ spec, status: "skipped" }));
    let next = 0;
    // Two reports with one id would be one file with {reportId} in output-path, and two
    // "done" rows for one download: only the first report to get an id keeps it.
    const given = new Set();
    const worker = async () => {
        while (next < options.reports.length && !signal.aborted) {
            const index = next++;
            const spec = options.reports[index];
            let reportId;
            try {
                const result = await options.runOne(spec, signal, (id) => {
                    if (given.has(id)) {
                        throw new errors/* UnusableAnswerError */.qx(`Lucca gave this report the id ${id}, which another report of this run already has; it is not downloaded, so that it cannot replace the other's file`);
                    }
                    given.add(id);
                    reportId = id;
                });
                outcomes[index] = { spec, status: "done", result };
            }
            catch (error) {
                outcomes[index] = { spec, status: "failed", error, reportId };
                if (options.failFast)
                    stop.abort(error);
            }
        }
    };
    const workers = Math.max(1, Math.min(options.concurrency, options.reports.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return outcomes;
}

// EXTERNAL MODULE: ./src/node/run-job.ts + 10 modules
var run_job = __webpack_require__(25652);
;// CONCATENATED MODULE: ./src/node/run-many-job.ts



/** Every report of the step through one request budget; one outcome per report. */
async function runManyFromSettings(settings, env) {
    const each = settings.reports.map((spec) => settingsFor(settings, spec));
    for (const one of each)
        await (0,run_job/* checkOutputTarget */.B)(one, env.output);
    const budget = env.budget ??
        createRequestBudget({
            requests: settings.requestsPerMinute,
            windowMs: env.windowMs,
            now: env.now,
        });
    const fetch = budgetedFetch(env.fetch, budget, { now: env.now });
    return runMany({
        reports: settings.reports,
        concurrency: settings.concurrency,
        failFast: settings.failFast,
        signal: env.signal,
        runOne: (spec, signal, created) => (0,run_job/* runJobFromSettings */.E)(settingsFor(settings, spec), {
            fetch,
            output: env.output,
            signal,
            now: env.now,
            previewRows: env.previewRows,
            pollHistoryPath: env.pollHistoryPath,
            takeSlot: (slotSignal) => budget.take(slotSignal),
            onEvent: (event) => {
                if (event.type === "created")
                    created(event.reportId);
                env.onEvent(spec, event);
            },
        }),
    });
}
function settingsFor(settings, spec) {
    return { ...settings, templateId: spec.templateId, period: spec.period, reportId: undefined };
}


/***/ })

};
