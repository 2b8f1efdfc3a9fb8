export const id = 957;
export const ids = [957];
export const modules = {

/***/ 2957:
/***/ ((module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1708);
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_process__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _node_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5433);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8084);
/* harmony import */ var _node_undici_fetch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8375);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4296);
// The CLI itself, loaded by src/cli.ts once the Node version is known to be recent enough.




// Bundled with the rest of the CLI, not in a chunk of its own: ncc numbers the dynamic chunks
// of dist/cli.js and dist/index.js independently, and the same chunk name holding different
// code breaks the build.


const cancel = new AbortController();
// SIGHUP (the terminal closed, an ssh session dropped) cancels like SIGTERM: no .part is left.
for (const signal of Object.keys(_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CANCEL_SIGNALS */ .DH)) {
    node_process__WEBPACK_IMPORTED_MODULE_1___default().on(signal, () => {
        if (cancel.signal.aborted)
            node_process__WEBPACK_IMPORTED_MODULE_1___default().exit(_core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .CANCEL_SIGNALS */ .DH[signal]);
        cancel.abort(new _core_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .AbortedError */ .oM(`Interrupted by ${signal}; no partial file was left`, { signal }));
    });
}
const code = await (0,_run_js__WEBPACK_IMPORTED_MODULE_3__/* .runCli */ .a)({
    argv: node_process__WEBPACK_IMPORTED_MODULE_1___default().argv.slice(2),
    env: (node_process__WEBPACK_IMPORTED_MODULE_1___default().env),
    cwd: node_process__WEBPACK_IMPORTED_MODULE_1___default().cwd(),
    stdout: (text) => node_process__WEBPACK_IMPORTED_MODULE_1___default().stdout.write(text),
    stderr: (text) => node_process__WEBPACK_IMPORTED_MODULE_1___default().stderr.write(text),
    fetch: (0,_node_proxy_fetch_js__WEBPACK_IMPORTED_MODULE_2__/* .lazyFetchForEnvironment */ .X)((node_process__WEBPACK_IMPORTED_MODULE_1___default().env)),
    signal: cancel.signal,
    readTextFile: (path) => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, "utf8"),
});
// Exit at once: a cancelled keep-alive socket or timer must not hold the process open.
node_process__WEBPACK_IMPORTED_MODULE_1___default().exit(code);

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 8084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runCli)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(3712);
// EXTERNAL MODULE: ./src/node/proxy-env.ts
var proxy_env = __webpack_require__(5158);
;// CONCATENATED MODULE: ./src/version.ts
/** Kept equal to package.json's version by a test. */
const VERSION = "0.1.0";

// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/core/nearest.ts
/**
 * Edits between two words: insertions, deletions, substitutions, and a swap of two
 * neighbouring characters counted as one edit (the commonest typo: "domian").
 */
function editDistance(a, b) {
    // rows[i][j]: edits between the first i characters of a and the first j of b.
    const rows = [];
    for (let i = 0; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            if (i === 0) {
                row.push(j);
                continue;
            }
            const above = rows[i - 1];
            const same = a[i - 1] === b[j - 1];
            let best = Math.min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (same ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                best = Math.min(best, rows[i - 2][j - 2] + 1);
            }
            row.push(best);
        }
        rows.push(row);
    }
    return rows[a.length][b.length];
}
/**
 * The candidate closest to `word` (case aside) within `maxEdits`, the first listed on a tie;
 * undefined when none is that close.
 */
function nearest(word, candidates, maxEdits = 2) {
    const typed = word.toLowerCase();
    let best;
    for (const candidate of candidates) {
        const edits = editDistance(typed, candidate.toLowerCase());
        if (edits <= maxEdits && (best === undefined || edits < best.edits)) {
            best = { candidate, edits };
        }
    }
    return best?.candidate;
}

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
function argvProblems(argv, options) {
    const { tokens } = (0,external_node_util_.parseArgs)({
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
function parseCliArgs(argv, env) {
    const problems = argvProblems(argv, OPTIONS);
    if (problems.length > 0)
        throw new errors/* InvalidInputError */.oC(problems);
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    }
    catch (error) {
        throw new errors/* InvalidInputError */.oC(`${error.message}; see --help`);
    }
    const { values, positionals } = parsed;
    if (values["api-key"] !== undefined) {
        // A key given as a flag ends up in shell history and process listings.
        throw new errors/* InvalidInputError */.oC("--api-key is not accepted: pass the key in the LUCCA_API_KEY environment variable or with --api-key-file PATH");
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
    throw new errors/* InvalidInputError */.oC(`unexpected argument "${words}"; ${meant === undefined ? "" : `did you mean ${meant}? `}the commands are doctor and template create (see --help)`);
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
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

;// CONCATENATED MODULE: ./src/core/redact.ts

/**
 * The shortest piece of a secret that is redacted on its own. A 300-character cut can end
 * inside the key, and an error from the HTTP stack can split it around a byte it refused:
 * every piece this long is hidden, not only the whole key.
 */
const MIN_SECRET_PIECE = 8;
const MASK = "***";
/**
 * Hides every secret in `text`, and every piece of a secret of at least
 * MIN_SECRET_PIECE characters. Any such piece is a union of MIN_SECRET_PIECE-long windows
 * of the secret, so marking each window of the text found in the secret's window set
 * covers them all, in O(text length) lookups. A shorter secret is its own only window:
 * it is hidden whole, wherever it occurs (an empty one hides nothing).
 */
function redact(text, secrets) {
    const masked = new Uint8Array(text.length);
    for (const secret of secrets) {
        const size = Math.min(secret.length, MIN_SECRET_PIECE);
        const windows = new Set();
        for (let end = size; end <= secret.length; end++)
            windows.add(secret.slice(end - size, end));
        for (let end = size; end <= text.length; end++) {
            if (windows.has(text.slice(end - size, end)))
                masked.fill(1, end - size, end);
        }
    }
    let result = "";
    for (let index = 0; index < text.length;) {
        if (masked[index]) {
            result += MASK;
            while (masked[index])
                index++;
        }
        else {
            const start = index;
            // Past the end, masked[index] is undefined: the run stops there too.
            while (masked[index] === 0)
                index++;
            result += text.slice(start, index);
        }
    }
    return result;
}
/** Characters of outside text shown in a message. */
const EXCERPT_CHARS = 300;
/**
 * Outside text fit for an error message, in this order: secrets hidden, whitespace runs
 * folded, control characters escaped, then cut. Redacting first is what keeps a cut from
 * leaving most of a key behind.
 */
function excerptOf(text, secrets, max = EXCERPT_CHARS) {
    return (0,safe_text/* truncate */.xv)((0,safe_text/* logSafe */.sN)(redact(text, secrets).replace(/\s+/g, " ").trim()), max);
}

;// CONCATENATED MODULE: ./src/core/header-shape.ts

/**
 * Media types a Lucca answer or a storage service plausibly sends: given by name. Any
 * other is given as its top-level type and structured suffix only ("application/…+json"),
 * since a server may put anything, a person's name included, in a subtype.
 */
const KNOWN_MEDIA_TYPES = new Set([
    "text/csv",
    "text/plain",
    "text/html",
    "text/xml",
    "text/tab-separated-values",
    "application/json",
    "application/problem+json",
    "application/xml",
    "application/xhtml+xml",
    "application/octet-stream",
    "application/zip",
    "application/x-zip-compressed",
    "application/vnd.ms-excel",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/csv",
    "application/x-csv",
]);
const TOP_LEVEL = /^(text|application|image|audio|video|font|model|multipart|message)\//;
/** Charsets named as such; any other charset parameter is left out like every parameter. */
const CHARSET = /^(utf-?8|utf-?16(le|be)?|us-ascii|iso-?8859-1?\d|windows-125\d|cp125\d|latin-?1)$/;
/**
 * The media type of a Content-Type, lower case, without its parameters (a `name="…"`
 * parameter can be a person's file name) but with a charset of the list above; null when
 * there is none.
 */
function mediaTypeOf(contentType) {
    if (contentType === null || contentType === undefined)
        return null;
    const [type = "", ...parameters] = contentType.split(";").map((part) => part.trim());
    const lower = type.toLowerCase();
    if (lower === "")
        return null;
    const charset = parameters
        .map((parameter) => /^charset\s*=\s*"?([^";\s]*)"?$/i.exec(parameter)?.[1]?.toLowerCase())
        .find((value) => value !== undefined && CHARSET.test(value));
    return `${kindOfMediaType(lower)}${charset ? `; charset=${charset}` : ""}`;
}
function kindOfMediaType(type) {
    if (KNOWN_MEDIA_TYPES.has(type))
        return type;
    const top = TOP_LEVEL.exec(type)?.[1];
    if (top === undefined)
        return "unrecognised";
    const suffix = /\+(json|xml|zip)$/.exec(type)?.[1];
    return `${top}/…${suffix ? `+${suffix}` : ""}`;
}
const DISPOSITION_KINDS = new Set(["attachment", "inline", "form-data"]);
/** Extensions a file name is given by; any other is "…". */
const FILE_EXTENSIONS = new Set([
    "csv",
    "txt",
    "tsv",
    "xls",
    "xlsx",
    "json",
    "html",
    "zip",
    "gz",
]);
/** "attachment; filename=*.csv": the kind and the extension, never the name. */
function dispositionShape(value) {
    if (value === null || value === undefined)
        return null;
    const kind = value.split(";")[0]?.trim().toLowerCase() ?? "";
    const shownKind = DISPOSITION_KINDS.has(kind) ? kind : "unrecognised";
    const extension = /filename\*?=[^;]*\.([A-Za-z0-9]{1,5})"?\s*(?:;|$)/i
        .exec(value)?.[1]
        ?.toLowerCase();
    if (extension === undefined)
        return shownKind;
    return `${shownKind}; filename=*.${FILE_EXTENSIONS.has(extension) ? extension : "…"}`;
}
/** Headers that carry credentials or sessions: never written, whatever the trace is for. */
const HIDDEN_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie"]);
const NUMBER = /^\d{1,15}(\.\d{1,6})?$/;
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const TOKENS = /^(chunked|gzip|x-gzip|deflate|br|zstd|compress|identity)(\s*,\s*(chunked|gzip|x-gzip|deflate|br|zstd|compress|identity))*$/i;
/** X-RateLimit-*, RateLimit-*, X-Rate-Limit-*, and RFC 9651's RateLimit and RateLimit-Policy. */
const RATE_HEADER = /^(x-)?rate-?limit(-[a-z]{1,12})?$/;
/**
 * The headers a trace keeps, each with what of its value may be shown: the rest are left
 * out, whatever they hold (a custom header with an e-mail, a server banner). Values are
 * kept only in forms that cannot hold a name: numbers, HTTP dates, known tokens.
 */
const SHOWN = {
    "content-type": (value) => mediaTypeOf(value),
    "content-disposition": (value) => dispositionShape(value),
    "content-length": (value) => (NUMBER.test(value) ? value : "(not a number)"),
    "content-encoding": (value) => (TOKENS.test(value) ? value.toLowerCase() : "(other)"),
    "transfer-encoding": (value) => (TOKENS.test(value) ? value.toLowerCase() : "(other)"),
    "retry-after": numberOrDate,
    deprecation: numberOrDate,
    sunset: numberOrDate,
    accept: (value) => mediaTypeOf(value),
};
function numberOrDate(value) {
    return NUMBER.test(value) || HTTP_DATE.test(value) ? value : "(other)";
}
function showValue(name, value) {
    const shown = SHOWN[name];
    if (shown)
        return shown(value);
    if (RATE_HEADER.test(name))
        return NUMBER.test(value) ? value : "(other)";
    return undefined;
}
/**
 * The headers of an exchange fit for a trace: those of the list above, each value in the
 * form it allows, then redacted; Location through `location` (the caller's URL shaping);
 * `left` counts the headers left out.
 */
function visibleHeaders(headers, secrets, location) {
    const shown = {};
    let left = 0;
    headers.forEach((value, name) => {
        if (HIDDEN_HEADERS.has(name))
            return;
        const visible = name === "location" ? location(value) : showValue(name, value);
        if (visible === undefined || visible === null)
            left++;
        else
            shown[name] = redact(visible, secrets);
    });
    return { shown, left };
}

;// CONCATENATED MODULE: ./src/core/doctor-profile.ts

const REPORTS = /\/timmi-timesheet\/api\/reports$/;
const STATUS = /\/timmi-timesheet\/api\/reports\/[^/]+$/;
const DOWNLOAD = /\/timmi-timesheet\/api\/reports\/[^/]+\/download-(csv|excel)$/;
const FALLBACK_WARNING = /using the download endpoint as the status signal/;
/** X-RateLimit-*, RateLimit-*, X-Rate-Limit-*; Retry-After is counted apart. */
const doctor_profile_RATE_HEADER = /rate-?limit/i;
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
            else if (doctor_profile_RATE_HEADER.test(name))
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
        contentType: mediaTypeOf(headers["content-type"]),
        contentDisposition: dispositionShape(headers["content-disposition"]),
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

;// CONCATENATED MODULE: ./src/core/period-hints.ts

/** The period names a user may give, as listed in messages. */
const NAMED_PERIODS = [
    "previous-month",
    "current-month",
    "previous-week",
    "current-week",
    "previous-day",
];
/** Every form `period` takes, for the message that refuses one. */
const PERIOD_FORMS = `${NAMED_PERIODS.join(", ")}, a month as YYYY-MM, or several months (one report each) as YYYY-MM..YYYY-MM or last-N-months`;
/** Words people write for a period, and the name this tool gives it. */
const SYNONYMS = {
    last: "previous",
    prev: "previous",
    past: "previous",
    this: "current",
    yesterday: "previous-day",
};
/**
 * The accepted period nearest to what was written (`last-month` -> previous-month,
 * `2026/3` -> 2026-03, `last-3-month` -> last-3-months), or undefined. Only a suggestion:
 * the value still goes through the period rules.
 */
function suggestPeriod(text) {
    const words = text
        .trim()
        .toLowerCase()
        .replace(/[\s_]+/g, "-")
        .split("-")
        .map((word) => SYNONYMS[word] ?? word)
        .join("-");
    const several = /^previous-?(\d+)-?months?$/.exec(words);
    if (several)
        return `last-${Number(several[1])}-months`;
    const ends = text.split(/\s*(?:\.{2,3}|–|—|\bto\b)\s*/);
    if (ends.length === 2) {
        const [from, to] = ends.map((end) => monthOf(end));
        if (from !== undefined && to !== undefined)
            return `${from}..${to}`;
    }
    return monthOf(text) ?? nearest(words, NAMED_PERIODS);
}
/** YYYY-MM for a month written 2026-3, 2026/03, 03/2026 or 3.2026. */
function monthOf(text) {
    const yearFirst = /^(\d{4})[-/.](\d{1,2})$/.exec(text.trim());
    const monthFirst = /^(\d{1,2})[-/.](\d{4})$/.exec(text.trim());
    const [year, month] = yearFirst
        ? [yearFirst[1], yearFirst[2]]
        : monthFirst
            ? [monthFirst[2], monthFirst[1]]
            : [];
    if (year === undefined || month === undefined || Number(month) < 1 || Number(month) > 12) {
        return undefined;
    }
    return `${year}-${month.padStart(2, "0")}`;
}
/**
 * What a date written another way may mean in YYYY-MM-DD (not checked against the calendar):
 * 31/10/2026 -> 2026-10-31, 2026/10/31, 20261031, 2026-10-31T08:00. Day and month both 12 or
 * less give both readings, day first (Lucca's users mostly write dates day first).
 */
function dateReadings(text) {
    const value = text.trim();
    const iso = /^(\d{4}-\d{2}-\d{2})[T ]/.exec(value);
    if (iso)
        return [iso[1]];
    const yearFirst = /^(\d{4})([-/.]?)(\d{1,2})\2(\d{1,2})$/.exec(value);
    if (yearFirst && (yearFirst[2] !== "" || value.length === 8)) {
        return [ymd(yearFirst[1], yearFirst[3], yearFirst[4])];
    }
    const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(value);
    if (!dayFirst)
        return [];
    const [, a = "", , b = "", y = ""] = dayFirst;
    // 26-01-01 is more likely year first than 26 January 2001: two-digit years only after / or .
    if (y.length === 2 && dayFirst[2] === "-")
        return [];
    const year = y.length === 2 ? `20${y}` : y;
    const readings = [];
    if (Number(b) <= 12)
        readings.push(ymd(year, b, a));
    if (Number(a) <= 12 && a !== b)
        readings.push(ymd(year, a, b));
    return readings;
}
function ymd(year = "", month = "", day = "") {
    return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

;// CONCATENATED MODULE: ./src/core/period.ts


const NAMED = NAMED_PERIODS;
const DAY_MS = 86_400_000;
/** True for a strict YYYY-MM-DD that exists on the calendar (2024-02-29 yes, 2026-02-30 no). */
function isValidDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return false;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(utc(year, month - 1, day));
    return (
    // Stryker disable next-line ConditionalExpression: equivalent
    // A check -> true: within the regex's shape, the month check alone catches every overflow of
    // month or day, and year with day catches them too.
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day);
}
/**
 * Explicit dates, a named period resolved in a time zone, or neither. Every problem is
 * collected into one InvalidInputError.
 */
function resolvePeriod(input) {
    const labels = input.labels ?? {
        start: "--start",
        end: "--end",
        period: "--period",
        timezone: "--timezone",
    };
    const issues = [];
    const { start, end, period } = input;
    const timezone = input.timezone ?? "UTC";
    if (period !== undefined && (start !== undefined || end !== undefined)) {
        issues.push(`${labels.period} cannot be combined with ${labels.start}/${labels.end}; give one or the other`);
    }
    if ((start === undefined) !== (end === undefined)) {
        issues.push(`${labels.start} and ${labels.end} go together; give both (YYYY-MM-DD, end included)`);
    }
    for (const [label, value] of [
        [labels.start, start],
        [labels.end, end],
    ]) {
        if (value !== undefined && !isValidDate(value))
            issues.push(dateProblem(label, value));
    }
    if (start && end && isValidDate(start) && isValidDate(end) && start > end) {
        issues.push(`${labels.start} ${start} is after ${labels.end} ${end}`);
    }
    if (!isValidTimeZone(timezone))
        issues.push(`${labels.timezone}: unknown time zone "${timezone}"`);
    const month = period === undefined ? undefined : /^(\d{4})-(\d{2})$/.exec(period);
    if (period !== undefined && !NAMED.includes(period)) {
        if (!month || Number(month[2]) < 1 || Number(month[2]) > 12) {
            const meant = suggestPeriod(period);
            issues.push(`${labels.period}: unknown value "${period}"; ${meant === undefined ? "" : `did you mean ${meant}? `}expected ${PERIOD_FORMS}`);
        }
    }
    if (issues.length > 0)
        throw new errors/* InvalidInputError */.oC(issues);
    if (start !== undefined && end !== undefined)
        return { startsOn: start, endsOn: end };
    if (period === undefined)
        return { startsOn: null, endsOn: null };
    if (month)
        return period_monthOf(Number(month[1]), Number(month[2]));
    return named(period, todayIn(timezone, input.now));
}
/** A date in the right form that the calendar lacks, or one written another way. */
function dateProblem(label, value) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return `${label}: "${value}" is not a real date (expected YYYY-MM-DD)`;
    }
    const readings = dateReadings(value).filter(isValidDate);
    const meant = readings.length === 2
        ? `; did you mean ${readings[0]} (day first) or ${readings[1]} (month first)?`
        : readings.length === 1
            ? `; did you mean ${readings[0]}?`
            : "";
    return `${label}: "${value}" is not a date written YYYY-MM-DD${meant}`;
}
function named(period, today) {
    const date = new Date(today);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    // Monday is day 0 of the week.
    const monday = today - ((date.getUTCDay() + 6) % 7) * DAY_MS;
    switch (period) {
        case "current-month":
            return period_monthOf(year, month);
        case "previous-month":
            // Month 0 is December of the year before: Date carries it over.
            return period_monthOf(year, month - 1);
        case "current-week":
            return span(monday, monday + 6 * DAY_MS);
        case "previous-week":
            return span(monday - 7 * DAY_MS, monday - DAY_MS);
        case "previous-day":
            return span(today - DAY_MS, today - DAY_MS);
    }
}
function period_monthOf(year, month) {
    return span(utc(year, month - 1, 1), utc(year, month, 0));
}
/** Date.UTC, except that years 0-99 stay themselves instead of becoming 1900-1999. */
function utc(year, monthIndex, day) {
    return new Date(0).setUTCFullYear(year, monthIndex, day);
}
function span(from, to) {
    return { startsOn: period_ymd(from), endsOn: period_ymd(to) };
}
function period_ymd(ms) {
    return new Date(ms).toISOString().slice(0, 10);
}
/** Midnight UTC of the calendar day it is in `timezone` at `now`. */
function todayIn(timezone, now) {
    const parts = new Intl.DateTimeFormat("en-CA", {
        timeZone: timezone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
    }).formatToParts(now);
    const get = (type) => Number(parts.find((part) => part.type === type)?.value);
    return utc(get("year"), get("month") - 1, get("day"));
}
function isValidTimeZone(timezone) {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone: timezone });
        return true;
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/core/duration.ts

const UNIT_MS = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
const ORDER = ["h", "m", "s", "ms"];
// Spaces may separate the parts, so what formatDuration prints ("1m 05s") reads back.
const PART = /\s*(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
/** setTimeout fires at once for anything longer (Node, Deno and browsers alike). */
const MAX_MS = 2 ** 31 - 1;
/**
 * Parses `1500ms`, `90s`, `15m`, `1h30m`, `2m30s`, `0.5s` or a bare number of seconds
 * (`30`, `2.5`) into whole milliseconds. Units are case-insensitive, come largest first and
 * each at most once. `name` is how the setting is called to the user (`--timeout`, `timeout`).
 */
function parseDuration(text, name) {
    const input = text.trim().toLowerCase();
    const fail = () => new errors/* InvalidInputError */.oC(`${name}: cannot parse "${text}" as a duration: use forms like 1500ms, 90s, 15m, 1h30m or a number of seconds`);
    if (input === "")
        throw fail();
    let total = 0;
    if (/^\d+(\.\d+)?$/.test(input)) {
        total = Number(input) * 1000;
    }
    else {
        let lastUnit = -1;
        PART.lastIndex = 0;
        while (PART.lastIndex < input.length) {
            const match = PART.exec(input);
            if (!match)
                throw fail();
            const unit = match[2];
            const rank = ORDER.indexOf(unit);
            if (rank <= lastUnit)
                throw fail();
            lastUnit = rank;
            total += Number(match[1]) * UNIT_MS[unit];
        }
    }
    if (!Number.isFinite(total))
        throw fail();
    if (Math.round(total) > MAX_MS) {
        throw new errors/* InvalidInputError */.oC(`${name}: cannot use "${text}" as a duration: timers cannot wait longer than ${formatDuration(MAX_MS)} (about 24 days)`);
    }
    return Math.round(total);
}
/** `850ms`, `4.2s`, `1m 05s`, `2h 03m`: short, for log lines. */
function formatDuration(ms) {
    // Thresholds sit where rounding would carry into the next unit ("1000ms", "60.0s").
    if (ms < 999.5)
        return `${Math.round(ms)}ms`;
    if (ms < 59_950)
        return `${(ms / 1000).toFixed(1)}s`;
    const totalSeconds = Math.round(ms / 1000);
    const hours = Math.floor(totalSeconds / 3600);
    const minutes = Math.floor((totalSeconds % 3600) / 60);
    const seconds = totalSeconds % 60;
    if (hours > 0)
        return `${hours}h ${String(minutes).padStart(2, "0")}m`;
    return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}

;// CONCATENATED MODULE: ./src/core/ambiguous-retry.ts
/**
 * Whether a failed POST may still have been carried out by Lucca: no answer at all (a
 * timeout, a reset, a cut body after the request went out), a 408 (Lucca cuts requests
 * past 5 s, not necessarily the work), or a 500/502/504. A 429 or 503 was turned away.
 */
function mayHaveBeenProcessed(info) {
    const { status } = info;
    return (status === undefined || status === 408 || status === 500 || status === 502 || status === 504);
}
/** The warning after a create that succeeded only once retried past an ambiguous failure. */
function duplicateWarning(reasons, reportId) {
    return (`POST /reports was retried after ${reasons.join("; ")}: Lucca may have created a duplicate report. ` +
        `Report id used: ${reportId}; an earlier attempt's report, if any, was never seen (look for it in the Lucca UI).`);
}

;// CONCATENATED MODULE: ./src/core/encoding.ts
/** Windows-1252's 0x80-0x9F, where it differs from Latin-1; the five unused bytes stay C1. */
const CP1252_HIGH = [
    0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc,
    0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
/**
 * Decides from the first bytes of a file: a BOM names UTF-8 or UTF-16; without one, bytes
 * that decode as UTF-8 are UTF-8 (a character cut at the end of `head` is fine), else
 * Windows-1252.
 */
function detectEncoding(head) {
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
        return { encoding: "utf-8", bom: true };
    if (head[0] === 0xff && head[1] === 0xfe)
        return { encoding: "utf-16le", bom: true };
    if (head[0] === 0xfe && head[1] === 0xff)
        return { encoding: "utf-16be", bom: true };
    try {
        new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
        return { encoding: "utf-8", bom: false };
    }
    catch {
        return { encoding: "windows-1252", bom: false };
    }
}
/** A decoder that drops a leading BOM and keeps characters whole across chunks. */
function createDecoder(encoding) {
    if (encoding === "windows-1252")
        return { decode: (chunk) => decodeWindows1252(chunk) };
    if (encoding === "utf-8") {
        const decoder = new TextDecoder("utf-8");
        return { decode: (chunk, last = true) => decoder.decode(chunk, { stream: !last }) };
    }
    // UTF-16BE is decoded as LE after swapping byte pairs: only "utf-16le" is in every runtime.
    const decoder = new TextDecoder("utf-16le");
    let carry;
    return {
        decode(chunk, last = true) {
            if (encoding === "utf-16le")
                return decoder.decode(chunk, { stream: !last });
            const joined = carry === undefined ? chunk : prepend(carry, chunk);
            const even = joined.length - (joined.length % 2);
            // The odd byte out, or undefined (past the end) when there is none.
            carry = joined[even];
            const swapped = new Uint8Array(even);
            // Stryker disable next-line EqualityOperator: `<=` is equivalent
            // Writes past a Uint8Array's end are dropped.
            for (let i = 0; i < even; i += 2) {
                swapped[i] = joined[i + 1];
                swapped[i + 1] = joined[i];
            }
            return decoder.decode(swapped, { stream: !last });
        },
    };
}
/** The whole of `bytes` as text, BOM dropped. */
function decodeText(bytes, encoding) {
    return createDecoder(encoding).decode(bytes, true);
}
/** The head of a CSV as text, with the encoding it was read in. */
function decodeHead(head) {
    const detected = detectEncoding(head);
    // The head may end inside a character: decoding it as the last chunk marks that with U+FFFD.
    const text = createDecoder(detected.encoding).decode(head, false);
    return { ...detected, text };
}
function decodeWindows1252(chunk) {
    let text = "";
    // Stryker disable next-line EqualityOperator: `<=` is equivalent
    // The extra batch is empty.
    for (let start = 0; start < chunk.length; start += 8192) {
        const end = Math.min(chunk.length, start + 8192);
        // Stryker disable next-line ArrayDeclaration: equivalent
        // `new Array()`: the length only preallocates.
        const codes = new Array(end - start);
        for (let i = start; i < end; i++) {
            const byte = chunk[i];
            codes[i - start] = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80] : byte;
        }
        text += String.fromCharCode(...codes);
    }
    return text;
}
function prepend(byte, chunk) {
    const out = new Uint8Array(chunk.length + 1);
    out[0] = byte;
    out.set(chunk, 1);
    return out;
}

;// CONCATENATED MODULE: ./src/core/error-body.ts
/**
 * What a body says, when it is recognisably a page or an error; undefined otherwise.
 *
 * A body this tool refuses or fails on may be the report itself (a CSV under a wrong label,
 * rows exported as JSON, a CSV sent with an error status): its rows are personal data and
 * must reach no message. So a body is quoted only when it is one of these, and described
 * without its content (see body-description.ts) in every other case:
 * - blank: "empty body";
 * - an HTML page: after a BOM and blanks it starts with "<" and its first KiB holds
 *   `<!doctype html`, `<html`, `<head`, `<body` or `<title`. Only its title is quoted,
 *   when that is a short text; never its body, which could be a table of rows;
 * - a JSON string or scalar: the string if it is a short text, the scalar as written;
 * - a JSON error object: each key is one of ERROR_KEYS and each value a scalar, except
 *   `errors`, an object of field names to messages (RFC 7807). Every message quoted must
 *   be a short text and every field name an identifier; if none of its messages can be
 *   quoted, only its keys are named (they are all from ERROR_KEYS);
 * - a short text (isShortText).
 * JSON arrays, objects with other keys or nested values, long or multi-line text and
 * anything that looks like delimited fields are not recognised: when in doubt, not quoted.
 */
function messageOfErrorBody(text) {
    const trimmed = text.replace(/^\ufeff/, "").trim();
    if (trimmed === "")
        return "empty body";
    if (isHtmlPage(trimmed)) {
        const title = (/<title[^>]*>([^<]*)<\/title>/i.exec(trimmed)?.[1] ?? "").trim();
        return title && isShortText(title) ? `an HTML page titled "${title}"` : "an HTML page";
    }
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        // Not JSON, whatever the Content-Type said: quoted only as a short text.
        return isShortText(trimmed) ? trimmed : undefined;
    }
    if (typeof parsed === "string")
        return isShortText(parsed) ? parsed : undefined;
    if (parsed === null || typeof parsed !== "object")
        return String(parsed);
    if (Array.isArray(parsed))
        return undefined;
    return messageOfErrorObject(parsed);
}
/**
 * Keys of the error shapes Lucca uses: the older {"Status","Message"} (and the SDK's
 * "StackTrace", never shown), the REST framework's {"id","error"}, RFC 7807's title,
 * status, type, detail, instance and errors, and the usual extras.
 */
const ERROR_KEYS = new Set([
    "Status",
    "Message",
    "StackTrace",
    "status",
    "message",
    "error",
    "title",
    "detail",
    "type",
    "instance",
    "errors",
    "id",
    "code",
    "traceId",
]);
const MESSAGE_KEYS = ["Message", "message", "detail", "error", "title"];
const FIELD_NAME = /^[A-Za-z_$][\w$.[\]-]{0,63}$/;
function messageOfErrorObject(fields) {
    for (const [key, value] of Object.entries(fields)) {
        if (!ERROR_KEYS.has(key))
            return undefined;
        if (key !== "errors" && value !== null && typeof value === "object")
            return undefined;
    }
    const fieldErrors = fieldErrorsOf(fields.errors);
    if (fieldErrors === undefined)
        return undefined;
    const message = MESSAGE_KEYS.map((key) => fields[key]).find((value) => typeof value === "string" && value.trim() !== "");
    if (message !== undefined && !isShortText(message))
        return undefined;
    if (message === undefined && fieldErrors === "") {
        // Nothing meant for people (perhaps only a stack trace): its keys, never its values.
        return `JSON without a message (keys: ${Object.keys(fields).join(", ")})`;
    }
    return [message?.trim(), fieldErrors].filter(Boolean).join(": ");
}
/**
 * RFC 7807 `errors`: {"templateId": ["is required"]} -> "templateId: is required"; ""
 * when there are none to show; undefined when `errors` is not such an object of short texts.
 */
function fieldErrorsOf(errors) {
    if (errors === undefined || errors === null)
        return "";
    if (typeof errors !== "object")
        return "";
    if (Array.isArray(errors))
        return undefined;
    const parts = [];
    for (const [field, list] of Object.entries(errors)) {
        if (!FIELD_NAME.test(field))
            return undefined;
        const items = Array.isArray(list) ? list : [list];
        if (items.some((item) => item !== null && typeof item === "object"))
            return undefined;
        const messages = items.filter((item) => typeof item === "string");
        if (!messages.every(isShortText))
            return undefined;
        if (messages.length > 0)
            parts.push(`${field}: ${messages.join(", ")}`);
    }
    return parts.join("; ");
}
/** Characters of a text quoted as an error message. */
const SHORT_TEXT_CHARS = 200;
/**
 * What error messages look like and a record of a delimited file does not: one line of at
 * most SHORT_TEXT_CHARS characters, no e-mail address, and fewer than two of any field
 * delimiter (`;`, tab, `|`, or a comma followed by no space, as in "a,b"): two delimiters
 * make the three fields of a timesheet row's smallest shape.
 */
function isShortText(text) {
    const trimmed = text.trim();
    if (trimmed.length > SHORT_TEXT_CHARS || /[\r\n\u2028\u2029]/.test(trimmed))
        return false;
    if (/[^\s@<>"]+@[^\s@<>"]+\.[A-Za-z]{2,}/.test(trimmed))
        return false;
    for (const delimiter of [/;/g, /\t/g, /\|/g, /,(?! )/g]) {
        if ((trimmed.match(delimiter)?.length ?? 0) >= 2)
            return false;
    }
    return true;
}
/** A page, not a CSV whose first cell holds markup: markup at the very start, and HTML's. */
function isHtmlPage(trimmed) {
    return (trimmed.startsWith("<") &&
        /<(!doctype\s+html|html|head|body|title)[\s>/]/i.test(trimmed.slice(0, 1024)));
}

;// CONCATENATED MODULE: ./src/core/body-description.ts




/** Bytes shown in hex: enough for any file signature (an .xls's is 8). */
const HEX_BYTES = 8;
/**
 * A body made fit for a message: what it says when it is recognisably a page or an error
 * (error-body.ts), the key redacted, one line, cut; otherwise its media type, its size and
 * its first bytes in hex, never past its first line (a CSV's header line), so that no row
 * of a report served in its place reaches an error, a log or a summary.
 */
function describeBody(sample, secrets) {
    const message = messageOfErrorBody(decodeText(sample.bytes, "utf-8"));
    if (message !== undefined)
        return excerptOf(message, secrets);
    return `not shown, as it may hold the report's rows: ${bodyFacts(sample, secrets)}`;
}
/** "text/csv, 2048 bytes, first bytes ef bb bf 4e 61 6d 65 3b" */
function bodyFacts(sample, secrets = []) {
    const size = sample.more
        ? sample.declaredBytes === undefined
            ? `more than ${sample.bytes.byteLength} bytes`
            : `${sample.declaredBytes} bytes`
        : `${sample.bytes.byteLength} bytes`;
    return `${mediaTypeOf(sample.contentType) ?? "no Content-Type"}, ${size}, first bytes ${firstBytes(sample.bytes, secrets)}`;
}
function firstBytes(bytes, secrets) {
    // Hex is no disguise: a body that starts with the key (an echo) shows none of its bytes.
    const start = decodeText(bytes.subarray(0, 4 * HEX_BYTES), "utf-8");
    if (redact(start, secrets) !== start)
        return "not shown (they hold the key)";
    const shown = [];
    for (const byte of bytes.subarray(0, HEX_BYTES)) {
        if (byte === 0x0a || byte === 0x0d)
            break;
        shown.push(byte.toString(16).padStart(2, "0"));
    }
    return shown.length > 0 ? shown.join(" ") : "none before a line break";
}

;// CONCATENATED MODULE: ./src/core/delay.ts
/** The longest wait a timer can hold (about 24.8 days); a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** A wait fit for setTimeout: whole, not negative, at most MAX_TIMER_MS. */
function timerMs(ms) {
    // Stryker disable next-line EqualityOperator: `>=` is equivalent
    // 0 becomes Math.min(Math.ceil(0), MAX_TIMER_MS), still 0.
    if (!(ms > 0))
        return 0;
    return Math.min(Math.ceil(ms), MAX_TIMER_MS);
}
/**
 * Resolves after `ms` (clamped to what a timer can hold), or rejects with the signal's
 * reason as soon as it aborts.
 */
function delay(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason);
            return;
        }
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, timerMs(ms));
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}

;// CONCATENATED MODULE: ./src/core/domain.ts

const LUCCA_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.ilucca(?:-test|-demo)?\.(?:net|ch)$/;
const SANDBOX_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.sandbox\.[a-z0-9-]+\.luccasoftware\.com$/;
function isLoopbackHost(hostname) {
    return hostname === "localhost" || hostname === "[::1]" || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}
function isLuccaHost(hostname) {
    return LUCCA_HOST.test(hostname) || SANDBOX_HOST.test(hostname);
}
/**
 * The Lucca host a user most likely meant by a host that is not one: the account alone
 * (`bigcorp`), a Lucca name a letter or two off (`acme.iluca.net`, `acme.ilucca.com`,
 * `acme.sandbox.eu1.lucasoftware.com`) or with labels in front (`www.acme.ilucca.net`).
 * Undefined for a host unlike any of them: that one may be a proxy of the user's own.
 */
function suggestLuccaHost(hostname) {
    const host = hostname.replace(/\.$/, "");
    const labels = host.split(".");
    const [account = "", name, tld] = labels;
    const candidates = [host];
    for (let first = 1; first < labels.length - 1; first++) {
        candidates.push(labels.slice(first).join("."));
    }
    const lucca = nearest(name ?? "ilucca", ["ilucca", "ilucca-test", "ilucca-demo"]);
    if (labels.length <= 3 && lucca !== undefined) {
        // Most tenants are on .net: a wrong top-level domain (.com, .fr) is taken for it.
        candidates.push(`${account}.${lucca}.${nearest(tld ?? "net", ["net", "ch"], 1) ?? "net"}`);
    }
    if (labels.length === 5) {
        const [, sandbox = "", server = "", ...domain] = labels;
        const edits = editDistance(sandbox, "sandbox") + editDistance(domain.join("."), "luccasoftware.com");
        if (edits <= 2)
            candidates.push(`${account}.sandbox.${server}.luccasoftware.com`);
    }
    return candidates.find((candidate) => candidate !== hostname && isLuccaHost(candidate));
}
/**
 * Turns the user's domain into the origin every request goes to, or says what is wrong.
 * Lucca hosts need https; loopback (the simulator) may use http; any other host must be
 * named in `allowHosts`, so a typo cannot send the API key somewhere else.
 * Returns a list of problems instead of throwing, so callers can report every bad input at once.
 */
function parseDomain(input, allowHosts, labels = { domain: "--domain", allowHost: "--allow-host" }) {
    const label = labels.domain;
    const text = input.trim();
    if (text === "")
        return { problem: `${label}: missing; give your Lucca domain, e.g. https://acme.ilucca.net` };
    let url;
    try {
        url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    }
    catch {
        return { problem: `${label}: "${text}" is not a URL; expected e.g. https://acme.ilucca.net` };
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
        return { problem: `${label}: "${text}" must use https://` };
    }
    if (url.username || url.password || url.search || url.hash || url.pathname !== "/") {
        return {
            problem: `${label}: "${text}" must be a bare origin such as https://acme.ilucca.net (no path, query or credentials)`,
        };
    }
    const host = url.hostname.toLowerCase();
    const loopback = isLoopbackHost(host);
    const allowed = allowHosts.some((entry) => entry.trim().toLowerCase() === host || entry.trim().toLowerCase() === url.host.toLowerCase());
    if (url.protocol === "http:" && !loopback) {
        return {
            problem: `${label}: "${text}" uses http://, which would send the API key in clear; use https:// (only loopback hosts may use http)`,
        };
    }
    if (!loopback && !allowed && !isLuccaHost(host)) {
        // Allowing a typo would send the API key to whoever holds that name: a near miss gets
        // the Lucca host it resembles, and only an unrelated name the allow-list advice.
        const meant = suggestLuccaHost(host);
        if (meant !== undefined) {
            return {
                problem: `${label}: "${host}" is not a Lucca host; did you mean https://${meant}${url.port ? `:${url.port}` : ""}?`,
            };
        }
        return {
            problem: `${label}: "${host}" is not a Lucca host (expected {account}.ilucca.net, .ilucca-test.net, .ilucca-demo.net, the .ch equivalents or {account}-{sandbox}.sandbox.{server}.luccasoftware.com); if it is your own proxy or host in front of Lucca, allow it with ${labels.allowHost} ${host}`,
        };
    }
    return { url: new URL(url.origin) };
}

;// CONCATENATED MODULE: ./src/core/network-failure.ts
/**
 * Network failures another attempt cannot cure, told apart by the error's code (Node sets
 * `code` on the error, and fetch or undici keep it on a `cause`), never by its text. Codes
 * left out are retried: EAI_AGAIN is a resolver that failed for now, ECONNREFUSED or
 * ECONNRESET a server that may be back in a moment.
 */
/** The certificate chain does not lead to a CA this runtime trusts. */
const UNTRUSTED = new Set([
    "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
    "UNABLE_TO_GET_ISSUER_CERT",
    "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
    "SELF_SIGNED_CERT_IN_CHAIN",
    "DEPTH_ZERO_SELF_SIGNED_CERT",
    "CERT_UNTRUSTED",
    "CERT_SIGNATURE_FAILURE",
    "CERT_REJECTED",
]);
const OUT_OF_DATE = new Set(["CERT_HAS_EXPIRED", "CERT_NOT_YET_VALID"]);
const OTHER_NAME = new Set(["ERR_TLS_CERT_ALTNAME_INVALID", "HOSTNAME_MISMATCH"]);
/** How many `cause` links are followed: fetch wraps once, a proxy agent once more. */
const MAX_DEPTH = 5;
/**
 * What is wrong, in words a user can act on, when `error` (thrown by fetch for a request
 * to `host`) cannot be cured by retrying; undefined when another attempt may work.
 */
function permanentNetworkProblem(error, host) {
    let current = error;
    for (let depth = 0; depth < MAX_DEPTH && typeof current === "object" && current !== null; depth++) {
        const { code, hostname } = current;
        if (typeof code === "string") {
            const problem = explain(code, typeof hostname === "string" ? hostname : host, host);
            if (problem !== undefined)
                return problem;
        }
        current = current.cause;
    }
    return undefined;
}
function explain(code, looked, host) {
    if (code === "ENOTFOUND") {
        return looked === host
            ? `the host name ${host} could not be found in DNS (${code}): check --domain (or the domain input) for a typo`
            : `the host name ${looked} could not be found in DNS (${code}); it is not the domain ${host} but the proxy's: check HTTPS_PROXY`;
    }
    if (UNTRUSTED.has(code)) {
        return `the TLS certificate presented for ${host} is not trusted (${code}). A company proxy that inspects TLS presents certificates of its own CA: give Node that CA with NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem (see Troubleshooting in the README)`;
    }
    if (OUT_OF_DATE.has(code)) {
        return `the TLS certificate presented for ${host} has expired or is not valid yet (${code}): check this machine's clock, or the proxy in between`;
    }
    if (OTHER_NAME.has(code)) {
        return `the TLS certificate presented for ${host} is for another host name (${code}): check --domain (or the domain input), or the proxy in between`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/core/read-body.ts
/**
 * Reads at most `maxBytes` of a body, then cancels the rest: an endless or huge answer
 * costs `maxBytes` of memory, never more, and the connection is let go at once.
 */
async function readCapped(body, maxBytes) {
    if (!body)
        return { bytes: new Uint8Array(0), overflowed: false };
    const reader = body.getReader();
    const chunks = [];
    let size = 0;
    let overflowed = false;
    try {
        for (;;) {
            const { done, value } = await reader.read();
            if (done)
                break;
            if (size + value.byteLength > maxBytes) {
                chunks.push(value.subarray(0, maxBytes - size));
                size = maxBytes;
                overflowed = true;
                break;
            }
            chunks.push(value);
            size += value.byteLength;
        }
    }
    finally {
        // Stryker disable next-line ConditionalExpression: -> true is equivalent
        // After `done` the stream is closed and cancel does nothing; after a failed read its rejection
        // is caught and the same error goes on.
        if (overflowed)
            await reader.cancel().catch(() => { });
        reader.releaseLock();
    }
    const bytes = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.byteLength;
    }
    return { bytes, overflowed };
}

;// CONCATENATED MODULE: ./src/core/backoff.ts
/** Delay before attempt `attempt + 1` (attempt counts from 0): exponential, capped, jittered. */
function backoffDelay(attempt, options) {
    const { initialMs, maxMs, multiplier = 2, jitter = 0.2, random = Math.random } = options;
    const exponential = Math.min(maxMs, initialMs * multiplier ** attempt);
    // Jitter only shortens the delay, so the cap stays a true upper bound.
    return Math.round(exponential * (1 - jitter * random()));
}

;// CONCATENATED MODULE: ./src/core/retry.ts




/**
 * Thrown by one attempt when the failure is worth another try: a network error, a cut
 * body, 408, 429 or 5xx. Internal to the retry loop; callers see NetworkError once
 * retries run out.
 */
class TransientFailure extends Error {
    status;
    retryAfterMs;
    /** The server answered, with something that is not usable (a page instead of the file). */
    unusable;
    constructor(message, options = {}) {
        super(message, { cause: options.cause });
        this.name = "TransientFailure";
        this.status = options.status;
        this.retryAfterMs = options.retryAfterMs;
        this.unusable = options.unusable ?? false;
    }
}
/** Statuses that say "try again later" rather than "this request is wrong". */
function isTransientStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
/**
 * A 429 without Retry-After: Lucca counts its 50 requests over 60 s, so the wait starts at
 * 5 s and doubles to 30 s; five retries then span at least 90 s, past the window, whatever
 * the jitter (5 + 10 + 20 + 30 + 30 = 95 s, at most 5% less).
 */
const RATE_LIMIT_BACKOFF = { initialMs: 5_000, maxMs: 30_000, jitter: 0.05 };
/** The wait before the next attempt: Retry-After when the server gave one, else backoff. */
function retryDelay(attempt, failure, backoff) {
    const throttled = failure.status === 429 && failure.retryAfterMs === undefined;
    const computed = Math.max(backoffDelay(attempt, backoff), throttled ? backoffDelay(attempt, { ...RATE_LIMIT_BACKOFF, random: backoff.random }) : 0);
    return failure.retryAfterMs === undefined ? computed : Math.max(failure.retryAfterMs, computed);
}
/**
 * Runs `attempt` until it succeeds, throws something other than TransientFailure, or
 * `maxRetries` retries have failed. Waits are cancelled by `signal`.
 */
async function retry(attempt, options) {
    if (!Number.isInteger(options.maxRetries) || options.maxRetries < 0) {
        throw new RangeError(`Cannot retry as maxRetries is not a whole number >= 0: current value is ${options.maxRetries}`);
    }
    for (let index = 0;; index++) {
        options.signal.throwIfAborted();
        try {
            return await attempt(index);
        }
        catch (error) {
            if (options.signal.aborted)
                throw options.signal.reason;
            if (!(error instanceof TransientFailure))
                throw error;
            if (index >= options.maxRetries) {
                if (error.unusable) {
                    throw new errors/* UnusableAnswerError */.qx(`${options.method} ${options.url} failed after ${index + 1} attempt(s): ${error.message}`, { cause: error });
                }
                throw new errors/* NetworkError */.Dr(`${options.method} ${options.url} failed after ${index + 1} attempt(s): ${error.message}`, {
                    method: options.method,
                    url: options.url,
                    status: error.status,
                    attempts: index + 1,
                    cause: error,
                });
            }
            const delayMs = retryDelay(index, error, options.backoff);
            const now = options.now ?? Date.now;
            if (error.retryAfterMs !== undefined &&
                options.deadlineAt !== undefined &&
                now() + error.retryAfterMs > options.deadlineAt) {
                throw new errors/* NetworkError */.Dr(`${options.method} ${options.url} answered${error.status === undefined ? "" : ` ${error.status}`} with Retry-After: ${formatDuration(error.retryAfterMs)}, which reaches past the overall deadline (${formatDuration(Math.max(0, options.deadlineAt - now()))} left); not waiting for it. Try again later.`, {
                    method: options.method,
                    url: options.url,
                    status: error.status,
                    attempts: index + 1,
                    cause: error,
                });
            }
            options.onRetry?.({
                attempt: index + 1,
                delayMs,
                reason: error.message,
                status: error.status,
            });
            await delay(delayMs, options.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/retry-after.ts
/**
 * Parses a Retry-After header (delta-seconds or HTTP-date) into milliseconds from `now`.
 * Returns undefined when absent or unreadable, so the caller falls back to its own backoff.
 */
function parseRetryAfter(value, now) {
    if (value == null)
        return undefined;
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text))
        return Math.round(Number(text) * 1000);
    // An HTTP-date names its weekday and month; a bare "-3" must not parse as year -3.
    if (!/[a-z]/i.test(text))
        return undefined;
    const date = Date.parse(text);
    if (Number.isNaN(date))
        return undefined;
    return Math.max(0, date - now);
}

// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 15 modules
var schemas = __webpack_require__(9691);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./src/core/schemas.ts

/**
 * The schema door for Lucca's answers. Ids, statuses and dates are checked strictly: they
 * end up in log lines, the job summary, commit messages and default file names, so a value
 * that does not have the expected form is refused, never cleaned up.
 */
/** Digits, or a short token of letters, digits, `_` and `-`. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** A short word: letters, `_` and `-`. */
const STATUS_PATTERN = /^[A-Za-z_-]{1,32}$/;
const DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
function isSafeId(value) {
    return ID_PATTERN.test(value);
}
/** A real calendar day as YYYY-MM-DD (a date-time is accepted and cut to its day). */
function calendarDay(value) {
    const match = DATE_PREFIX.exec(value);
    if (!match)
        return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month < 1 || month > 12 || day < 1)
        return undefined;
    const days = new Date(Date.UTC(2000, month, 0)).getUTCDate();
    const leap = month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
    if (day > (leap ? 28 : days))
        return undefined;
    return value.slice(0, 10);
}
const id = schemas/* union */.KCZ([
    schemas/* number */.aig().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    schemas/* string */.YjP().regex(ID_PATTERN, "must be digits or a short token of letters, digits, _ and -"),
])
    .transform((value) => String(value));
const date = schemas/* string */.YjP()
    .nullable()
    .optional()
    .transform((value, context) => {
    if (value == null)
        return null;
    const day = calendarDay(value);
    if (day === undefined) {
        context.addIssue({ code: "custom", message: "must be a date as YYYY-MM-DD" });
        return core/* NEVER */.tm;
    }
    return day;
});
/** A report as Lucca returns it; tolerant of the forms lucca-api.md lists as unknown. */
const reportObject = schemas/* object */.Ikc({
    id,
    templateId: id
        .nullable()
        .optional()
        .transform((value) => value ?? undefined),
    status: schemas/* string */.YjP()
        .regex(STATUS_PATTERN, "must be a short word (letters, _ and -)")
        .transform((value) => value.toLowerCase()),
    name: schemas/* string */.YjP().nullable().optional(),
    startsOn: date,
    endsOn: date,
})
    .loose();
/**
 * Bare, wrapped in {"data": ...} or in the REST framework's {"header": ..., "data": ...}
 * (the header is dropped), or a one-item collection: {"data": {"items": [...]}} or [...].
 */
const reportSchema = schemas/* union */.KCZ([
    schemas/* object */.Ikc({ data: reportObject }).transform((wrapped) => wrapped.data),
    schemas/* object */.Ikc({ data: schemas/* object */.Ikc({ items: schemas/* array */.YOg(reportObject).length(1) }) })
        .transform((wrapped) => wrapped.data.items[0]),
    schemas/* array */.YOg(reportObject)
        .length(1)
        .transform((items) => items[0]),
    reportObject,
]);
const templateSchema = schemas/* union */.KCZ([
    schemas/* object */.Ikc({ data: schemas/* object */.Ikc({ id }).loose() }).transform((wrapped) => wrapped.data),
    schemas/* object */.Ikc({ id }).loose(),
]);
/** What `template create` sends: the payload the Lucca UI posts, checked only loosely. */
const templatePayloadSchema = schemas/* object */.Ikc({
    blueprintId: schemas/* string */.YjP().min(1),
    name: schemas/* string */.YjP().min(1),
    columns: schemas/* array */.YOg(schemas/* object */.Ikc({ kind: schemas/* string */.YjP().min(1) }).loose()).min(1),
})
    .loose();
function isKnownStatus(status) {
    return status === "pending" || status === "done" || status === "error";
}

;// CONCATENATED MODULE: ./src/core/url-shape.ts



/** The paths this tool itself calls on Lucca: the only ones written as they are. */
const OWN_PATHS = [
    /^\/timmi-timesheet\/api\/report-templates$/,
    /^\/timmi-timesheet\/api\/reports$/,
    /^\/timmi-timesheet\/api\/reports\/([^/]+)$/,
    /^\/timmi-timesheet\/api\/reports\/([^/]+)\/download-(?:csv|excel)$/,
];
/** Query parameter names of signed URLs and APIs look like this; a name that does not is hidden. */
const PARAMETER_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
/**
 * A path as a trace or a message writes it. This tool's own Lucca paths (with an id of the id schema's
 * form) are written as they are; any other (a redirect's target, chosen by the server) as
 * one `*` per segment with a known file extension kept: a storage path often holds a
 * file name, and a file name can be a person's. The key is redacted wherever it is.
 */
function pathShape(path, secrets) {
    for (const own of OWN_PATHS) {
        const match = own.exec(path);
        if (match && (match[1] === undefined || ID_PATTERN.test(match[1]))) {
            return redact(path, secrets);
        }
    }
    const segments = path.split("/");
    const last = segments.length - 1;
    return segments
        .map((segment, index) => {
        if (segment === "")
            return "";
        const extension = /\.([A-Za-z0-9]{1,5})$/.exec(segment)?.[1]?.toLowerCase();
        return index === last && extension && FILE_EXTENSIONS.has(extension) ? `*.${extension}` : "*";
    })
        .join("/");
}
/** The distinct names of a query's parameters, redacted; a name of another form as "…". */
function queryNames(params, secrets) {
    const names = [...new Set(params.keys())].map((name) => PARAMETER_NAME.test(name) ? redact(name, secrets) : "…");
    return [...new Set(names)];
}
/** Resolves a relative target without giving it an origin of its own ("//host/x" gets one). */
const RELATIVE_BASE = "http://relative.invalid";
/**
 * A redirect's target as a trace writes it: its origin (redacted), its path shaped as
 * above, and "?…" for a query (pre-signed URLs carry their token there). A relative target
 * stays relative; a target of another scheme is given by its scheme alone (a data: URL
 * could carry the whole file).
 */
function locationShape(location, secrets) {
    let url;
    try {
        url = new URL(location.trim(), RELATIVE_BASE);
    }
    catch {
        return "(not a URL)";
    }
    if (url.protocol !== "http:" && url.protocol !== "https:")
        return `${url.protocol}…`;
    const query = url.search ? "?…" : "";
    const path = pathShape(url.pathname, secrets);
    return url.origin !== RELATIVE_BASE
        ? `${redact(url.origin, secrets)}${path}${query}`
        : `${path}${query}`;
}
/**
 * A URL the server may have chosen (a redirect's target) as a message names it: origin
 * and path as above, never the query.
 */
function urlForMessage(url, secrets) {
    return `${redact(url.origin, secrets)}${pathShape(url.pathname, secrets)}`;
}

;// CONCATENATED MODULE: ./src/core/http.ts










const MAX_REDIRECTS = 5;
/** Bytes of an error body read for its excerpt; the rest is never read. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/**
 * Sends one request and returns the 2xx response with its body unread. Follows redirects
 * itself so that Authorization never leaves the origin it was meant for. Throws
 * TransientFailure for what a retry may cure, LuccaRejectedError for the rest.
 */
async function sendOnce(request, options) {
    const answered = await options.takeSlot?.(options.signal);
    const controller = new AbortController();
    const signal = AbortSignal.any([options.signal, controller.signal]);
    const timer = setTimeout(() => controller.abort(new TransientFailure(`no response within ${options.requestTimeoutMs} ms`)), timerMs(options.requestTimeoutMs));
    try {
        let url = request.url;
        let headers = { ...request.headers };
        let method = request.method;
        let body = request.body ?? null;
        /** Set once a POST was answered with "see the result there": it must never be sent again. */
        let postSeenOther;
        for (let hop = 0;; hop++) {
            const response = await fetchOrTransient(options.fetch, url, { method, headers, body, redirect: "manual", signal }, signal, options.secrets).catch((error) => {
                throw postSeenOther ? notRetried(postSeenOther, error) : error;
            });
            const location = response.headers.get("location");
            if (response.status >= 300 && response.status < 400 && location) {
                await response.body?.cancel();
                if (hop >= MAX_REDIRECTS) {
                    const failure = new TransientFailure(`more than ${MAX_REDIRECTS} redirects`);
                    throw postSeenOther ? notRetried(postSeenOther, failure) : failure;
                }
                const next = checkRedirect(request, url, response.status, location, options);
                if (next.origin !== request.url.origin)
                    headers = withoutAuthorization(headers);
                if (method === "POST" && isSeeOther(response.status)) {
                    // The POST was received (the report may exist): read the answer where it points,
                    // with a GET, as HTTP says; the POST itself is never sent again.
                    postSeenOther = `${request.method} ${request.url.origin}${request.url.pathname} was answered ${response.status} (see ${pathShape(next.pathname, options.secrets)})`;
                    method = "GET";
                    body = null;
                    headers = withoutContentType(headers);
                }
                url = next;
                continue;
            }
            if (response.ok)
                return { response, url, abort: (reason) => controller.abort(reason), signal };
            const failure = await failureFor(method, url, response, options, url.origin === request.url.origin);
            throw postSeenOther ? notRetried(postSeenOther, failure) : failure;
        }
    }
    catch (error) {
        if (options.signal.aborted)
            throw options.signal.reason;
        throw error;
    }
    finally {
        clearTimeout(timer);
        answered?.();
    }
}
/** 301, 302 and 303 turn a POST into a GET of the place named (what browsers do). */
function isSeeOther(status) {
    return status === 301 || status === 302 || status === 303;
}
/**
 * A failure after a POST was answered with a redirect: retrying would send the POST again
 * and could create a second report, so it ends the call instead.
 */
function notRetried(what, error) {
    if (!(error instanceof TransientFailure))
        return error;
    return new errors/* UnusableAnswerError */.qx(`${what}, and reading that answer failed: ${error.message}. Not retried, so that no second report is created; the report may exist in Lucca.`, { cause: error });
}
function withoutContentType(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "content-type"));
}
async function fetchOrTransient(fetch, url, init, signal, secrets) {
    try {
        return await fetch(url, init);
    }
    catch (error) {
        // The request timeout (a TransientFailure) or the job's own reason, not the AbortError.
        if (signal.aborted)
            throw signal.reason;
        // The HTTP stack may quote a header it refused: with a key holding a NUL byte, that
        // is the key. Neither the message nor the cause kept may show it.
        const described = describeCause(error);
        const cause = redact(described, secrets) === described ? error : redactedCause(error, secrets);
        const permanent = permanentNetworkProblem(error, url.hostname);
        if (permanent !== undefined) {
            // Fails at once: every retry would meet the same answer, after waits of 15 s in all.
            const where = `${init.method ?? "GET"} ${url.origin}${url.pathname}`;
            throw new errors/* NetworkError */.Dr(`${where} failed: ${permanent}. Not retried.`, {
                method: init.method ?? "GET",
                url: `${url.origin}${url.pathname}`,
                status: undefined,
                attempts: 1,
                cause,
            });
        }
        throw new TransientFailure(`network error: ${excerptOf(described, secrets)}`, { cause });
    }
}
/** A stand-in for an error whose text holds a secret: same name, redacted message. */
function redactedCause(error, secrets) {
    const copy = new Error(redact(describeCause(error), secrets));
    copy.name = error instanceof Error ? error.name : "Error";
    return copy;
}
/**
 * Where a redirect may lead. Never to another scheme than https (http only between
 * loopback hosts, for the simulator), and for JSON calls never to another origin: there, a
 * redirect means a wrong domain or a sign-in page. A POST answered 301-303 on its own
 * origin is followed with a GET by the caller; 307/308 re-send the same POST.
 */
function checkRedirect(request, from, status, location, options) {
    const where = `${request.method} ${urlForMessage(from, options.secrets)}`;
    let next;
    try {
        next = new URL(location, from);
    }
    catch {
        throw new errors/* UnusableAnswerError */.qx(`${where} was redirected (${status}) to something that is not a URL; not followed.`);
    }
    const loopbackHttp = request.url.protocol === "http:" &&
        isLoopbackHost(request.url.hostname) &&
        isLoopbackHost(next.hostname);
    if (next.protocol !== "https:" && !(next.protocol === "http:" && loopbackHttp)) {
        const what = next.protocol === "http:" ? "http:, a downgrade from https" : `a ${next.protocol} URL`;
        throw new errors/* UnusableAnswerError */.qx(`${where} was redirected (${status}) to ${what}; not followed.`);
    }
    const keyHint = options.hint(401);
    if ((request.redirects ?? "api") === "api" && next.origin !== request.url.origin) {
        throw new errors/* LuccaRejectedError */.Xf(`${where} was redirected (${status}) to another origin, ${redact(next.origin, options.secrets)}; API calls are not followed there. Either the domain is not the Lucca API (check it), or Lucca sent the call to a sign-in page because it did not accept the key. ${keyHint}`, {
            status,
            method: request.method,
            url: urlForMessage(from, options.secrets),
            bodyExcerpt: "",
            hint: keyHint,
        });
    }
    return next;
}
function withoutAuthorization(headers) {
    return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== "authorization"));
}
async function failureFor(method, url, response, options, echoBody) {
    // Another origin's body is never shown: a redirect could point at an internal service.
    const excerpt = echoBody ? await readExcerpt(response, options.secrets) : "";
    if (!echoBody)
        await response.body?.cancel().catch(() => { });
    // The last hop's URL may be a redirect's target: the server chose it.
    const shown = urlForMessage(url, options.secrets);
    const where = `${method} ${shown}`;
    if (isTransientStatus(response.status)) {
        return new TransientFailure(`${where} answered ${response.status}${excerpt ? `: ${excerpt}` : ""}`, {
            status: response.status,
            retryAfterMs: parseRetryAfter(response.headers.get("retry-after"), options.now()),
        });
    }
    const hint = options.hint(response.status);
    return new errors/* LuccaRejectedError */.Xf(`Lucca rejected ${where} with ${response.status}${excerpt ? ` (${excerpt})` : ""}. ${hint}`, {
        status: response.status,
        method,
        url: shown,
        bodyExcerpt: excerpt,
        hint,
    });
}
/**
 * The message an error body carries, whichever of Lucca's error shapes it uses, or only its
 * type, size and first bytes when it is not recognisably a page or an error (it may be the
 * report): at most 64 KiB read, secrets redacted before the cut to 300 characters, one line.
 */
async function readExcerpt(response, secrets = []) {
    try {
        const body = await readCapped(response.body, MAX_ERROR_BODY_BYTES);
        return describeBody({
            bytes: body.bytes,
            more: body.overflowed,
            contentType: response.headers.get("content-type"),
            declaredBytes: declaredLength(response.headers),
        }, secrets);
    }
    catch {
        return "";
    }
}
/** The Content-Length announced, when it is a number. */
function declaredLength(headers) {
    const value = headers.get("content-length");
    if (value === null || !/^\d+$/.test(value.trim()))
        return undefined;
    return Number(value);
}

function describeCause(error) {
    if (error instanceof Error) {
        const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
        return `${error.message}${cause}`;
    }
    return String(error);
}

;// CONCATENATED MODULE: ./src/core/lucca-client.ts










const API = "/timmi-timesheet/api";
/** A report or template object is a few KiB; an answer past this is not one. */
const MAX_JSON_BYTES = 1024 * 1024;
function createLuccaClient(options) {
    const now = options.now ?? Date.now;
    const backoff = options.backoff ?? { initialMs: 500, maxMs: 30_000 };
    const authorization = `lucca application=${options.apiKey}`;
    const request = (method, path, hint, body) => {
        const req = {
            method,
            url: new URL(path, options.baseUrl),
            headers: { authorization, accept: "application/json" },
        };
        if (body !== undefined) {
            req.headers["content-type"] = "application/json";
            req.body = JSON.stringify(body);
        }
        return {
            req,
            send: {
                fetch: options.fetch,
                signal: options.signal,
                requestTimeoutMs: options.requestTimeoutMs,
                now,
                secrets: [options.apiKey],
                hint,
                takeSlot: options.takeSlot,
            },
        };
    };
    const retryOptionsFor = (method, url) => ({
        maxRetries: options.maxRetries,
        backoff,
        signal: options.signal,
        method,
        url,
        onRetry: options.onRetry && ((info) => options.onRetry?.({ ...info, method, url })),
        deadlineAt: options.deadlineAt,
        now,
    });
    async function json(method, path, hint, body, onRetry) {
        const { req, send } = request(method, path, hint, body);
        const where = `${req.url.origin}${req.url.pathname}`;
        const retryOptions = retryOptionsFor(method, where);
        const notify = retryOptions.onRetry;
        return retry(async () => {
            const open = await sendOnce(req, send);
            // Stryker disable next-line StringLiteral: equivalent
            // `?? ""` -> other text: the type is only tested against /^\s*text\/html/, which no
            // fallback matches.
            const type = open.response.headers.get("content-type") ?? "";
            if (open.url.href !== req.url.href && /^\s*text\/html/i.test(type)) {
                // Same-origin redirect to a web page: what Lucca does with a key it refuses.
                await open.response.body?.cancel().catch(() => { });
                const hint = commonHint(401);
                throw new errors/* LuccaRejectedError */.Xf(`${method} ${where} was redirected to a web page (${excerptOf(open.url.pathname, [options.apiKey])}) instead of answering JSON: Lucca sends API calls to its sign-in page when it does not accept the key. ${hint}`, {
                    status: open.response.status,
                    method,
                    url: where,
                    bodyExcerpt: "",
                    hint,
                });
            }
            // The request timeout covers the headers; a body that stalls after them is cut too.
            const stalled = setTimeout(() => open.abort(new TransientFailure(`no complete body within ${options.requestTimeoutMs} ms`)), timerMs(options.requestTimeoutMs));
            let text;
            let sample;
            try {
                const body = await readCapped(open.response.body, MAX_JSON_BYTES);
                sample = {
                    bytes: body.bytes,
                    more: body.overflowed,
                    contentType: type || null,
                    declaredBytes: declaredLength(open.response.headers),
                };
                if (body.overflowed) {
                    const shown = describeBody(sample, [options.apiKey]);
                    throw new errors/* UnusableAnswerError */.qx(`The answer of ${method} ${where} is larger than ${MAX_JSON_BYTES / 1024 / 1024} MiB, far more than a report object; it was not read further: ${shown}`, { excerpt: shown });
                }
                text = decodeText(body.bytes, "utf-8");
            }
            catch (error) {
                // A job cancelled meanwhile: retry() gives the job's reason for whatever is thrown.
                if (error instanceof errors/* UnusableAnswerError */.qx)
                    throw error;
                if (open.signal.reason instanceof TransientFailure)
                    throw open.signal.reason;
                throw new TransientFailure("the response body was cut", { cause: error });
            }
            finally {
                clearTimeout(stalled);
            }
            try {
                return JSON.parse(text);
            }
            catch (error) {
                // A 2xx with a body that is not JSON is most often a cut body; one more try is cheap.
                throw new TransientFailure(`the response of ${method} ${where} is not JSON: ${describeBody(sample, [options.apiKey])}`, { cause: error, unusable: true });
            }
        }, {
            ...retryOptions,
            onRetry: (info) => {
                onRetry?.(info);
                notify?.(info);
            },
        });
    }
    function parse(schema, value, what) {
        const result = schema.safeParse(value);
        if (result.success)
            return result.data;
        const shown = excerptOf(JSON.stringify(value), [options.apiKey]);
        // Stryker disable next-line ArrayDeclaration: equivalent
        // `[options.apiKey]` -> []: zod's messages and schema paths never quote the answer's values.
        const problems = excerptOf(describeIssues(result.error.issues, value), [options.apiKey]);
        throw new errors/* UnusableAnswerError */.qx(`Lucca answered with ${what} this tool cannot use (${problems}): ${shown}`, { excerpt: shown });
    }
    return {
        async createTemplate(payload) {
            const body = await json("POST", `${API}/report-templates`, templateHint, payload);
            return parse(templateSchema, body, "a template");
        },
        async createReport(input) {
            const ambiguous = [];
            const body = await json("POST", `${API}/reports`, createHint(input.templateId), {
                templateId: input.templateId,
                startsOn: input.startsOn,
                endsOn: input.endsOn,
                filters: input.filters ?? null,
            }, (info) => {
                if (mayHaveBeenProcessed(info))
                    ambiguous.push(info.reason);
            });
            const report = parse(reportSchema, body, "a report");
            if (ambiguous.length > 0)
                options.onWarning?.(duplicateWarning(ambiguous, report.id));
            return report;
        },
        async getReport(reportId) {
            const body = await json("GET", `${API}/reports/${encodeURIComponent(reportId)}`, reportHint(reportId));
            return parse(reportSchema, body, "a report");
        },
        downloadUrl,
        async openDownload(reportId, format) {
            const { req, send } = request("GET", downloadUrl(reportId, format).pathname, reportHint(reportId));
            req.headers.accept = "application/octet-stream";
            req.redirects = "download";
            return sendOnce(req, send);
        },
        retryOptionsFor,
        excerpt: (text) => excerptOf(text, [options.apiKey]),
        describe: (sample) => describeBody(sample, [options.apiKey]),
    };
    function downloadUrl(reportId, format) {
        const suffix = format === "excel" ? "download-excel" : "download-csv";
        return new URL(`${API}/reports/${encodeURIComponent(reportId)}/${suffix}`, options.baseUrl);
    }
}
/**
 * "id: must be …; status: …" from a failed parse. Of a bare-or-wrapped union, the branch
 * that matches the answer's shape tells what is wrong.
 */
function describeIssues(issues, value) {
    const wrapped = typeof value === "object" && value !== null && "data" in value;
    const flat = issues.flatMap((issue) => {
        if (!issue.errors?.length)
            return [issue];
        const branch = wrapped ? issue.errors[0] : issue.errors[issue.errors.length - 1];
        // Stryker disable next-line ArrayDeclaration: unreachable
        // `[issue]` -> []: `errors.length` is at least 1 here.
        return branch ?? [issue];
    });
    return flat
        .map((issue) => {
        const path = issue.path.map(String).join(".");
        return path ? `${path}: ${issue.message}` : issue.message;
    })
        .join("; ");
}
const KEY_HINT = "Check the API key (LUCCA_API_KEY, --api-key-file or the api-key input): Lucca did not accept it.";
function commonHint(status) {
    if (status === 401)
        return KEY_HINT;
    if (status === 405)
        return "The Lucca API does not accept this method here; check the domain points at a Lucca Timesheet instance.";
    if (status === 413)
        return "The request is too large for Lucca.";
    return undefined;
}
function createHint(templateId) {
    return (status) => commonHint(status) ??
        (status === 403
            ? `The API key is valid but its role lacks report generation rights or access to template ${templateId}; ask a Lucca administrator to grant them.`
            : status === 404
                ? `Check the template id: template ${templateId} does not exist on this domain or the key's role cannot see it.`
                : "Check the template id and the dates sent.");
}
function reportHint(reportId) {
    return (status) => commonHint(status) ??
        (status === 403
            ? `The API key is valid but its role may not read report ${reportId}; it needs report generation rights.`
            : status === 404
                ? `Check the report id: report ${reportId} does not exist on this domain (or no longer), or the key's role cannot see it.`
                : `Lucca refused report ${reportId}; if it is not finished or failed, create a new one instead of resuming it.`);
}
function templateHint(status) {
    return (commonHint(status) ??
        (status === 403
            ? "The API key's role may not create report templates."
            : "Check the template file: it must be the JSON payload the Lucca Timesheet UI sends (blueprintId, name, columns)."));
}

;// CONCATENATED MODULE: ./src/core/output-template.ts


/** Where each report goes unless output-path says otherwise. */
const DEFAULT_OUTPUT_TEMPLATE = "reports/{templateId}_{startsOn}_{endsOn}.{extension}";
const PLACEHOLDERS = ["templateId", "startsOn", "endsOn", "year", "month", "reportId"];
const PLACEHOLDER = /\{([^{}]*)\}/g;
/** Placeholders in `template` that this tool does not know. */
function unknownPathPlaceholders(template) {
    return [...template.matchAll(PLACEHOLDER)]
        .map((match) => match[1])
        .filter((name) => !PLACEHOLDERS.includes(name) && name !== "extension");
}
/**
 * The path for one report. Template ids and dates were checked as inputs; the report id
 * comes from Lucca and passes the schema door's id check before it becomes a path part.
 */
function expandPath(template, facts) {
    if (facts.reportId !== undefined && !isSafeId(facts.reportId)) {
        throw new RangeError("Cannot name a report file after a report id of an unexpected form");
    }
    const startsOn = facts.period.startsOn ?? "default";
    const values = {
        templateId: facts.templateId,
        startsOn,
        endsOn: facts.period.endsOn ?? "default",
        year: facts.period.startsOn?.slice(0, 4) ?? "default",
        month: facts.period.startsOn?.slice(5, 7) ?? "default",
        reportId: facts.reportId ?? "{reportId}",
        extension: facts.extension ?? "csv",
    };
    return template.replace(PLACEHOLDER, (whole, name) => values[name] ?? whole);
}
/**
 * Refuses, before any request, a template that would send two reports to the same file.
 * `{reportId}` tells every report apart, since Lucca gives each its own id (and a repeated
 * one fails that report: see run-reports.ts). Paths that differ only in case clash too: they
 * are one file on macOS and Windows runners, where the second report would replace the first.
 */
function checkDistinctPaths(template, reports, label) {
    if (template.includes("{reportId}"))
        return;
    const seen = new Map();
    for (const report of reports) {
        const path = expandPath(template, report);
        const earlier = seen.get(path.toLowerCase());
        if (earlier) {
            const clash = earlier.path === path
                ? `the same file ${path}`
                : `${earlier.path} and ${path}, one file where case does not count (macOS, Windows),`;
            throw new errors/* InvalidInputError */.oC(`${label}: "${template}" gives ${clash} to ${describe(earlier.report)} and ${describe(report)}; add placeholders such as {templateId}, {year} and {month}${earlier.path === path ? "" : ", or {reportId}"}`);
        }
        seen.set(path.toLowerCase(), { path, report });
    }
}
function describe(report) {
    return `template ${report.templateId} ${report.period.startsOn ?? "default"}..${report.period.endsOn ?? "default"}`;
}

;// CONCATENATED MODULE: ./src/core/report-file-name.ts

const EXTENSIONS = new Set(["csv", "xlsx", "xls"]);
/** Where default file names go, relative to the working directory or workspace. */
const DEFAULT_OUTPUT_DIR = "reports";
/**
 * The default file name, `reports/<templateId>_<startsOn>_<endsOn>.<ext>`, built only from
 * values that passed the schema door: with `report-id`, the template and dates come from
 * the server, and a value of any other form must never become a path part. When one of
 * them is unknown or not of the expected form: `reports/report-<reportId>.<ext>`.
 */
function defaultReportPath(parts, extension) {
    if (!EXTENSIONS.has(extension)) {
        throw new RangeError(`Cannot name a report file with extension "${extension}"`);
    }
    if (!isSafeId(parts.reportId)) {
        throw new RangeError("Cannot name a report file after a report id of an unexpected form");
    }
    const day = (value) => value === null ? "default" : calendarDay(value) === value ? value : undefined;
    const startsOn = day(parts.startsOn);
    const endsOn = day(parts.endsOn);
    if (parts.templateId === undefined ||
        !isSafeId(parts.templateId) ||
        startsOn === undefined ||
        endsOn === undefined) {
        return `${DEFAULT_OUTPUT_DIR}/report-${parts.reportId}.${extension}`;
    }
    return `${DEFAULT_OUTPUT_DIR}/${parts.templateId}_${startsOn}_${endsOn}.${extension}`;
}

;// CONCATENATED MODULE: ./src/core/csv-parse.ts
/** Field delimiters a Lucca CSV may use, by the API user's culture. */
const DELIMITERS = [";", ",", "\t", "|"];
/** The delimiter of a header line: the candidate seen most often outside quotes, or null. */
function detectDelimiter(headerLine) {
    // Every character outside quotes is counted; only the delimiters' counts are read.
    const counts = new Map();
    let quoted = false;
    for (const char of headerLine) {
        if (char === '"')
            quoted = !quoted;
        else if (!quoted)
            counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    let best = null;
    let most = 0;
    for (const delimiter of DELIMITERS) {
        const count = counts.get(delimiter) ?? 0;
        if (count > most) {
            best = delimiter;
            most = count;
        }
    }
    return best;
}
/** The header record's text: up to the first line break outside quotes. */
function firstRecord(text) {
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (char === '"')
            quoted = !quoted;
        else if (!quoted && (char === "\n" || char === "\r"))
            return text.slice(0, i);
    }
    return text;
}
/**
 * The fields of one record (as split by csv-records.ts, without its line end), RFC 4180 style:
 * a quoted field may hold the delimiter, line breaks and doubled quotes.
 */
function parseCsvFields(record, delimiter) {
    const fields = [];
    let field = "";
    let quoted = false;
    for (let i = 0; i < record.length; i++) {
        const char = record[i];
        if (quoted) {
            if (char !== '"')
                field += char;
            else if (record[i + 1] === '"') {
                field += '"';
                i++;
            }
            else
                quoted = false;
        }
        else if (char === '"' && field === "") {
            quoted = true;
        }
        else if (char === delimiter) {
            fields.push(field);
            field = "";
        }
        else {
            field += char;
        }
    }
    fields.push(field);
    return fields;
}
/**
 * Parses up to `maxRecords` records of decoded CSV text (the preview, whatever the file's
 * encoding) by csv-records.ts's rule: a record ends at LF outside quotes, a CR before it
 * belongs to the line end, a bare CR is data, and a record of nothing but CRs is skipped.
 */
function parseCsvRecords(text, delimiter, maxRecords) {
    const records = [];
    let start = 0;
    let quoted = false;
    const take = (end) => {
        const record = text.slice(start, end).replace(/\r$/, "");
        if (!/^\r*$/.test(record))
            records.push(parseCsvFields(record, delimiter));
    };
    // Stryker disable next-line EqualityOperator: `i <= text.length` is equivalent
    // text[length] is undefined and matches nothing.
    for (let i = 0; i < text.length && records.length < maxRecords; i++) {
        const char = text[i];
        if (char === '"')
            quoted = !quoted;
        else if (char === "\n" && !quoted) {
            take(i);
            start = i + 1;
        }
    }
    // An empty rest is a blank record, which take() skips.
    if (records.length < maxRecords)
        take(text.length);
    return records;
}

;// CONCATENATED MODULE: ./src/core/column-sums.ts
/**
 * Exact sums of decimal values, one per column: each value arrives as an integer mantissa
 * and a count of decimals, and each column's sum is kept as an integer scaled by the most
 * decimals seen so far, so 0.1 + 0.2 is 3 tenths, not 0.30000000000000004. The sum lives in
 * a double while it is a safe integer and moves to a BigInt for good when it would not be.
 */
/** 10^0 to 10^22 are exact doubles; larger powers only ever fail the safe-integer check. */
const POW10 = Array.from({ length: 64 }, (_, n) => 10 ** n);
class ColumnSums {
    #sums;
    #decimals;
    /** 1 once the column's sum lives in #big. */
    #isBig;
    #big;
    constructor(columns) {
        this.#sums = new Float64Array(columns);
        this.#decimals = new Uint8Array(columns);
        this.#isBig = new Uint8Array(columns);
        this.#big = new Array(columns).fill(0n);
    }
    /** Adds `value / 10^decimals`; `value` is a safe integer, `decimals` at most 63. */
    add(column, value, decimals) {
        // The common case, small enough to be inlined into the scan: same scale, still a double.
        if (decimals === this.#decimals[column] && this.#isBig[column] === 0) {
            const total = this.#sums[column] + value;
            if (total <= Number.MAX_SAFE_INTEGER && total >= -Number.MAX_SAFE_INTEGER) {
                this.#sums[column] = total;
                return;
            }
        }
        this.#rescale(column, value, decimals);
    }
    #rescale(column, value, decimals) {
        const had = this.#decimals[column];
        if (this.#isBig[column] === 0) {
            let sum = this.#sums[column];
            let scaled = value;
            if (decimals > had)
                sum *= POW10[decimals - had];
            else if (decimals < had)
                scaled *= POW10[had - decimals];
            const total = sum + scaled;
            // A product or sum past 2^53 - 1 rounds to at least 2^53, so the check catches it.
            if (Number.isSafeInteger(sum) &&
                Number.isSafeInteger(scaled) &&
                Number.isSafeInteger(total)) {
                this.#sums[column] = total;
                if (decimals > had)
                    this.#decimals[column] = decimals;
                return;
            }
        }
        this.addBig(column, BigInt(value), decimals);
    }
    /** Adds `value / 10^decimals` for a value with more digits than a double holds exactly. */
    addBig(column, value, decimals) {
        const had = this.#decimals[column];
        let sum = this.#isBig[column] === 1
            ? this.#big[column]
            : BigInt(this.#sums[column]);
        let scaled = value;
        if (decimals > had) {
            sum *= 10n ** BigInt(decimals - had);
            this.#decimals[column] = decimals;
        }
        else if (decimals < had) {
            scaled *= 10n ** BigInt(had - decimals);
        }
        this.#big[column] = sum + scaled;
        this.#isBig[column] = 1;
    }
    result(column) {
        const decimals = this.#decimals[column];
        const scaled = this.#isBig[column] === 1 ? Number(this.#big[column]) : this.#sums[column];
        // A quotient of two exact doubles is correctly rounded, so toFixed(decimals) prints the
        // exact sum (while it is below 2^53 in units of its last decimal).
        return { sum: scaled / POW10[decimals], decimals };
    }
}

;// CONCATENATED MODULE: ./src/core/column-tally.ts

/** How a value's thousands separators were written, which only the file's encoding can judge. */
const SEP_UTF8 = 1;
const SEP_LATIN = 2;
/**
 * What the scan learns of each column: whether every value so far was a number, and their
 * sum. The typed arrays are read and written straight from the scan's loop.
 */
class ColumnTally {
    count;
    /** A value of the column was no number. */
    dead;
    /** The column had a number. */
    counted;
    /** SEP_* flags of the column's values. */
    separators;
    sums;
    #alive;
    /** Every column has met a value that is no number: nothing is left to sum. */
    allText;
    constructor(count) {
        this.count = count;
        this.dead = new Uint8Array(count);
        this.counted = new Uint8Array(count);
        this.separators = new Uint8Array(count);
        this.sums = new ColumnSums(count);
        this.#alive = count;
        this.allText = count === 0;
    }
    /** A value of `column` is no number: the column gets no total. */
    fail(column) {
        if (column < this.count && this.dead[column] === 0) {
            this.dead[column] = 1;
            if (--this.#alive === 0)
                this.allText = true;
        }
    }
    /** Adds a value the scan's short path leaves out: written with separators, or too long. */
    add(column, negative, mantissa, decimals, separators) {
        this.counted[column] = 1;
        this.separators[column] = this.separators[column] | separators;
        if (typeof mantissa === "number")
            this.sums.add(column, negative ? -mantissa : mantissa, decimals);
        else
            this.sums.addBig(column, negative ? -mantissa : mantissa, decimals);
    }
    /** The columns summed, named from `header`. `latin`: the bytes were read as Windows-1252. */
    totals(header, latin) {
        const totals = [];
        for (let index = 0; index < this.count && index < header.length; index++) {
            // Bytes that only the other encoding reads as an NBSP made the value text.
            const text = this.separators[index] & (latin ? SEP_UTF8 : SEP_LATIN);
            if (this.dead[index] === 1 || this.counted[index] === 0 || text)
                continue;
            totals.push({ column: header[index], index, ...this.sums.result(index) });
        }
        return totals;
    }
}

;// CONCATENATED MODULE: ./src/core/csv-records.ts
/**
 * The one rule by which a CSV's bytes become records, shared by the row count, the preview,
 * the diff and `commit-ignore-lines`:
 * - a record ends at a line feed outside quotes; a CR right before that line feed (or at the
 *   very end of the file) belongs to the line end, so CRLF and LF files split alike;
 * - a bare CR elsewhere is data, not a line break (Lucca writes CRLF or LF, never bare CR);
 * - a quote toggles "inside quotes", which is exact for well-formed CSV: a doubled quote
 *   leaves and re-enters;
 * - a record made of nothing but CRs is a blank line, not a record.
 */
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
function newRecordSplit() {
    return { quoted: false, content: false };
}
/**
 * Walks bytes[from, to) and calls `onBreak(lf, blank)` at each line feed outside quotes: `lf`
 * is its offset, `blank` whether the record it ends is a blank line. When `onBreak` returns
 * `false` the walk stops there and the offset after that line feed is returned; else -1.
 */
function splitRecords(bytes, from, to, split, onBreak) {
    let { quoted, content } = split;
    let stop = -1;
    for (let i = from; i < to; i++) {
        const byte = bytes[i];
        // Most bytes are above '"' and cost a single compare.
        // Stryker disable next-line ConditionalExpression: -> false is equivalent
        // Those bytes reach `else if (byte !== CR) content = true`, which does the same.
        if (byte > QUOTE) {
            content = true;
        }
        else if (byte === QUOTE) {
            quoted = !quoted;
            content = true;
        }
        else if (byte === LF) {
            if (!quoted) {
                const blank = !content;
                content = false;
                if (onBreak(i, blank) === false) {
                    stop = i + 1;
                    break;
                }
            }
        }
        else if (byte !== CR) {
            content = true;
        }
    }
    split.quoted = quoted;
    split.content = content;
    return stop;
}
/** A record's bytes without its line end: the CR of a CRLF (or a CR ending the file). */
function withoutLineEnd(record) {
    return record[record.length - 1] === CR ? record.subarray(0, record.length - 1) : record;
}
/**
 * A record's bytes as compared and matched: without its line end, and with the CRLFs inside
 * its quoted fields as LF (CRLF and LF files then compare equal).
 */
function recordBody(record) {
    const body = withoutLineEnd(record);
    const first = body.indexOf(CR);
    if (first < 0)
        return body;
    const out = new Uint8Array(body.length);
    out.set(body.subarray(0, first));
    let length = first;
    for (let i = first; i < body.length; i++) {
        const byte = body[i];
        if (byte !== CR || body[i + 1] !== LF)
            out[length++] = byte;
    }
    return out.subarray(0, length);
}
/** Calls `onRecord` with each record of a whole buffer, without its line end; blank lines left out. */
function forEachRecordIn(bytes, onRecord) {
    const split = newRecordSplit();
    let start = 0;
    splitRecords(bytes, 0, bytes.length, split, (lf, blank) => {
        const record = withoutLineEnd(bytes.subarray(start, lf));
        start = lf + 1;
        return blank ? undefined : onRecord(record);
    });
    // A stop comes right after a line feed, so no record is under way then.
    if (split.content)
        onRecord(withoutLineEnd(bytes.subarray(start)));
}

;// CONCATENATED MODULE: ./src/core/csv-totals-scan.ts

/*
 * The data records of a CSV, scanned byte by byte for the totals: records end as csv-records.ts
 * says (a line feed outside quotes, every quote toggling), fields split as parseCsvFields does
 * (a quote opens only at a field's start, a doubled quote inside quotes is a character), and
 * each value of a summed column is read against the number grammar as it streams past:
 *
 *   -? (0 | [1-9]\d* | [1-9]\d{0,2}(␣\d{3})+) (mark \d+)?
 *
 * where ␣ is a space, an NBSP or a narrow NBSP (French culture's thousands separators, in
 * strict groups of three) and mark the decimal mark. Leading zeros make a code (an employee
 * number), not a quantity; so do other signs, exponents, a bare mark, and over MAX_DIGITS digits.
 *
 * Speed (bench/csv-totals.ts): everything the loop touches per byte is a local; the text of
 * columns no longer summed, delimiters included, takes one tight loop, and so do the digits
 * of a plain number.
 */
const START = 0;
const SIGN = 1;
const ZERO_ONLY = 2;
const INT = 3;
const AFTER_SEP = 4;
const GROUP = 5;
const FRAC_START = 6;
const FRAC = 7;
/** Inside a UTF-8 NBSP (C2 A0), or a narrow NBSP (E2 80 AF). */
const C2 = 8;
const E2 = 9;
const E280 = 10;
/** After a CR, which is part of the value unless a line feed ending the record follows. */
const AFTER_CR = 11;
/** Not a number, or a field whose column is not summed: only where it ends matters. */
const SKIP = 12;
/** More digits than this make a code, not a quantity (and keep the sums cheap). */
const MAX_DIGITS = 40;
/** Digits a double holds exactly in every case; more spill into a BigInt. */
const SAFE_DIGITS = 15;
const csv_totals_scan_QUOTE = 0x22;
const csv_totals_scan_LF = 0x0a;
const csv_totals_scan_CR = 0x0d;
const SPACE = 0x20;
const NBSP = 0xa0;
const MINUS = 0x2d;
/** A value that ended in `state` with `digits` digits is a whole number. */
function isNumber(state, group, digits) {
    const complete = state === INT || state === FRAC || state === ZERO_ONLY || (state === GROUP && group === 3);
    return complete && digits <= MAX_DIGITS;
}
class TotalsScan {
    #tally;
    #delimiter;
    #mark;
    /** Bytes that can end a stretch of text: bit 1 outside quotes, bit 2 inside. */
    #stops = new Uint8Array(256);
    // Where the scan is between two chunks.
    /** Inside quotes by the record rule, which decides where records end. */
    #parity = false;
    /** Quoting by the field rule: 0 outside, 1 inside, 2 just after a quote inside quotes. */
    #fieldQuote = 0;
    /** The field has a character: a quote now is a character, not an opening. */
    #started = false;
    /** The record has a byte other than CR (a record of CRs alone is a blank line). */
    #content = false;
    #column = 0;
    #state;
    /** The state before a CR, to return to when the CR is the line end. */
    #beforeCR = START;
    #negative = false;
    /** The last digits read, up to SAFE_DIGITS of them. */
    #low = 0;
    #lowDigits = 0;
    /** The digits before #low, when there are more than SAFE_DIGITS, and how many. */
    #high = 0n;
    #spilled = 0;
    /** Digits before the decimal mark. */
    #intDigits = 0;
    /** Digits in the current thousands group. */
    #group = 0;
    #valueSeparators = 0;
    /** `delimiter`: a byte, or -1 for none; `mark`: the decimal mark's byte. */
    constructor(tally, delimiter, mark) {
        this.#tally = tally;
        this.#delimiter = delimiter;
        this.#mark = mark;
        this.#state = tally.count > 0 ? START : SKIP;
        if (delimiter >= 0)
            this.#stops[delimiter] = 1;
        this.#stops[csv_totals_scan_CR] = 1;
        this.#stops[csv_totals_scan_QUOTE] = 3;
        this.#stops[csv_totals_scan_LF] = 3;
    }
    /** Reads bytes[from..]. */
    scan(bytes, from) {
        const stops = this.#stops;
        const delimiter = this.#delimiter;
        const mark = this.#mark;
        const tally = this.#tally;
        const dead = tally.dead;
        const counted = tally.counted;
        const sums = tally.sums;
        const columns = tally.count;
        const n = bytes.length;
        let parity = this.#parity;
        let fieldQuote = this.#fieldQuote;
        let started = this.#started;
        let content = this.#content;
        let column = this.#column;
        let state = this.#state;
        let negative = this.#negative;
        let low = this.#low;
        let lowDigits = this.#lowDigits;
        let spilled = this.#spilled;
        let intDigits = this.#intDigits;
        let group = this.#group;
        let separators = this.#valueSeparators;
        chunk: for (let i = from; i < n; i++) {
            let byte = bytes[i];
            if (state === SKIP) {
                // Text of a field that is not summed: skip to the next byte that can end it.
                if (fieldQuote === 1) {
                    while (stops[byte] < 2) {
                        if (++i === n)
                            break chunk;
                        byte = bytes[i];
                    }
                }
                else {
                    // Outside quotes, the fields of the columns after it that are not summed either.
                    while (true) {
                        if (stops[byte] === 0) {
                            fieldQuote = 0;
                            started = true;
                            content = true;
                            do {
                                if (++i === n)
                                    break chunk;
                                byte = bytes[i];
                            } while (stops[byte] === 0);
                        }
                        if (byte !== delimiter || (column + 1 < columns && dead[column + 1] === 0))
                            break;
                        column++;
                        fieldQuote = 0;
                        started = false;
                        content = true;
                        if (++i === n)
                            break chunk;
                        byte = bytes[i];
                    }
                }
            }
            else if (fieldQuote !== 2 && (state === START || state === INT || state === FRAC)) {
                // The common shape of a number, [1-9]\d*(mark\d+)?, in one go: the same steps as the
                // rule below, without its tests. What does not fit is left to the rule.
                let digit = byte - 0x30;
                if (state === START && digit >= 1 && digit <= 9) {
                    state = INT;
                    low = digit;
                    lowDigits = 1;
                    started = true;
                    content = true;
                    if (++i === n)
                        break;
                    byte = bytes[i];
                    digit = byte - 0x30;
                }
                while (state !== START) {
                    while (digit >= 0 && digit <= 9 && lowDigits < SAFE_DIGITS) {
                        low = low * 10 + digit;
                        lowDigits++;
                        if (++i === n)
                            break chunk;
                        byte = bytes[i];
                        digit = byte - 0x30;
                    }
                    if (byte !== mark || state !== INT || spilled !== 0)
                        break;
                    state = FRAC_START;
                    intDigits = lowDigits;
                    if (++i === n)
                        break chunk;
                    byte = bytes[i];
                    digit = byte - 0x30;
                    if (digit < 0 || digit > 9)
                        break;
                    state = FRAC;
                }
                // A delimiter right after it: the field ends as the rule below would end it.
                if (byte === delimiter &&
                    fieldQuote === 0 &&
                    spilled === 0 &&
                    (state === INT || state === FRAC)) {
                    counted[column] = 1;
                    if (separators !== 0) {
                        tally.separators[column] = tally.separators[column] | separators;
                        separators = 0;
                    }
                    sums.add(column, negative ? -low : low, state === FRAC ? lowDigits - intDigits : 0);
                    column++;
                    started = false;
                    content = true;
                    state = column < columns && dead[column] === 0 ? START : SKIP;
                    negative = false;
                    low = 0;
                    lowDigits = 0;
                    group = 0;
                    continue;
                }
            }
            // 1: the byte ends a field, 2: it ends the record.
            let ends = 0;
            if (fieldQuote === 1) {
                if (byte === csv_totals_scan_QUOTE) {
                    parity = !parity;
                    fieldQuote = 2;
                    // A CR followed by anything is a character of the value, not the line end.
                    if (state === AFTER_CR)
                        state = this.#fail(column);
                    continue;
                }
            }
            else if (byte === delimiter) {
                content = true;
                ends = 1;
                // A CR before a delimiter was no line end: a character of the value.
                if (state === AFTER_CR)
                    state = this.#fail(column);
            }
            else if (byte === csv_totals_scan_QUOTE) {
                parity = !parity;
                content = true;
                if (fieldQuote === 0 && !started) {
                    fieldQuote = 1;
                    continue;
                }
                // A doubled quote inside quotes, or a quote within a field: a character.
                fieldQuote = fieldQuote === 2 ? 1 : 0;
                started = true;
                if (state !== SKIP)
                    state = this.#fail(column);
                continue;
            }
            else {
                fieldQuote = 0;
                started = true;
            }
            if (ends === 0 && byte === csv_totals_scan_LF && !parity) {
                ends = 2;
                if (state === AFTER_CR)
                    state = this.#beforeCR;
            }
            if (ends !== 0) {
                // A record of CRs alone is a blank line, with no field at all.
                if ((ends === 1 || content) && state !== SKIP && state !== START) {
                    const digits = spilled + lowDigits;
                    if (isNumber(state, group, digits)) {
                        const decimals = state === FRAC ? digits - intDigits : 0;
                        counted[column] = 1;
                        if (spilled === 0 && separators === 0)
                            sums.add(column, negative ? -low : low, decimals);
                        else
                            this.#add(column, negative, low, lowDigits, spilled, decimals, separators);
                    }
                    else {
                        this.#fail(column);
                    }
                }
                fieldQuote = 0;
                started = false;
                if (ends === 2) {
                    column = 0;
                    content = false;
                    if (tally.allText)
                        break;
                }
                else {
                    column++;
                }
                state = column < columns && dead[column] === 0 ? START : SKIP;
                if (state === START) {
                    negative = false;
                    low = 0;
                    lowDigits = 0;
                    spilled = 0;
                    group = 0;
                    separators = 0;
                }
                continue;
            }
            if (byte !== csv_totals_scan_CR)
                content = true;
            if (state === SKIP)
                continue;
            // A character of a summed column's value.
            const digit = byte - 0x30;
            if (digit >= 0 && digit <= 9) {
                if (state === GROUP) {
                    if (++group > 3) {
                        state = this.#fail(column);
                        continue;
                    }
                }
                else if (state === START || state === SIGN) {
                    state = digit === 0 ? ZERO_ONLY : INT;
                }
                else if (state === AFTER_SEP) {
                    state = GROUP;
                    group = 1;
                }
                else if (state === FRAC_START) {
                    state = FRAC;
                }
                else if (state !== INT && state !== FRAC) {
                    state = this.#fail(column);
                    continue;
                }
                if (lowDigits === SAFE_DIGITS) {
                    if (spilled >= MAX_DIGITS) {
                        state = this.#fail(column);
                        continue;
                    }
                    this.#high = (spilled === 0 ? 0n : this.#high) * 10n ** BigInt(SAFE_DIGITS) + BigInt(low);
                    spilled += SAFE_DIGITS;
                    low = digit;
                    lowDigits = 1;
                }
                else {
                    low = low * 10 + digit;
                    lowDigits++;
                }
                continue;
            }
            // A separator or the decimal mark may follow 1 to 3 digits, or a whole group of three.
            const groupEnds = state === GROUP ? group === 3 : state === INT && spilled === 0 && lowDigits <= 3;
            if (byte === mark) {
                if (state === INT || state === ZERO_ONLY || groupEnds) {
                    state = FRAC_START;
                    intDigits = spilled + lowDigits;
                }
                else {
                    state = this.#fail(column);
                }
            }
            else if (byte === csv_totals_scan_CR) {
                // After two CRs the value is no number, unless the record turns out a blank line.
                this.#beforeCR = state;
                state = AFTER_CR;
            }
            else if (groupEnds && (byte === SPACE || byte === NBSP || byte === 0xc2 || byte === 0xe2)) {
                if (byte === NBSP)
                    separators |= SEP_LATIN;
                state = byte === 0xc2 ? C2 : byte === 0xe2 ? E2 : AFTER_SEP;
            }
            else if (state === START && byte === MINUS) {
                negative = true;
                state = SIGN;
            }
            else if ((state === C2 && byte === NBSP) || (state === E280 && byte === 0xaf)) {
                separators |= SEP_UTF8;
                state = AFTER_SEP;
            }
            else if (state === E2 && byte === 0x80) {
                state = E280;
            }
            else {
                state = this.#fail(column);
            }
        }
        this.#parity = parity;
        this.#fieldQuote = fieldQuote;
        this.#started = started;
        this.#content = content;
        this.#column = column;
        this.#state = state;
        this.#negative = negative;
        this.#low = low;
        this.#lowDigits = lowDigits;
        this.#spilled = spilled;
        this.#intDigits = intDigits;
        this.#group = group;
        this.#valueSeparators = separators;
    }
    /** The end of the file: its last record may have no line end. */
    end() {
        let state = this.#state;
        // A CR ending the file belongs to the line end.
        if (state === AFTER_CR)
            state = this.#beforeCR;
        if (this.#tally.allText || !this.#content || state === SKIP || state === START)
            return;
        const digits = this.#spilled + this.#lowDigits;
        if (isNumber(state, this.#group, digits)) {
            const decimals = state === FRAC ? digits - this.#intDigits : 0;
            const [column, low, lowDigits] = [this.#column, this.#low, this.#lowDigits];
            this.#add(column, this.#negative, low, lowDigits, this.#spilled, decimals, this.#valueSeparators);
        }
        else {
            this.#fail(this.#column);
        }
    }
    #add(column, negative, low, lowDigits, spilled, decimals, separators) {
        const mantissa = spilled === 0 ? low : this.#high * 10n ** BigInt(lowDigits) + BigInt(low);
        this.#tally.add(column, negative, mantissa, decimals, separators);
    }
    #fail(column) {
        this.#tally.fail(column);
        return SKIP;
    }
}

;// CONCATENATED MODULE: ./src/core/csv-totals.ts





/** The header is kept whole to read the delimiter and count columns; past this, no totals. */
const MAX_HEADER_BYTES = 1 << 20;
const UTF8 = new TextEncoder();
/**
 * Sums each numeric column of a CSV while it streams past, in one pass over its bytes:
 * records and fields split by csv-records.ts's and csv-parse.ts's rules wherever the chunks
 * are cut; numbers as the user's culture writes them (a decimal point when the delimiter is
 * a comma, else a decimal comma; thousands grouped by a space, NBSP or narrow NBSP in
 * strict groups of three). A column is summed when it has a number and every non-empty
 * value is one. Nothing of a row is kept: each value is added and forgotten.
 *
 * UTF-8 and Windows-1252 are read as bytes (the syntax is ASCII in both). UTF-16, told by
 * its byte-order mark as encoding.ts does, is decoded and re-encoded as UTF-8 chunk by chunk:
 * it is rare enough that a second path through the bytes would cost more than it saves.
 */
class CsvTotals {
    #maxColumns;
    /** The first bytes, until they tell UTF-16 from the rest. */
    #start = new Uint8Array(0);
    #utf16;
    #decided = false;
    #headerSplit = newRecordSplit();
    #header = [];
    #headerBytes = 0;
    /** The header is too long: no totals. */
    #gaveUp = false;
    /** Both set once the header is read. */
    #tally;
    #scan;
    constructor(options = {}) {
        this.#maxColumns = options.maxColumns ?? 200;
    }
    update(chunk) {
        if (this.#gaveUp || this.#tally?.allText || chunk.length === 0)
            return;
        if (!this.#decided) {
            const start = new Uint8Array(this.#start.length + chunk.length);
            start.set(this.#start);
            start.set(chunk, this.#start.length);
            // Three bytes tell a UTF-8 BOM; two tell UTF-16's.
            if (start.length < 3) {
                this.#start = start;
                return;
            }
            this.#decide(start);
            return;
        }
        if (this.#utf16)
            this.#bytes(UTF8.encode(this.#utf16.decode(chunk, false)));
        else
            this.#bytes(chunk);
    }
    /**
     * The totals, named from the header as the preview parsed it; null when the header is
     * too long to hold. `windows1252`: the file's encoding, which decides what an NBSP looks like.
     */
    finish(header, windows1252) {
        if (!this.#decided && this.#start.length > 0)
            this.#decide(this.#start);
        if (this.#utf16)
            this.#bytes(UTF8.encode(this.#utf16.decode(new Uint8Array(), true)));
        if (this.#gaveUp)
            return null;
        if (!this.#scan || !this.#tally)
            return [];
        this.#scan.end();
        return this.#tally.totals(header, windows1252 && !this.#utf16);
    }
    #decide(start) {
        this.#decided = true;
        this.#start = new Uint8Array(0);
        if ((start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff)) {
            this.#utf16 = createDecoder(start[0] === 0xff ? "utf-16le" : "utf-16be");
            this.#bytes(UTF8.encode(this.#utf16.decode(start, false)));
        }
        else {
            const bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
            this.#bytes(bom ? start.subarray(3) : start);
        }
    }
    #bytes(bytes) {
        if (this.#gaveUp)
            return;
        let from = 0;
        if (!this.#scan) {
            from = splitRecords(bytes, 0, bytes.length, this.#headerSplit, (_lf, blank) => blank);
            const part = from === -1 ? bytes : bytes.subarray(0, from);
            this.#headerBytes += part.length;
            if (this.#headerBytes > MAX_HEADER_BYTES) {
                this.#gaveUp = true;
                this.#header = [];
                return;
            }
            this.#header.push(part.slice());
            if (from === -1)
                return;
            this.#startData();
        }
        // A plain view: a Buffer among Uint8Arrays would make every byte read in the scan polymorphic.
        const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
        this.#scan.scan(view, from);
    }
    /** Reads the header as csv-stats.ts does, so the columns are the ones it names. */
    #startData() {
        const whole = new Uint8Array(this.#headerBytes);
        let offset = 0;
        for (const part of this.#header) {
            whole.set(part, offset);
            offset += part.length;
        }
        this.#header = [];
        // Byte for byte: the delimiters, quotes and line ends are ASCII in every encoding read here.
        const text = decodeText(whole, "windows-1252");
        const delimiter = detectDelimiter(firstRecord(text));
        const fields = parseCsvRecords(text, delimiter, 1)[0]?.length ?? 0;
        this.#tally = new ColumnTally(Math.min(fields, this.#maxColumns));
        this.#scan = new TotalsScan(this.#tally, delimiter === null ? -1 : delimiter.charCodeAt(0), delimiter === "," ? 0x2e : 0x2c);
    }
}

;// CONCATENATED MODULE: ./src/core/row-counter/row-counter-wasm.ts
// Generated by scripts/build-row-counter.ts from row-counter.wat: do not edit.
const ROW_COUNTER_WASM_BASE64 = "AGFzbQEAAAABFgNgBXt7e3t7AX5gAX4BfmADf39/AX8DBAMAAQIFAwEAEQYLAn8BQQALfwFBAAsHJQQGbWVtb3J5AgAGcXVv" +
    "dGVkAwAHY29udGVudAMBBWNvdW50AAIK9AIDMgAgACAE/SP9ZK0gASAE/SP9ZK1CEIaEIAIgBP0j/WStQiCGIAMgBP0j/WSt" +
    "QjCGhIQLPAAgACAAQgGGhSEAIAAgAEIChoUhACAAIABCBIaFIQAgACAAQgiGhSEAIAAgAEIQhoUhACAAIABCIIaFC4ECAwR/" +
    "BHsKfiAAQUBxIQRCACABrX0hCyACIQYCQANAIAMgBE8NASAD/QAEACEHIAP9AAQQIQggA/0ABCAhCSAD/QAEMCEKIAcgCCAJ" +
    "IApBIv0PEAAhDCAHIAggCSAKQQr9DxAAIQ0gByAIIAkgCkEN/Q8QACEOIA0gDoRCf4UhDyAMEAEgC4UhECAQQj+HIQsgDSAQ" +
    "Qn+FgyERIBFCAYYgBkWthCESIBIgEiAOgyAOfIQgDkJ/hYMhEyAFIBF7IBMgEYN7fadqIQUgDyARhCEUIBRCAFIEQCAPQj8g" +
    "FHl9iEIBg6chBgsgA0HAAGohAwwACwsgC0IBg6ckACAGJAEgBQs=";

;// CONCATENATED MODULE: ./src/core/row-counter/row-counter.ts


/** Counts by csv-records.ts's rule one byte at a time: the reference the fast counters match. */
function countRecordsByteWise(chunk, count) {
    countRange(chunk, 0, chunk.length, count);
}
function countRange(chunk, from, to, count) {
    let records = 0;
    splitRecords(chunk, from, to, count, (_lf, blank) => {
        if (!blank)
            records++;
        return undefined;
    });
    count.records += records;
}
const row_counter_QUOTE = 0x22;
const row_counter_CR = 0x0d;
const row_counter_LF = 0x0a;
/** The word-at-a-time scan reads bytes out of 32-bit words in little-endian order. */
// Stryker disable next-line ConditionalExpression, EqualityOperator, ArrayDeclaration: equivalent
// On a little-endian machine the byte-wise path gives the same count.
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * The JavaScript counter, for runtimes without WebAssembly SIMD: four bytes at a time. A word
 * without a quote, and without a line feed followed by another line break, needs no
 * byte-by-byte look (about four times faster on Lucca's files); other words take the rule
 * byte by byte.
 */
function countRecordsWordWise(chunk, count) {
    const length = chunk.length;
    const head = LITTLE_ENDIAN ? Math.min(length, (4 - (chunk.byteOffset & 3)) & 3) : length;
    const words = (length - head) >> 2;
    countRange(chunk, 0, head, count);
    if (words > 0) {
        const view = new Int32Array(chunk.buffer, chunk.byteOffset + head, words);
        let { records, quoted, content } = count;
        for (let w = 0; w < words; w++) {
            const word = view[w];
            const quotes = zeroBytes(word ^ 0x22222222);
            // Inside a quoted field only a quote changes anything.
            // Stryker disable next-line ConditionalExpression: speed only
            // -> false: the word takes the byte-wise path.
            if (quotes === 0 && quoted)
                continue;
            const lf = zeroBytes(word ^ 0x0a0a0a0a);
            const breaks = lf | zeroBytes(word ^ 0x0d0d0d0d);
            // Every line feed here ends a record with content: the bytes after a line feed are
            // text, and so is the first byte when the record had none yet.
            // Stryker disable next-line ConditionalExpression, LogicalOperator: speed only
            // The fast path's condition -> false, or stricter: the word takes the byte-wise path.
            if (quotes === 0 && ((lf << 8) & breaks) === 0 && (content || (breaks & 0x80) === 0)) {
                records += Math.imul(lf >>> 7, 0x01010101) >>> 24;
                content = lf >= 0; // false only when the last byte is a line feed
                continue;
            }
            // The byte-by-byte rule, inlined: a call per word would cost more than the word.
            for (let i = head + w * 4, end = i + 4; i < end; i++) {
                const byte = chunk[i];
                if (byte === row_counter_QUOTE) {
                    quoted = !quoted;
                    content = true;
                }
                else if (byte === row_counter_LF) {
                    if (!quoted && content) {
                        records++;
                        content = false;
                    }
                }
                else if (byte !== row_counter_CR) {
                    content = true;
                }
            }
        }
        count.records = records;
        count.quoted = quoted;
        count.content = content;
    }
    countRange(chunk, head + words * 4, length, count);
}
/** 0x80 in each byte of `x` that is zero, 0 in the others (exact: no borrow across bytes). */
function zeroBytes(x) {
    // Stryker disable next-line UnaryOperator: speed only
    // Without `~` no word looks free of quotes and line feeds: all take the byte-wise path.
    return ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | 0 | x | 0x7f7f7f7f);
}
/** Bytes copied into the module's memory per call (its memory has a page more). */
const WINDOW = 1 << 20;
/**
 * The WebAssembly SIMD counter (row-counter.wat), or undefined where the runtime has no
 * WebAssembly or no SIMD. Compiled synchronously: the module is under 1 KiB, and Node and
 * Deno allow that, so the stats collector needs no async set-up.
 */
function wasmRecordCounter() {
    let exports;
    try {
        // Without WebAssembly this throws a ReferenceError, without SIMD a CompileError.
        const bytes = Uint8Array.from(atob(ROW_COUNTER_WASM_BASE64), (char) => char.charCodeAt(0));
        exports = new WebAssembly.Instance(new WebAssembly.Module(bytes))
            .exports;
    }
    catch {
        return undefined;
    }
    const memory = new Uint8Array(exports.memory.buffer, 0, WINDOW);
    return (chunk, count) => {
        // Stryker disable next-line EqualityOperator: `<=` is equivalent
        // The extra window is empty.
        for (let from = 0; from < chunk.length; from += WINDOW) {
            const window = chunk.subarray(from, Math.min(chunk.length, from + WINDOW));
            const blocks = window.length & ~63;
            // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
            // `blocks >= 0` or true: count(0, q, c) returns 0 and hands q and c back unchanged.
            if (blocks > 0) {
                memory.set(window.subarray(0, blocks));
                count.records += exports.count(blocks, count.quoted ? 1 : 0, count.content ? 1 : 0);
                count.quoted = exports.quoted.value === 1;
                count.content = exports.content.value === 1;
            }
            countRange(window, blocks, window.length, count);
        }
    };
}
let best;
/** The fastest counter this runtime runs: WebAssembly SIMD, else the word-wise JavaScript one. */
function bestRecordCounter() {
    best ??= wasmRecordCounter() ?? countRecordsWordWise;
    return best;
}

;// CONCATENATED MODULE: ./src/core/csv-stats.ts




/**
 * Totals cost about as much CPU as the rest of the pass together (bench/csv-totals.ts): they
 * are summed for files up to this size (a payroll month is a few MiB), and null beyond it, so
 * a very large download costs what it did.
 */
const TOTALS_MAX_BYTES = 64 * 1024 * 1024;
const csv_stats_QUOTE = 0x22;
const csv_stats_CR = 0x0d;
const csv_stats_LF = 0x0a;
/** The preview never holds more than this, however long its records are. */
const MAX_PREVIEW_BYTES = 1 << 20;
/**
 * Counts records, bytes and the hash of a CSV as it streams past, in one pass over the bytes
 * and without decoding them; only the header and preview records are decoded. Quoted fields
 * with line breaks and doubled quotes count right, wherever the chunks are cut. Records end
 * with LF or CRLF (a file of bare CR line ends counts as one record).
 */
class CsvStatsCollector {
    #previewRows;
    #maxCellLength;
    #hash;
    #countRecords;
    #totalsMaxBytes;
    #totals;
    #bytes = 0;
    #scan = {
        records: 0,
        quoted: false,
        content: false,
        lineEnding: null,
        // Stryker disable next-line UnaryOperator: equivalent
        // Any value but CR or LF means no byte.
        lastByte: -1,
    };
    #head = [];
    #headBytes = 0;
    #collecting = true;
    /** The preview bytes ran out before the last preview record ended. */
    #headCut = false;
    // Stryker disable next-line UnaryOperator: equivalent
    // Any value but CR or LF means no byte.
    #byteBeforeLast = -1;
    constructor(options) {
        this.#previewRows = options.previewRows ?? 10;
        this.#maxCellLength = options.maxCellLength ?? 200;
        this.#hash = options.createHasher();
        this.#countRecords = options.countRecords ?? bestRecordCounter();
        this.#totals = options.totals === false ? undefined : new CsvTotals();
        this.#totalsMaxBytes = options.totalsMaxBytes ?? TOTALS_MAX_BYTES;
    }
    update(chunk) {
        this.#bytes += chunk.byteLength;
        this.#hash.update(chunk);
        if (this.#totals && this.#bytes > this.#totalsMaxBytes)
            this.#totals = undefined;
        this.#totals?.update(chunk);
        const scan = this.#scan;
        if (!this.#collecting && scan.lineEnding !== null) {
            this.#countRecords(chunk, scan);
        }
        else {
            const cut = scanBytes(chunk, 0, chunk.length, scan, this.#previewRows + 1);
            // -1 when the preview's last record does not end in this chunk.
            if (this.#collecting)
                this.#collect(cut === -1 ? chunk : chunk.subarray(0, cut), cut !== -1);
        }
        if (chunk.length > 0) {
            this.#byteBeforeLast = chunk.length > 1 ? chunk[chunk.length - 2] : scan.lastByte;
            scan.lastByte = chunk[chunk.length - 1];
        }
    }
    #collect(part, complete) {
        const room = MAX_PREVIEW_BYTES - this.#headBytes;
        if (part.byteLength > room) {
            this.#head.push(part.slice(0, room));
            this.#headBytes += room;
            this.#collecting = false;
            this.#headCut = true;
            return;
        }
        this.#head.push(part.slice());
        this.#headBytes += part.byteLength;
        if (complete)
            this.#collecting = false;
    }
    finish() {
        const head = concat(this.#head, this.#headBytes);
        // The decoder drops a leading BOM, which must not become part of the first column name.
        const { text, encoding, bom } = decodeHead(head);
        // In UTF-16LE a final line feed is 0A 00: the 00 alone is no record.
        const lastLineFeed = encoding === "utf-16le" && this.#scan.lastByte === 0 && this.#byteBeforeLast === csv_stats_LF;
        const records = this.#scan.records + (this.#scan.content && !lastLineFeed ? 1 : 0);
        const delimiter = detectDelimiter(firstRecord(text));
        const parsed = parseCsvRecords(text, delimiter, this.#previewRows + 1);
        // A record cut by the size limit would show fewer fields than it has.
        if (this.#headCut && parsed.length > 1)
            parsed.pop();
        // By characters, so that no surrogate pair is cut in two.
        const cutCell = (cell) => Array.from(cell).slice(0, this.#maxCellLength).join("");
        const header = (parsed[0] ?? []).map(cutCell);
        return {
            rows: Math.max(0, records - 1),
            columns: header.length,
            bytes: this.#bytes,
            sha256: this.#hash.digestHex(),
            delimiter,
            encoding,
            bom,
            header,
            preview: parsed.slice(1).map((record) => record.map(cutCell)),
            lineEnding: this.#scan.lineEnding,
            totals: this.#totals ? this.#totals.finish(header, encoding === "windows-1252") : null,
        };
    }
}
/**
 * Scans chunk[from, to) byte by byte. Returns the offset just past the line feed that ends
 * record number `wanted` when it is in this range, else -1.
 */
function scanBytes(chunk, from, to, scan, wanted) {
    let { records, quoted, content, lineEnding } = scan;
    let cut = -1;
    for (let i = from; i < to; i++) {
        const byte = chunk[i];
        // Most bytes are above '"' and cost a single compare.
        // Stryker disable next-line ConditionalExpression, BlockStatement: equivalent
        // -> false or {}: those bytes reach `else if (byte !== CR) content = true`, which does the
        // same.
        if (byte > csv_stats_QUOTE) {
            content = true;
            continue;
        }
        if (byte === csv_stats_QUOTE) {
            // Toggling is exact for well-formed CSV: a doubled quote leaves and re-enters.
            quoted = !quoted;
            content = true;
        }
        else if (byte === csv_stats_LF) {
            if (!quoted) {
                if (lineEnding === null)
                    lineEnding = (i > 0 ? chunk[i - 1] : scan.lastByte) === csv_stats_CR ? "\r\n" : "\n";
                if (content) {
                    records++;
                    content = false;
                    // Records only grow, so they equal `wanted` at one line feed at most.
                    if (records === wanted)
                        cut = i + 1;
                }
            }
        }
        else if (byte !== csv_stats_CR) {
            content = true;
        }
    }
    scan.records = records;
    scan.quoted = quoted;
    scan.content = content;
    scan.lineEnding = lineEnding;
    return cut;
}
/** Passes bytes through unchanged while the collector counts them. */
function csvStatsTransform(collector) {
    return new TransformStream({
        transform(chunk, controller) {
            collector.update(chunk);
            controller.enqueue(chunk);
        },
    });
}
function concat(parts, total) {
    const out = new Uint8Array(total);
    let offset = 0;
    for (const part of parts) {
        out.set(part, offset);
        offset += part.byteLength;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/core/download-report.ts






/**
 * Streams the report into a temporary file beside the target, counting rows and hashing on
 * the way, checks it is whole and non-empty, then renames it into place. A cut or
 * truncated body is retried from the start; nothing partial is ever left at the target.
 */
async function downloadReport(options, deps) {
    const url = deps.client.downloadUrl(options.reportId, options.format);
    deps.onEvent({ type: "downloading", reportId: options.reportId, format: options.format });
    const result = await retry(() => downloadOnce(options, deps), deps.client.retryOptionsFor("GET", `${url.origin}${url.pathname}`));
    deps.onEvent({ type: "downloaded", path: result.path, bytes: result.stats.bytes });
    return result;
}
async function downloadOnce(options, deps) {
    const open = await deps.client.openDownload(options.reportId, options.format);
    const { response } = open;
    // fetch decodes a compressed body, so its Content-Length no longer counts what we receive.
    const expectedBytes = response.headers.has("content-encoding")
        ? undefined
        : declaredLength(response.headers);
    const collector = new CsvStatsCollector({
        previewRows: options.previewRows,
        createHasher: options.createHasher,
        totals: options.format === "csv",
    });
    let file;
    let idle;
    const armIdle = () => {
        clearTimeout(idle);
        idle = setTimeout(() => open.abort(new TransientFailure(`no data received for ${options.idleTimeoutMs} ms`)), timerMs(options.idleTimeoutMs));
    };
    const cut = (error) => {
        // Stryker disable next-line ConditionalExpression: -> false is equivalent
        // retry() rethrows the job's reason itself whenever its signal is aborted.
        if (deps.signal.aborted)
            return deps.signal.reason;
        // The sink's own failure (disk full) is not retried.
        if (error instanceof errors/* LuccaReportError */.v1)
            return error;
        // Cut by the idle timer (a reason is undefined until the signal aborts): Node's body
        // fails with that reason itself, another runtime's may fail with its own error.
        if (open.signal.reason instanceof TransientFailure)
            return open.signal.reason;
        return new TransientFailure(`the download was cut: ${deps.client.excerpt(download_report_describe(error))}`, {
            cause: error,
        });
    };
    if (!response.body)
        throw new TransientFailure("the download has no body");
    const reader = response.body.getReader();
    try {
        armIdle();
        // What the server sent decides, before any file exists: a page or an error is never
        // written, and Excel's extension comes from the file's own first bytes.
        let head;
        try {
            head = await readHead(reader, HEAD_BYTES, armIdle);
        }
        catch (error) {
            throw cut(error);
        }
        const verdict = checkContent(options.format, response.headers, head);
        if (typeof verdict !== "string") {
            throw await refusal(verdict, options.format, response, head, reader, armIdle, deps.client);
        }
        const extension = verdict;
        const target = typeof options.target === "string" ? options.target : options.target(extension);
        file = await deps.sink.create(target);
        try {
            await copyCounting(head.chunks, head.done ? undefined : reader, file.writable, (chunk) => {
                armIdle();
                collector.update(chunk);
            });
        }
        catch (error) {
            throw cut(error);
        }
        const stats = collector.finish();
        if (expectedBytes !== undefined && stats.bytes !== expectedBytes) {
            throw new TransientFailure(`the download is truncated: received ${stats.bytes} of ${expectedBytes} bytes`);
        }
        await file.commit();
        return { path: file.path, stats };
    }
    catch (error) {
        // Stryker disable next-line CallExpression: equivalent
        // The request's own abort and the sink's discard() release the body anyway.
        reader.cancel(error).catch(() => { });
        await file?.discard();
        throw error;
    }
    finally {
        // Stryker disable next-line CallExpression: equivalent
        // The idle timer then only aborts a response already read to its end.
        clearTimeout(idle);
    }
}
/** Bytes looked at before the file is created. */
const HEAD_BYTES = 512;
/** The first `want` bytes; `onChunk` after each chunk, so that each silence gets its timeout. */
async function readHead(reader, want, onChunk) {
    const chunks = [];
    let size = 0;
    // Stryker disable next-line EqualityOperator: `<=` is equivalent
    // One more chunk in the head changes nothing (the head is cut to 512 bytes, every chunk is
    // written).
    while (size < want) {
        const { done, value } = await reader.read();
        // Stryker disable next-line BooleanLiteral: `done: false` is equivalent
        // Reading a finished stream again gives done.
        if (done)
            return { chunks, bytes: download_report_concat(chunks, size), done: true };
        onChunk();
        chunks.push(value);
        size += value.byteLength;
    }
    return { chunks, bytes: download_report_concat(chunks, Math.min(size, want)), done: false };
}
function download_report_concat(chunks, limit) {
    const bytes = new Uint8Array(limit);
    let offset = 0;
    for (const chunk of chunks) {
        // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
        // -> false or `>`: each part is capped at the room left.
        if (offset >= limit)
            break;
        const part = chunk.subarray(0, limit - offset);
        bytes.set(part, offset);
        offset += part.byteLength;
    }
    return bytes;
}
const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
function startsWith(bytes, magic) {
    return magic.every((byte, index) => bytes[index] === byte);
}
/**
 * Tells what is not the report (an empty body, a sign-in page, a JSON error) from what
 * may be, and returns the extension of what is kept.
 */
function checkContent(format, headers, head) {
    if (head.bytes.byteLength === 0)
        return { what: "an empty file" };
    if (format === "excel") {
        if (startsWith(head.bytes, XLSX_MAGIC))
            return "xlsx";
        if (startsWith(head.bytes, XLS_MAGIC))
            return "xls";
        return { what: "a file that is neither .xlsx nor .xls" };
    }
    const type = mediaTypeOf(headers.get("content-type"))?.split(";")[0] ?? "";
    if (type === "text/html" || type === "application/xhtml+xml")
        return { what: `an HTML page (Content-Type ${type})` };
    if (type === "application/json" || type.endsWith("+json"))
        return { what: `JSON (Content-Type ${type})` };
    const start = new TextDecoder()
        .decode(head.bytes.subarray(0, 64))
        .replace(/^[\ufeff\s]+/, "")
        .toLowerCase();
    if (start.startsWith("<!doctype") || start.startsWith("<html"))
        return { what: "an HTML page" };
    if (start.startsWith("{"))
        return { what: "JSON" };
    return "csv";
}
/**
 * The refusal of a body that is not the report, as an unusable answer that is retried like
 * a transient failure. What it quotes goes through the body door (body-description.ts):
 * a page's title or an error's message, never a line of what may be the report.
 */
async function refusal(refused, format, response, head, reader, onChunk, client) {
    const report = format === "csv" ? "CSV" : "Excel";
    if (head.bytes.byteLength === 0) {
        return new TransientFailure(`Lucca sent ${refused.what} instead of the ${report} report`, {
            unusable: true,
        });
    }
    // Enough of the body to read a page's title or an error's message past the head.
    const body = head.done ? { ...head, more: false } : await readMore(reader, head, onChunk);
    const shown = client.describe({
        bytes: body.bytes,
        more: body.more,
        contentType: response.headers.get("content-type"),
        declaredBytes: declaredLength(response.headers),
    });
    return new TransientFailure(`Lucca sent ${refused.what} instead of the ${report} report: ${shown}`, { unusable: true });
}
/** The head and what follows, up to MAX_ERROR_BODY_BYTES; a failed read keeps what came. */
async function readMore(reader, head, onChunk) {
    let more;
    try {
        more = await readHead(reader, MAX_ERROR_BODY_BYTES - head.bytes.byteLength, onChunk);
    }
    catch {
        return { bytes: head.bytes, more: true };
    }
    const all = [...head.chunks, ...more.chunks];
    const size = all.reduce((sum, chunk) => sum + chunk.byteLength, 0);
    const limit = Math.min(size, MAX_ERROR_BODY_BYTES);
    return { bytes: download_report_concat(all, limit), more: !more.done || size > limit };
}
/**
 * Writes the head already read, then the rest of the body, one chunk in flight to the disk
 * while the next is read: a plain loop costs less than chained TransformStreams at
 * hundreds of MB/s.
 */
async function copyCounting(head, reader, writable, onChunk) {
    const writer = writable.getWriter();
    let writing = Promise.resolve();
    try {
        for (const chunk of head) {
            onChunk(chunk);
            await writing;
            writing = writer.write(chunk);
        }
        while (reader) {
            const { done, value } = await reader.read();
            if (done)
                break;
            onChunk(value);
            await writing;
            writing = writer.write(value);
        }
        await writing;
        await writer.close();
    }
    catch (error) {
        // Stryker disable next-line CallExpression: equivalent
        // The request's own abort and the sink's discard() release the file anyway.
        writer.abort(error).catch(() => { });
        throw error;
    }
}
function download_report_describe(error) {
    if (error instanceof Error) {
        return error.cause instanceof Error
            ? `${error.message}: ${error.cause.message}`
            : error.message;
    }
    return String(error);
}

;// CONCATENATED MODULE: ./src/core/poll.ts
/**
 * Wait before status check number `pollIndex` (from 0). Grows from `intervalMs` to
 * `maxIntervalMs`: short reports are seen done quickly, long ones cost few requests of
 * the tenant's 50-per-minute budget. Jitter only lengthens, so `intervalMs` stays the
 * floor (never more than one check per interval) and `maxIntervalMs` the ceiling.
 */
function nextPollDelay(pollIndex, options) {
    const { intervalMs, maxIntervalMs, multiplier = 1.6, jitter = 0.2, random = Math.random, } = options;
    const base = Math.min(maxIntervalMs, intervalMs * multiplier ** pollIndex);
    return Math.round(Math.min(maxIntervalMs, base * (1 + jitter * random())));
}

;// CONCATENATED MODULE: ./src/core/status-words.ts
/** Words that plainly say generation failed: waiting on them would only end in a timeout. */
const FAILURE_WORDS = new Set(["failed", "failure", "canceled", "cancelled", "expired", "aborted"]);
/** True for "error" and the other words of failure, in any letter case. */
function isFailureStatus(status) {
    const word = status.toLowerCase();
    return word === "error" || FAILURE_WORDS.has(word);
}
/**
 * The status endpoint is not in Lucca's documentation: these answers to it mean "there is
 * no such endpoint here", and the download endpoint is used as the status signal instead.
 */
function isStatusEndpointMissing(status) {
    return status === 404 || status === 405;
}
/** Refusals of a download that, while the report is generating, mean "not yet". */
const PENDING_REFUSALS = new Set([400, 404, 409, 423, 425]);
function isPendingRefusal(status) {
    return PENDING_REFUSALS.has(status);
}

;// CONCATENATED MODULE: ./src/core/download-when-ready.ts





/**
 * The fallback when the status endpoint does not exist: the download itself is the status
 * signal. A refusal (400, 404, 409, 423, 425) means "still generating"; a 2xx is the file.
 * A report that failed cannot be told from one still pending, so the deadline ends that.
 */
async function downloadWhenReady(options, deps) {
    const started = deps.now();
    let announced = false;
    // One "downloading" line, not one per check.
    const onEvent = (event) => {
        if (event.type === "downloading") {
            if (announced)
                return;
            announced = true;
        }
        deps.onEvent(event);
    };
    for (let polls = 0;; polls++) {
        try {
            const download = await downloadReport(options, { ...deps, onEvent });
            deps.onEvent({
                type: "status",
                reportId: options.reportId,
                status: "done",
                changed: true,
                polls,
                elapsedMs: deps.now() - started,
                nextCheckMs: undefined,
            });
            return { download, polls };
        }
        catch (error) {
            // Stryker disable next-line ConditionalExpression: equivalent
            // `!(error instanceof LuccaRejectedError)` -> false: no other error carries a pending-refusal
            // status (a NetworkError's is 408, 429 or 5xx).
            if (!(error instanceof errors/* LuccaRejectedError */.Xf) || !isPendingRefusal(error.status))
                throw error;
            const nextCheckMs = nextPollDelay(polls, deps.poll);
            deps.onEvent({
                type: "status",
                reportId: options.reportId,
                status: "pending",
                changed: polls === 0,
                polls,
                elapsedMs: deps.now() - started,
                nextCheckMs,
            });
            await delay(nextCheckMs, deps.signal);
        }
    }
}

;// CONCATENATED MODULE: ./src/core/learned-poll.ts

/** Remembered generation times kept per template; older ones are dropped. */
const HISTORY_LENGTH = 10;
/** Lucca's tenant budget is 50 a minute; a job never takes more than a fifth of it. */
const MAX_CHECKS_PER_WINDOW = 10;
const BUDGET_WINDOW_MS = 60_000;
const MIN_GAP_MS = 1000;
/** The dense part never checks faster than the budget allows on average over a long window. */
const MAX_DENSE_GAP_MS = BUDGET_WINDOW_MS / MAX_CHECKS_PER_WINDOW;
/** Times beyond a day are not generation times of a report anyone waits for. */
const MAX_REMEMBERED_MS = 24 * 3_600_000;
/** The usable remembered times: finite, positive, under a day, the last HISTORY_LENGTH. */
function usableHistory(historyMs) {
    return historyMs
        .filter((ms) => typeof ms === "number" && Number.isFinite(ms) && ms > 0 && ms <= MAX_REMEMBERED_MS)
        .slice(-HISTORY_LENGTH);
}
/**
 * The window to check densely: the span of the remembered times, widened by 5% of the median
 * (at least a second) on each side, since the next run is rarely exactly like a past one.
 * Undefined without history.
 */
function expectedWindow(historyMs) {
    const times = usableHistory(historyMs).sort((a, b) => a - b);
    if (times.length === 0)
        return undefined;
    const middle = times.length >> 1;
    const expectedMs = times.length % 2 === 1
        ? times[middle]
        : (times[middle - 1] + times[middle]) / 2;
    const margin = Math.max(MIN_GAP_MS, 0.05 * expectedMs);
    return {
        expectedMs,
        fromMs: Math.max(0, times[0] - margin),
        toMs: times.at(-1) + margin,
    };
}
/**
 * Share of the time left before the deadline that a wait before the expected window may
 * take. Without it, a history longer than this run's `timeout` (one slow generation, then a
 * shorter timeout) puts the first check past the deadline: the run fails without a single
 * check, saves nothing, and fails the same way every time after. A quarter still gets to a
 * well-fitting window in a handful of checks (each takes a quarter of what is left), and
 * leaves most of the time for checking when the history was wrong.
 */
const WAIT_SHARE_OF_TIME_LEFT = 0.25;
/**
 * Wait before the next status check, for a template with history. `checksMs` are the times of
 * the checks made so far and `nowMs` the time now, both in ms after the report was created;
 * `timeLeftMs` is what is left of the job's deadline.
 * - Before the window: one wait to the planned first check (most of the expected time; see
 *   below where), but never more than WAIT_SHARE_OF_TIME_LEFT of the time left (nor less
 *   than today's schedule would wait): a run whose timeout is shorter than its history still
 *   checks, early, and gets closer to the window with each check.
 * - In the window: every tenth of it (between `intervalMs` and 6 s) until it closes.
 * - Once the window has passed (the report is later than its history): today's schedule,
 *   jitter included, as if there had been no history.
 * Whatever the window, no 60 s holds more than 10 checks and no two are less than
 * `intervalMs` apart.
 */
function learnedPollDelay(window, checksMs, nowMs, poll, timeLeftMs = Number.POSITIVE_INFINITY) {
    const last = checksMs.at(-1);
    const gap = (window.toMs - window.fromMs) / 10;
    let at;
    if (last === undefined || last < window.fromMs) {
        const planned = Math.max(plannedFirstCheck(window, gap, poll), poll.intervalMs);
        const usual = nextPollDelay(checksMs.length, { ...poll, jitter: 0 });
        at = Math.min(planned, nowMs + Math.max(WAIT_SHARE_OF_TIME_LEFT * timeLeftMs, usual));
    }
    else if (last < window.toMs) {
        at = last + Math.min(MAX_DENSE_GAP_MS, Math.max(poll.intervalMs, gap));
    }
    else {
        at = last + nextPollDelay(checksMs.length, poll);
    }
    if (last !== undefined)
        at = Math.max(at, last + poll.intervalMs);
    const tenthBack = checksMs[checksMs.length - MAX_CHECKS_PER_WINDOW];
    if (tenthBack !== undefined)
        at = Math.max(at, tenthBack + BUDGET_WINDOW_MS);
    return Math.max(0, Math.round(at - nowMs));
}
/**
 * A window narrower than ten poll intervals costs little latency to start late in, so the
 * first check comes just past the expected time and usually is the only one; a wider window
 * is entered halfway between its opening and the expected time.
 */
function plannedFirstCheck(window, gap, poll) {
    return gap < poll.intervalMs
        ? window.expectedMs + 0.3 * (window.toMs - window.expectedMs)
        : window.expectedMs - 0.5 * (window.expectedMs - window.fromMs);
}
/**
 * Status checks today's schedule (no history, no jitter) would have made to see a report that
 * was first seen done at `seenAtMs`: the baseline for "requests saved".
 */
function checksWithoutHistory(seenAtMs, poll) {
    let at = 0;
    let checks = 0;
    while (at < seenAtMs) {
        at += nextPollDelay(checks, { ...poll, jitter: 0 });
        checks++;
    }
    return Math.max(1, checks);
}

;// CONCATENATED MODULE: ./src/core/range-sent.ts
const END_DATE_CONVENTIONS = ["inclusive", "exclusive"];
const range_sent_DAY_MS = 86_400_000;
/**
 * The one place that turns a period as users give it (end date included) into the
 * `startsOn`/`endsOn` sent to Lucca. A null end (the template's default period) stays null.
 */
function rangeToSend(period, convention) {
    const endsOn = convention === "exclusive" && period.endsOn !== null ? shift(period.endsOn, 1) : period.endsOn;
    return { startsOn: period.startsOn, endsOn, convention };
}
/** The reverse: the period a report's own dates stand for, end date included. */
function periodFromSent(sent, convention) {
    const endsOn = convention === "exclusive" && sent.endsOn !== null ? shift(sent.endsOn, -1) : sent.endsOn;
    return { startsOn: sent.startsOn, endsOn };
}
function shift(date, days) {
    const [year, month, day] = date.split("-").map(Number);
    const ms = new Date(0).setUTCFullYear(year, month - 1, day) + days * range_sent_DAY_MS;
    return new Date(ms).toISOString().slice(0, 10);
}

;// CONCATENATED MODULE: ./src/core/wait-for-report.ts






/**
 * Polls a report until it leaves "pending" (done or error). An unknown status counts as
 * still running: Lucca may add states, and the overall deadline still bounds the wait.
 */
async function waitForReport(initial, deps) {
    const started = deps.now();
    let report = initial;
    // Stryker disable next-line StringLiteral: equivalent
    // No status equals any other text either, so the first check is always a change.
    let previous = "";
    let polls = 0;
    const checksMs = [];
    const warned = new Set();
    for (;;) {
        if (report.status !== "error" && isFailureStatus(report.status)) {
            deps.onEvent({
                type: "warning",
                message: `Lucca reported status "${report.status}" for report ${report.id}; treating it as "error"`,
            });
            report = { ...report, status: "error" };
        }
        const finished = report.status === "done" || report.status === "error";
        if (!isKnownStatus(report.status) && !warned.has(report.status)) {
            warned.add(report.status);
            deps.onEvent({
                type: "warning",
                message: `Lucca reported an unknown status "${report.status}" for report ${report.id}; treating it as still running`,
            });
        }
        const elapsedMs = deps.now() - started;
        const nextCheckMs = finished
            ? undefined
            : deps.expected
                ? learnedPollDelay(deps.expected, checksMs, elapsedMs, deps.poll, deps.deadlineAt === undefined ? undefined : deps.deadlineAt - deps.now())
                : nextPollDelay(polls, deps.poll);
        deps.onEvent({
            type: "status",
            reportId: report.id,
            status: report.status,
            changed: report.status !== previous,
            polls,
            elapsedMs,
            nextCheckMs,
            expectedMs: deps.expected?.expectedMs,
        });
        previous = report.status;
        if (nextCheckMs === undefined) {
            const seenAt = checksMs.at(-1) ?? 0;
            return {
                report,
                polls,
                generationMs: (seenAt + (checksMs.at(-2) ?? 0)) / 2,
                checksWithoutHistory: polls === 0 ? 0 : checksWithoutHistory(seenAt, deps.poll),
            };
        }
        await delay(nextCheckMs, deps.signal);
        try {
            report = await deps.client.getReport(report.id);
        }
        catch (error) {
            if (error instanceof errors/* LuccaRejectedError */.Xf && isStatusEndpointMissing(error.status)) {
                return {
                    report,
                    polls,
                    generationMs: null,
                    checksWithoutHistory: 0,
                    statusUnavailable: { status: error.status },
                };
            }
            throw error;
        }
        checksMs.push(deps.now() - started);
        polls++;
    }
}

;// CONCATENATED MODULE: ./src/core/report-job.ts










class DeadlinePassed extends Error {
}
/** Create a report, wait for it, regenerate it on "error", stream it to a file. */
async function runReportJob(options, deps) {
    const now = deps.now ?? Date.now;
    const onEvent = deps.onEvent ?? (() => { });
    const started = now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new DeadlinePassed()), timerMs(options.timeoutMs));
    const signal = deps.signal ? AbortSignal.any([deps.signal, deadline.signal]) : deadline.signal;
    const client = deps.createClient(signal, started + options.timeoutMs);
    let current = options.reportId;
    const convention = options.endDateConvention ?? "inclusive";
    try {
        let report;
        let attempts = 1;
        let polls = 0;
        let templateId = options.templateId;
        const expected = options.reportId
            ? undefined
            : expectedWindow(options.generationHistoryMs ?? []);
        let resumed = Boolean(options.reportId);
        let requestsSaved = 0;
        let generationMs = null;
        let period = options.period;
        /** Set when the status endpoint answered 404/405: the download is the signal then. */
        let statusUnavailable;
        if (options.reportId) {
            onEvent({ type: "resuming", reportId: options.reportId });
            try {
                report = await client.getReport(options.reportId);
                templateId ??= report.templateId;
                period = periodFromSent({ startsOn: report.startsOn, endsOn: report.endsOn }, convention);
            }
            catch (error) {
                if (!(error instanceof errors/* LuccaRejectedError */.Xf) || !isStatusEndpointMissing(error.status)) {
                    throw error;
                }
                // The period of a resumed report is unknown without its status: names use the id.
                period = { startsOn: null, endsOn: null };
                report = {
                    id: options.reportId,
                    templateId: undefined,
                    // Stryker disable next-line StringLiteral: equivalent
                    // Only the stand-in's id is read.
                    status: "pending",
                    startsOn: null,
                    endsOn: null,
                };
                statusUnavailable = error.status;
            }
        }
        else {
            report = await create(client, templateId, rangeToSend(period, convention), attempts, onEvent);
            current = report.id;
        }
        while (statusUnavailable === undefined) {
            const waited = await waitForReport(report, {
                client,
                signal,
                now,
                poll: options.poll,
                onEvent,
                expected,
                deadlineAt: started + options.timeoutMs,
            });
            polls += waited.polls;
            if (expected)
                requestsSaved += waited.checksWithoutHistory - waited.polls;
            generationMs = resumed ? null : waited.generationMs;
            report = waited.report;
            if (waited.statusUnavailable) {
                statusUnavailable = waited.statusUnavailable.status;
                break;
            }
            if (report.status === "done")
                break;
            if (attempts >= options.generationAttempts || templateId === undefined) {
                throw new errors/* ReportFailedError */.Az(`Lucca could not generate report ${report.id} (status "error") after ${attempts} attempt(s). ` +
                    "Try again later; if it keeps failing, contact Lucca support with the report id.", { reportId: report.id, attempts });
            }
            attempts++;
            onEvent({
                type: "regenerating",
                failedReportId: report.id,
                attempt: attempts,
                maxAttempts: options.generationAttempts,
            });
            report = await create(client, templateId, rangeToSend(period, convention), attempts, onEvent);
            current = report.id;
            resumed = false;
        }
        const reportId = report.id;
        const nameParts = { reportId, templateId, startsOn: period.startsOn, endsOn: period.endsOn };
        const downloadOptions = {
            reportId,
            format: options.format,
            target: targetFor(options.outputPath, reportId, (extension) => defaultReportPath(nameParts, extension)),
            idleTimeoutMs: options.requestTimeoutMs,
            previewRows: options.previewRows ?? 10,
            createHasher: deps.createHasher,
        };
        let download;
        if (statusUnavailable === undefined) {
            download = await downloadReport(downloadOptions, {
                client,
                sink: deps.sink,
                signal,
                onEvent,
            });
        }
        else {
            onEvent({
                type: "warning",
                message: `The status endpoint answered ${statusUnavailable}; using the download endpoint as the status signal for report ${reportId} (a refusal means still generating)`,
            });
            const ready = await downloadWhenReady(downloadOptions, {
                client,
                sink: deps.sink,
                signal,
                now,
                poll: options.poll,
                onEvent,
            });
            download = ready.download;
            polls += ready.polls;
        }
        const csv = options.format === "csv";
        return {
            reportId,
            templateId,
            startsOn: period.startsOn,
            endsOn: period.endsOn,
            rangeSent: rangeToSend(period, convention),
            status: "done",
            format: options.format,
            path: download.path,
            bytes: download.stats.bytes,
            rows: csv ? download.stats.rows : null,
            columns: csv ? download.stats.columns : null,
            sha256: download.stats.sha256,
            attempts,
            polls,
            durationMs: now() - started,
            stats: download.stats,
            polling: { expectedMs: expected?.expectedMs ?? null, generationMs, requestsSaved },
        };
    }
    catch (error) {
        if (deadline.signal.aborted && !deps.signal?.aborted) {
            throw new errors/* ReportTimeoutError */.Co(current
                ? `Report ${current} was not ready and downloaded within ${formatDuration(options.timeoutMs)}. It may still finish.`
                : `No report could be created within ${formatDuration(options.timeoutMs)}.`, { reportId: current, cause: error });
        }
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
}
function targetFor(outputPath, reportId, fallback) {
    if (typeof outputPath === "function")
        return (extension) => outputPath({ reportId, extension });
    return outputPath ?? fallback;
}
async function create(client, templateId, sent, attempt, onEvent) {
    const period = periodFromSent(sent, sent.convention);
    onEvent({
        type: "creating",
        templateId,
        startsOn: period.startsOn,
        endsOn: period.endsOn,
        sent,
        attempt,
    });
    const report = await client.createReport({
        templateId,
        startsOn: sent.startsOn,
        endsOn: sent.endsOn,
    });
    onEvent({ type: "created", reportId: report.id, attempt });
    return report;
}

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
    const wait = options.wait ?? delay;
    const granted = [];
    /** Slots still counted: in flight (undefined) or answered at a time. */
    let recent = [];
    let pausedUntil = 0;
    let queue = Promise.resolve();
    const nextSlotIn = (at) => {
        // Stryker disable next-line MethodExpression: equivalent
        // Without the filter, a freed slot sorts before those still counted, and a negative wait is
        // raised to 0 by Math.max.
        recent = recent.filter(
        // Stryker disable next-line ConditionalExpression, EqualityOperator: equivalent
        // -> true or `>=`: as without the filter above.
        (slot) => slot.answeredAt === undefined || slot.answeredAt + windowMs > at);
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
            options.onWait?.(ms);
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
            budget.pause(parseRetryAfter(response.headers.get("retry-after"), now()) ?? options.pauseMs ?? 5_000);
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

;// CONCATENATED MODULE: ./src/core/run-reports.ts

/**
 * Runs every report, `concurrency` at a time, and returns one outcome per report in the
 * order given. A failed report does not stop the others unless `failFast` is set.
 */
async function runReports(options) {
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
            // A resumed report has its id from the start: a failure still says it.
            let reportId = spec.reportId;
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

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/node/node-memory.ts


/** One call in this many runs a full collection instead of a young-generation one. */
const FULL_EVERY = 32;
let collect;
let calls = 0;
/**
 * Runs a young-generation garbage collection, which frees the network chunks already
 * written to disk. V8 otherwise frees them only once about 64 MiB of them have piled up
 * outside its heap, so a long download would hold 50+ MiB more than a short one. A young
 * collection takes well under a millisecond; every 32nd call is a full one (a few
 * milliseconds) for the chunks that were still queued at two young collections and so
 * moved to the old generation.
 *
 * There is no API for it without `--expose-gc`, which an action cannot pass to Node: the
 * flag is set at run time and `gc` taken from a fresh context (as Jest's leak detector
 * does), then unset. Where that is unavailable (Deno, say) this does nothing.
 */
function releaseDeadBuffers() {
    if (collect === undefined)
        collect = exposeGc();
    calls++;
    collect?.({ type: calls % FULL_EVERY === 0 ? "major" : "minor", execution: "sync" });
}
function exposeGc() {
    try {
        (0,external_node_v8_.setFlagsFromString)("--expose-gc");
        const gc = (0,external_node_vm_.runInNewContext)("typeof gc === 'function' ? gc : null");
        (0,external_node_v8_.setFlagsFromString)("--no-expose-gc");
        return typeof gc === "function" ? gc : null;
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/node/output-target.ts




/**
 * Resolves where a report will really be written and refuses any place it must not go:
 * a device, FIFO, socket, directory or symbolic link at the target; a real path outside the
 * allowed roots; anything inside a `.git` directory; a directory that cannot be written.
 * Called before the first request, and again by the sink once a default name is known.
 * Returns the real absolute path of the target (its parent's symlinks resolved).
 */
async function resolveOutputTarget(path, policy) {
    const refuse = (why) => new errors/* InvalidInputError */.oC(`${policy.label}: "${path}" ${why}`);
    if (path.trim() === "" || /[\0\r\n]/.test(path))
        throw refuse("is not a usable file name");
    const absolute = (0,external_node_path_.resolve)(policy.baseDir, path);
    const name = (0,external_node_path_.basename)(absolute);
    if (name === "" || name === "." || name === ".." || /[/\\]$/.test(path)) {
        throw refuse("names a directory; give a file path such as reports/timesheet.csv");
    }
    const directory = await resolveDirectory((0,external_node_path_.dirname)(absolute), policy, refuse);
    const target = (0,external_node_path_.join)(directory.real, name);
    if (insideGitDir(name))
        throw refuse("is inside a .git directory");
    const existing = await (0,promises_.lstat)(target).catch(() => undefined);
    if (existing !== undefined && !existing.isFile())
        throw refuse(`is ${kindOf(existing)}`);
    await probeWritable(directory.deepestExisting, refuse);
    return target;
}
/**
 * The same checks for a directory that files will be written into, when their names are not
 * known yet (a default name built from the report); returns its real path.
 */
async function resolveOutputDirectory(dir, policy) {
    const refuse = (why) => new errors/* InvalidInputError */.oC(`${policy.label}: "${dir}" ${why}`);
    const directory = await resolveDirectory((0,external_node_path_.resolve)(policy.baseDir, dir), policy, refuse);
    await probeWritable(directory.deepestExisting, refuse);
    return directory.real;
}
async function resolveDirectory(absolute, policy, refuse) {
    if (insideGitDir(absolute))
        throw refuse("is inside a .git directory");
    const directory = await realParent(absolute, refuse);
    const real = directory.real;
    if (insideGitDir(real))
        throw refuse(`resolves to ${real}, inside a .git directory`);
    if (policy.roots !== undefined) {
        const roots = await Promise.all(policy.roots.map((root) => (0,promises_.realpath)(root).catch(() => root)));
        if (!roots.some((root) => root === real || isInside(root, real))) {
            throw refuse(real === absolute
                ? `is outside ${roots.join(" and ")}`
                : `resolves to ${real}, outside ${roots.join(" and ")} (through a symbolic link)`);
        }
    }
    return directory;
}
/** The stale temporary files of this tool beside `target` look like this. */
function partFileName(target, token) {
    return `.${(0,external_node_path_.basename)(target)}.${token}.part`;
}
/** Rechecks, just before a rename, that the target is still absent or a regular file. */
async function assertReplaceable(target) {
    const existing = await (0,promises_.lstat)(target).catch(() => undefined);
    if (existing !== undefined && !existing.isFile()) {
        throw new errors/* InvalidInputError */.oC(`${target} became ${kindOf(existing)} while the report was downloading; it was left untouched`);
    }
}
function insideGitDir(path) {
    return path.split(/[/\\]/).some((part) => part.toLowerCase() === ".git");
}
function isInside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel !== "" && !rel.startsWith(`..${external_node_path_.sep}`) && rel !== ".." && !(0,external_node_path_.isAbsolute)(rel);
}
/**
 * The real path of a directory that may not exist yet: the deepest existing ancestor with
 * its symlinks resolved, plus the part mkdir will create.
 */
async function realParent(dir, refuse) {
    const missing = [];
    let current = dir;
    for (;;) {
        const info = await (0,promises_.stat)(current).catch(() => undefined);
        if (info !== undefined) {
            if (!info.isDirectory()) {
                throw refuse(`cannot be written: ${current} is not a directory`);
            }
            const real = await (0,promises_.realpath)(current);
            return { real: (0,external_node_path_.join)(real, ...missing.reverse()), deepestExisting: real };
        }
        const up = (0,external_node_path_.dirname)(current);
        if (up === current)
            throw refuse(`cannot be written: ${dir} does not exist`);
        missing.push((0,external_node_path_.basename)(current));
        current = up;
    }
}
/** Creating a file is the only test that tells the truth (root, ACLs, read-only mounts). */
async function probeWritable(dir, refuse) {
    const probe = (0,external_node_path_.join)(dir, `.lucca-report.${crypto.randomUUID().slice(0, 8)}.probe`);
    try {
        const handle = await (0,promises_.open)(probe, external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_WRONLY);
        await handle.close();
    }
    catch (error) {
        throw refuse(`cannot be written: ${dir} is not writable (${error.message})`);
    }
    await (0,promises_.rm)(probe, { force: true });
}
function kindOf(info) {
    if (info.isDirectory())
        return "a directory";
    if (info.isSymbolicLink())
        return "a symbolic link; give the path of the file itself";
    if (info.isFIFO())
        return "a named pipe (FIFO)";
    if (info.isSocket())
        return "a socket";
    if (info.isCharacterDevice() || info.isBlockDevice())
        return "a device";
    return "not a regular file";
}

;// CONCATENATED MODULE: ./src/node/node-file-sink.ts





/** Chunks queued while the disk is busy; past this, writes wait (backpressure). */
const MAX_QUEUED_BYTES = 2 * 1024 * 1024;
/** Bytes written between two collections of the chunks already written. */
const RELEASE_EVERY_BYTES = 2 * 1024 * 1024;
/**
 * A `.part` file of this tool untouched for this long belongs to a run that died (SIGKILL,
 * power cut): a live download writes at least once per request timeout, or is cut.
 */
const STALE_PART_MS = 10 * 60_000;
/**
 * A FileSink on the local file system (Node and Deno both provide node:fs). Every path,
 * default names included, goes through `resolveOutputTarget` with `policy`.
 */
function nodeFileSink(policy, options = {}) {
    return {
        async create(path) {
            const target = await resolveOutputTarget(path, policy);
            const directory = (0,external_node_path_.dirname)(target);
            const temporary = (0,external_node_path_.join)(directory, partFileName(target, crypto.randomUUID().slice(0, 8)));
            let handle;
            try {
                await (0,promises_.mkdir)(directory, { recursive: true });
                await removeStaleParts(target, options.staleAfterMs ?? STALE_PART_MS, options.now);
                handle = await (0,promises_.open)(temporary, "wx", options.mode ?? 0o666);
            }
            catch (error) {
                throw writeError(`Cannot create ${target}`, error);
            }
            const queue = writeQueue(handle, target);
            let closed = false;
            const close = async () => {
                if (closed)
                    return;
                closed = true;
                await queue.settled();
                await handle.close();
            };
            const writable = new WritableStream({
                write: (chunk) => queue.push(chunk),
                async close() {
                    await queue.drain();
                    await close();
                },
                abort() {
                    queue.dropQueued();
                    return close();
                },
            });
            const file = {
                path: target,
                writable,
                async commit() {
                    await queue.drain();
                    await close();
                    try {
                        // The place was checked before the download; it must not have changed since.
                        await assertReplaceable(target);
                        if ((await (0,promises_.realpath)(directory)) !== directory) {
                            throw new errors/* LuccaReportError */.v1(`${directory} was replaced during the download`);
                        }
                        await (0,promises_.rename)(temporary, target);
                    }
                    catch (error) {
                        await (0,promises_.rm)(temporary, { force: true });
                        if (error instanceof errors/* LuccaReportError */.v1)
                            throw error;
                        throw writeError(`Cannot move the download into ${target}`, error);
                    }
                },
                async discard() {
                    await close().catch(() => { });
                    await (0,promises_.rm)(temporary, { force: true });
                },
            };
            return file;
        },
    };
}
/**
 * Removes this tool's temporary files for `target` left by a run that died: only names of
 * our exact pattern, only regular files, only those not written to for `staleAfterMs` (a
 * concurrent run's live file keeps a fresh mtime).
 */
async function removeStaleParts(target, staleAfterMs, now = Date.now) {
    const directory = (0,external_node_path_.dirname)(target);
    const pattern = new RegExp(`^${escapeRegExp(partFileName(target, "@@"))}$`.replace("@@", "[0-9a-f]{8}"));
    const removed = [];
    for (const name of await (0,promises_.readdir)(directory).catch(() => [])) {
        if (!pattern.test(name))
            continue;
        const path = (0,external_node_path_.join)(directory, name);
        const info = await (0,promises_.lstat)(path).catch(() => undefined);
        if (!info?.isFile() || now() - info.mtimeMs < staleAfterMs)
            continue;
        await (0,promises_.rm)(path, { force: true });
        removed.push(path);
    }
    return removed;
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
/**
 * Writes chunks in order, gathering those that arrive while the disk is busy into one
 * writev: at hundreds of MB/s, one write per network chunk keeps the reader waiting on
 * the disk. A failed write fails the next push or drain.
 */
function writeQueue(handle, target) {
    let queued = [];
    let queuedBytes = 0;
    let failure;
    let flushing;
    let sinceRelease = 0;
    let roomWaiters = [];
    const flush = async () => {
        try {
            while (queued.length > 0) {
                const batch = queued;
                const bytes = queuedBytes;
                queued = [];
                queuedBytes = 0;
                await writeAll(handle, batch, bytes);
                // Written chunks must be unreachable before the collection below, or it promotes
                // them to the old generation, where only a full collection frees them.
                batch.length = 0;
                for (const wake of roomWaiters)
                    wake();
                roomWaiters = [];
                sinceRelease += bytes;
                if (sinceRelease >= RELEASE_EVERY_BYTES) {
                    sinceRelease = 0;
                    releaseDeadBuffers();
                }
            }
        }
        catch (error) {
            failure = writeError(`Cannot write ${target}`, error);
            for (const wake of roomWaiters)
                wake();
            roomWaiters = [];
        }
        finally {
            flushing = undefined;
        }
    };
    return {
        async push(chunk) {
            if (failure)
                throw failure;
            queued.push(chunk);
            queuedBytes += chunk.byteLength;
            flushing ??= flush();
            while (queuedBytes >= MAX_QUEUED_BYTES && !failure) {
                await new Promise((wake) => roomWaiters.push(wake));
            }
            if (failure)
                throw failure;
        },
        /** Resolves when every chunk pushed is on disk. */
        async drain() {
            while (flushing)
                await flushing;
            if (failure)
                throw failure;
        },
        /** Forgets the chunks not yet handed to the disk (the file is being discarded). */
        dropQueued() {
            queued = [];
            queuedBytes = 0;
        },
        /** Resolves when no write is in flight, whatever its outcome. */
        async settled() {
            while (flushing)
                await flushing;
        },
    };
}
async function writeAll(handle, chunks, bytes) {
    const { bytesWritten } = await handle.writev(chunks);
    if (bytesWritten === bytes)
        return;
    // A short writev (rare on a regular file): write what is left, chunk by chunk.
    let skip = bytesWritten;
    for (const chunk of chunks) {
        const from = Math.min(skip, chunk.byteLength);
        skip -= from;
        for (let offset = from; offset < chunk.byteLength;) {
            const written = await handle.write(chunk, offset, chunk.byteLength - offset);
            offset += written.bytesWritten;
        }
    }
}
function writeError(what, error) {
    const reason = error instanceof Error ? error.message : String(error);
    return new errors/* LuccaReportError */.v1(`${what}: ${reason}`, { cause: error });
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/node/node-hash.ts

/** Native SHA-256 (Node and Deno both provide node:crypto), several times the pure one's speed. */
function nodeSha256() {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    return {
        update: (bytes) => void hash.update(bytes),
        digestHex: () => hash.digest("hex"),
    };
}

;// CONCATENATED MODULE: ./src/node/poll-history.ts




/**
 * Each template's last generation times, in a small JSON file: `{"version":1,"templates":
 * {"<key>":[ms, ...]}}`. Optional everywhere: a missing, unreadable or corrupt file reads as
 * no history, and a failed write loses only the learning.
 */
const poll_history_VERSION = 1;
/** Templates remembered; the least recently run ones go first. */
const MAX_TEMPLATES = 200;
/**
 * A full file is about 30 KiB (200 keys of 24 characters, ten times of up to 8 digits each):
 * anything much larger was not written by this tool (a restored cache entry is data too),
 * and is not read.
 */
const MAX_HISTORY_FILE_BYTES = 64 * 1024;
/**
 * Where the CLI keeps it: `$XDG_CACHE_HOME/lucca-report/` or `$HOME/.cache/lucca-report/`;
 * undefined (no learning) when neither is an absolute path.
 */
function cliHistoryPath(env) {
    const base = (0,external_node_path_.isAbsolute)(env.XDG_CACHE_HOME ?? "")
        ? env.XDG_CACHE_HOME
        : (0,external_node_path_.isAbsolute)(env.HOME ?? "")
            ? (0,external_node_path_.join)(env.HOME, ".cache")
            : undefined;
    return base === undefined ? undefined : (0,external_node_path_.join)(base, "lucca-report", "poll-history.json");
}
/** The entry of one template on one tenant; hashed, so the file names no tenant. */
function historyKey(domain, templateId) {
    return (0,external_node_crypto_.createHash)("sha256").update(`${domain}\n${templateId}`).digest("hex").slice(0, 24);
}
/**
 * The file's text, or undefined when there is no usable file: only a small regular file
 * counts (a FIFO would block the read, a link may point anywhere).
 */
async function readHistoryText(path) {
    try {
        const found = await (0,promises_.lstat)(path);
        if (!found.isFile() || found.size > MAX_HISTORY_FILE_BYTES)
            return undefined;
        const text = await (0,promises_.readFile)(path, "utf8");
        return text.length > MAX_HISTORY_FILE_BYTES ? undefined : text;
    }
    catch {
        return undefined;
    }
}
async function readTemplates(path) {
    try {
        const text = await readHistoryText(path);
        if (text === undefined)
            return {};
        const parsed = JSON.parse(text);
        if (typeof parsed !== "object" || parsed === null)
            return {};
        const { version, templates } = parsed;
        if (version !== poll_history_VERSION || typeof templates !== "object" || templates === null)
            return {};
        const out = {};
        for (const [key, times] of Object.entries(templates)) {
            if (/^[0-9a-f]{24}$/.test(key) && Array.isArray(times)) {
                const usable = usableHistory(times);
                if (usable.length > 0)
                    out[key] = usable;
            }
        }
        return out;
    }
    catch {
        return {};
    }
}
/** The remembered times of one template, oldest first; [] when there are none. */
async function readHistory(path, key) {
    return (await readTemplates(path))[key] ?? [];
}
/**
 * Adds a generation time to a template's history (written to a temporary file, then renamed,
 * so a reader never sees half a file). Returns the error instead of throwing it.
 */
function rememberGeneration(path, key, generationMs) {
    return update(path, (templates) => {
        const times = [...(templates[key] ?? []), Math.round(generationMs)].slice(-HISTORY_LENGTH);
        delete templates[key];
        templates[key] = usableHistory(times);
    });
}
/**
 * Drops a template's history: a run that waited as it said and timed out must not make the
 * next run wait the same way (a run that times out has no new time to correct it with).
 * Returns the error instead of throwing it.
 */
function forgetTemplate(path, key) {
    return update(path, (templates) => {
        delete templates[key];
    });
}
/** One read-modify-write of the file; several at once on one file run one after the other. */
function update(path, change) {
    // Several reports of one step finish at once: one read-modify-write at a time per file,
    // or the last writer would drop the others' times.
    const previous = writing.get(path) ?? Promise.resolve(undefined);
    const next = previous.then(() => write(path, change));
    writing.set(path, next);
    void next.finally(() => {
        if (writing.get(path) === next)
            writing.delete(path);
    });
    return next;
}
const writing = new Map();
async function write(path, change) {
    const templates = await readTemplates(path);
    change(templates);
    const keys = Object.keys(templates);
    for (const old of keys.slice(0, Math.max(0, keys.length - MAX_TEMPLATES)))
        delete templates[old];
    const temporary = `${path}.${process.pid}.tmp`;
    try {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        await (0,promises_.writeFile)(temporary, `${JSON.stringify({ version: poll_history_VERSION, templates })}\n`);
        await (0,promises_.rename)(temporary, path);
        return undefined;
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true }).catch(() => { });
        return error instanceof Error ? error : new Error(String(error));
    }
}

;// CONCATENATED MODULE: ./src/node/run-reports.ts












/** The shortest gap between two "waiting for the request budget" lines. */
const BUDGET_NOTICE_MS = 10_000;
/**
 * Runs every report of the step (one or many, the same way) through one request budget;
 * one outcome per report, in the order asked for. Shared by the CLI and the action.
 */
async function runReportsFromSettings(settings, env) {
    // A place a report cannot go is found now, not after Lucca generated it.
    const targets = new Map();
    for (const spec of settings.reports)
        targets.set(spec, await checkOutputTarget(settings, spec, env.output));
    let noticeAt = Number.NEGATIVE_INFINITY;
    const now = env.now ?? Date.now;
    const budget = env.budget ??
        createRequestBudget({
            requests: settings.requestsPerMinute,
            windowMs: env.windowMs,
            now: env.now,
            onWait: (ms) => {
                // A second of Lucca's minute (scaled with the window in tests) is worth a line.
                const worth = Math.min(1000, (env.windowMs ?? 60_000) / 60);
                if (ms < worth || now() - noticeAt < BUDGET_NOTICE_MS)
                    return;
                noticeAt = now();
                env.onBudgetWait?.(`Waiting for the request budget (${settings.requestsPerMinute}/min): next slot in ${formatDuration(ms)}`);
            },
        });
    const fetch = budgetedFetch(env.fetch, budget, { now: env.now });
    return runReports({
        reports: settings.reports,
        concurrency: settings.concurrency,
        failFast: settings.failFast,
        signal: env.signal,
        runOne: (spec, signal, created) => runOne(settings, spec, targets.get(spec), {
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
/** The budget's door for one report, counting how long that report waited at it. */
function countingWaits(take, now) {
    const counted = { queuedMs: 0 };
    const takeSlot = async (signal) => {
        const from = now();
        const release = await take(signal);
        counted.queuedMs += now() - from;
        return release;
    };
    return { counted, takeSlot };
}
/** One report of the step, its target already checked. */
async function runOne(settings, spec, target, env) {
    const sink = nodeFileSink(env.output, {
        staleAfterMs: Math.max(STALE_PART_MS, 2 * settings.requestTimeoutMs),
    });
    const key = env.pollHistoryPath && spec.templateId
        ? historyKey(settings.baseUrl.host, spec.templateId)
        : undefined;
    const history = key && env.pollHistoryPath && !spec.reportId ? await readHistory(env.pollHistoryPath, key) : [];
    const queue = countingWaits(env.takeSlot, env.now ?? Date.now);
    const job = runReportJob({
        templateId: spec.templateId,
        period: spec.period,
        reportId: spec.reportId,
        format: settings.format,
        outputPath: target,
        timeoutMs: settings.timeoutMs,
        poll: { intervalMs: settings.pollIntervalMs, maxIntervalMs: settings.maxPollIntervalMs },
        requestTimeoutMs: settings.requestTimeoutMs,
        generationAttempts: settings.generationAttempts,
        previewRows: env.previewRows,
        endDateConvention: settings.endDateConvention,
        generationHistoryMs: history,
    }, {
        createClient: (signal, deadlineAt) => createLuccaClient({
            deadlineAt,
            baseUrl: settings.baseUrl,
            apiKey: settings.apiKey,
            fetch: env.fetch,
            signal,
            requestTimeoutMs: settings.requestTimeoutMs,
            maxRetries: settings.maxRetries,
            now: env.now,
            onRetry: (info) => env.onEvent({ type: "retrying", ...info }),
            onWarning: (message) => env.onEvent({ type: "warning", message }),
            takeSlot: queue.takeSlot,
        }),
        sink,
        signal: env.signal,
        now: env.now,
        onEvent: env.onEvent,
        createHasher: nodeSha256,
    });
    const result = await forgettingOnTimeout(job, key && env.pollHistoryPath ? { path: env.pollHistoryPath, key, times: history } : undefined, env.onEvent);
    const generationMs = result.polling.generationMs;
    if (key && env.pollHistoryPath && generationMs !== null) {
        const failed = await rememberGeneration(env.pollHistoryPath, key, generationMs);
        if (failed) {
            env.onEvent({
                type: "warning",
                message: `Could not remember this template's generation time in ${env.pollHistoryPath}: ${failed.message}`,
            });
        }
    }
    return { ...result, queuedMs: queue.counted.queuedMs };
}
/** The job, and on a timeout after waiting as the history said, that history forgotten. */
async function forgettingOnTimeout(job, history, onEvent) {
    try {
        return await job;
    }
    catch (error) {
        if (error instanceof errors/* ReportTimeoutError */.Co && history && history.times.length > 0) {
            const failed = await forgetTemplate(history.path, history.key);
            if (failed) {
                onEvent({
                    type: "warning",
                    message: `Could not forget this template's generation times in ${history.path}: ${failed.message}`,
                });
            }
        }
        throw error;
    }
}
/** Refuses a place the report cannot go, before any request; returns the job's target. */
async function checkOutputTarget(settings, spec, policy) {
    const target = outputTarget(settings.outputPath, spec);
    if (typeof target === "function") {
        await resolveOutputTarget(target({ reportId: "report-id", extension: "csv" }), policy);
    }
    else if (target !== undefined)
        await resolveOutputTarget(target, policy);
    else
        await resolveOutputDirectory(DEFAULT_OUTPUT_DIR, policy);
    return target;
}
/**
 * output-path as a template ({templateId}, {year}, {reportId}, ...); a path without
 * placeholders stays as written, and none keeps the job's default file name.
 */
function outputTarget(template, spec) {
    if (template === undefined || !template.includes("{"))
        return template;
    const templateId = spec.templateId ?? "report";
    return ({ reportId, extension }) => expandPath(template, { templateId, period: spec.period, reportId, extension });
}

;// CONCATENATED MODULE: ./src/core/trace-shape.ts
/**
 * Keys written by name, in any letter case: those of what this tool sends and of what
 * Lucca answers (report and template objects, envelopes, error shapes). Any other key is
 * chosen by the server and may be anything, a person's name or the key included: it is
 * counted, with its value's type, never named.
 */
const KNOWN_KEYS = new Set([
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
].map((key) => key.toLowerCase()));
/** Where the keys a trace does not name are counted. */
const OTHER_KEYS = "…";
const trace_shape_MAX_DEPTH = 8;
function shapeOf(value, depth = 0) {
    if (value === null)
        return "null";
    if (Array.isArray(value)) {
        if (depth >= trace_shape_MAX_DEPTH)
            return "array";
        return value.length === 0 ? [] : [shapeOf(value[0], depth + 1)];
    }
    if (typeof value === "object") {
        if (depth >= trace_shape_MAX_DEPTH)
            return "object";
        const shape = {};
        const others = new Set();
        let otherCount = 0;
        for (const [key, item] of Object.entries(value)) {
            if (KNOWN_KEYS.has(key.toLowerCase())) {
                shape[key] = shapeOf(item, depth + 1);
            }
            else {
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
function typeName(value) {
    if (value === null)
        return "null";
    return Array.isArray(value) ? "array" : typeof value;
}
/** Shape of a text that may be JSON; anything else is described by its length, not shown. */
function shapeOfText(text) {
    if (text === "")
        return "empty";
    try {
        return shapeOf(JSON.parse(text));
    }
    catch {
        return `text (${text.length} chars, not JSON)`;
    }
}

;// CONCATENATED MODULE: ./src/core/trace.ts




/** JSON bodies above this are not shaped. */
const MAX_SHAPED_BYTES = 256 * 1024;
/**
 * Wraps a fetch so that every exchange is recorded: method, origin, path, status, time to
 * headers, listed headers, and bodies as shapes. JSON answers are read from a clone,
 * whether their length is told or not; the caller's body is untouched and downloads are
 * never read twice.
 */
function tracingFetch(fetch, options) {
    const now = options.now ?? Date.now;
    const started = now();
    const { secrets } = options;
    return async (input, init) => {
        // Not `new Request(input, init)`: that would take over a streamed body.
        const asRequest = input instanceof Request ? input : undefined;
        const url = new URL(asRequest ? asRequest.url : String(input));
        const begin = now();
        const base = {
            at: begin - started,
            method: (init?.method ?? asRequest?.method ?? "GET").toUpperCase(),
            origin: redact(url.origin, secrets),
            path: pathShape(url.pathname, secrets),
            ...(url.search ? { query: queryNames(url.searchParams, secrets) } : {}),
            requestHeaders: headersOf(new Headers(init?.headers ?? asRequest?.headers), secrets).shown,
            ...(typeof init?.body === "string" ? { requestBody: shapeOfText(init.body) } : {}),
        };
        let response;
        try {
            response = await fetch(input, init);
        }
        catch (error) {
            options.write({
                ...base,
                status: 0,
                durationMs: now() - begin,
                error: redact(error instanceof Error ? error.name : "error", secrets),
            });
            throw error;
        }
        const headers = headersOf(response.headers, secrets);
        const record = {
            ...base,
            status: response.status,
            durationMs: now() - begin,
            responseHeaders: headers.shown,
            ...(headers.left > 0 ? { responseHeadersLeftOut: headers.left } : {}),
        };
        record.responseBody = await bodyShape(response, headers.shown);
        options.write(record);
        return response;
    };
}
function headersOf(headers, secrets) {
    return visibleHeaders(headers, secrets, (location) => locationShape(location, secrets));
}
/** `shown`: the response's headers as the trace writes them. */
async function bodyShape(response, shown) {
    const type = shown["content-type"];
    const length = shown["content-length"];
    if (response.body === null || length === "0")
        return "empty";
    // Read whatever the framing: a chunked answer has no Content-Length.
    if (type?.includes("json") && !(length !== undefined && Number(length) > MAX_SHAPED_BYTES)) {
        try {
            const text = await readClone(response.clone().body);
            if (text === undefined)
                return `JSON over ${MAX_SHAPED_BYTES} bytes (not shaped)`;
            return shapeOfText(text);
        }
        catch {
            return "unreadable";
        }
    }
    return `${type ?? "no content type"}${length === undefined ? "" : `, ${length} bytes`} (not read)`;
}
/**
 * The clone's text, or undefined past MAX_SHAPED_BYTES. Its cancel is not awaited: one
 * branch of a tee settles its cancel only once the other branch (the caller's) is
 * cancelled too, which may never happen.
 */
async function readClone(body) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            return text + decoder.decode();
        size += value.byteLength;
        if (size > MAX_SHAPED_BYTES) {
            reader.cancel().catch(() => { });
            return undefined;
        }
        text += decoder.decode(value, { stream: true });
    }
}

;// CONCATENATED MODULE: ./src/node/trace-recorder.ts

/** Exchanges kept for one run: a run makes a few hundred requests at most. */
const MAX_RECORDS = 5000;
/** Records every exchange made through `fetch`, for --trace, `trace: true` and doctor. */
function recordTrace(fetch, apiKey, now) {
    const records = [];
    return {
        fetch: tracingFetch(fetch, {
            secrets: [apiKey],
            now,
            write: (record) => {
                if (records.length < MAX_RECORDS)
                    records.push(record);
            },
        }),
        records,
        jsonLines: () => records.map((record) => `${JSON.stringify(record)}\n`).join(""),
    };
}

;// CONCATENATED MODULE: ./src/node/doctor-run.ts










/**
 * Runs the whole flow once, on yesterday in the configured time zone, into a temporary
 * directory that is removed afterwards, and reports what the tenant did. Never throws for
 * what Lucca does: a failure is part of the report.
 */
async function runDoctor(settings, env) {
    const period = resolvePeriod({
        period: "previous-day",
        timezone: env.timezone,
        now: new Date(env.now?.() ?? Date.now()),
    });
    const trace = recordTrace(env.fetch, settings.apiKey, env.now);
    const events = [];
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), "lucca-doctor-"));
    let result;
    let failure;
    try {
        // One report, through the same path as every run: its template (the first asked for),
        // yesterday, a default name in the temporary directory.
        const [outcome] = await runReportsFromSettings({
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

;// CONCATENATED MODULE: ./src/core/period-range.ts


/** Most months one range may hold: three years of monthly archives. */
const MAX_MONTHS = 36;
const RANGE = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;
const LAST = /^last-(\d+)-months?$/;
/** True when `period` names several months (`2025-01..2025-12`, `last-12-months`). */
function isPeriodRange(period) {
    return period !== undefined && (RANGE.test(period) || LAST.test(period));
}
/**
 * Every period the input names, oldest first: one for a single period, one per month for
 * `YYYY-MM..YYYY-MM` (both ends included) or `last-N-months` (the N complete months before
 * the current one in `timezone`). At most MAX_MONTHS months.
 */
function resolvePeriods(input) {
    const label = input.labels?.period ?? "--period";
    const period = input.period;
    if (!isPeriodRange(period))
        return [resolvePeriod(input)];
    if (input.start !== undefined || input.end !== undefined) {
        // Let the single-period rules word the conflict.
        return [resolvePeriod({ ...input, period: "previous-month" })];
    }
    const months = monthsOf(period, input, label);
    if (months.length > MAX_MONTHS) {
        throw new errors/* InvalidInputError */.oC(`${label}: "${period}" spans ${months.length} months; at most ${MAX_MONTHS} months may be fetched in one step`);
    }
    return months.map((month) => resolvePeriod({ ...input, period: month }));
}
function monthsOf(period, input, label) {
    const range = RANGE.exec(period);
    if (range) {
        const [from, to] = [
            Number(range[1]) * 12 + Number(range[2]) - 1,
            Number(range[3]) * 12 + Number(range[4]) - 1,
        ];
        const bad = [range[2], range[4]].filter((m) => Number(m) < 1 || Number(m) > 12);
        if (bad.length > 0) {
            throw new errors/* InvalidInputError */.oC(`${label}: "${period}" names a month that does not exist`);
        }
        if (from > to) {
            throw new errors/* InvalidInputError */.oC(`${label}: "${period}" starts after it ends; write oldest..newest`);
        }
        return period_range_span(from, Math.min(to, from + MAX_MONTHS));
    }
    const count = Number(LAST.exec(period)?.[1]);
    if (!(count >= 1)) {
        throw new errors/* InvalidInputError */.oC(`${label}: "${period}" must name at least one month`);
    }
    const previous = resolvePeriod({ ...input, period: "previous-month" }).startsOn;
    const last = Number(previous.slice(0, 4)) * 12 + Number(previous.slice(5, 7)) - 1;
    return period_range_span(last - Math.min(count, MAX_MONTHS + 1) + 1, last);
}
function period_range_span(from, to) {
    const months = [];
    for (let index = from; index <= to; index++) {
        const year = Math.floor(index / 12);
        months.push(`${String(year).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`);
    }
    return months;
}

;// CONCATENATED MODULE: ./src/node/input-schema.ts


/**
 * Small zod building blocks shared by the action's and the CLI's input schemas. Every
 * message names the setting as the user wrote it, so the issues are printed as they are.
 */
/** Trimmed text; blank means unset, as the runner passes an empty string for an omitted input. */
const optionalText = schemas/* string */.YjP()
    .optional()
    .transform((value) => {
    const trimmed = value?.trim();
    return trimmed === "" ? undefined : trimmed;
});
/** Runs a parser that throws InvalidInputError and turns each of its issues into a zod issue. */
function viaParser(parse) {
    return (value, ctx) => {
        try {
            return parse(value);
        }
        catch (error) {
            if (!(error instanceof errors/* InvalidInputError */.oC))
                throw error;
            for (const message of error.issues)
                ctx.issues.push({ code: "custom", message, input: value });
            return core/* NEVER */.tm;
        }
    };
}
/** A whole number within bounds, `fallback` when unset; the message keeps the text as given. */
function wholeNumber(label, fallback, min, max) {
    const range = max === undefined ? `of at least ${min}` : `from ${min} to ${max}`;
    return optionalText.transform((value, ctx) => {
        const source = value ?? fallback;
        const parsed = /^\d+$/.test(source) ? Number(source) : Number.NaN;
        if (!Number.isSafeInteger(parsed) || parsed < min || (max !== undefined && parsed > max)) {
            ctx.issues.push({
                code: "custom",
                message: `${label}: "${source}" ${max === undefined ? "is not a whole number" : "must be a whole number"} ${range}`,
                input: value,
            });
            return core/* NEVER */.tm;
        }
        return parsed;
    });
}
/** Same spellings as core.getBooleanInput (YAML 1.2 core schema), but collected, not thrown. */
function runnerBoolean(label, fallback) {
    const spelled = schemas/* stringbool */.uEf({
        truthy: ["true", "True", "TRUE"],
        falsy: ["false", "False", "FALSE"],
        error: (issue) => `${label}: "${String(issue.input)}" is not a boolean; use true or false`,
    });
    return optionalText.transform((value, ctx) => {
        if (value === undefined)
            return fallback;
        const result = spelled.safeParse(value);
        if (result.success)
            return result.data;
        for (const issue of result.error.issues) {
            ctx.issues.push({ code: "custom", message: issue.message, input: value });
        }
        return core/* NEVER */.tm;
    });
}
/** Every issue's message, in order; InvalidInputError for the caller to throw. */
function inputError(error) {
    return new errors/* InvalidInputError */.oC(error.issues.map((issue) => issue.message));
}
/** Options for an object-level check that must run even when a field failed. */
const ALWAYS = { when: () => true };
/** A field's parsed value, or undefined if it failed (zod leaves a marker object there). */
function known(value) {
    return typeof value === "object" &&
        value !== null &&
        "status" in value &&
        value.status === "aborted"
        ? undefined
        : value;
}

;// CONCATENATED MODULE: ./src/node/settings.ts








const CLI_LABELS = {
    domain: "--domain",
    apiKey: "LUCCA_API_KEY",
    templateId: "--template-id",
    start: "--start",
    end: "--end",
    period: "--period",
    timezone: "--timezone",
    reportId: "--report-id",
    format: "--format",
    output: "--output",
    timeout: "--timeout",
    pollInterval: "--poll-interval",
    maxPollInterval: "--max-poll-interval",
    requestTimeout: "--request-timeout",
    maxRetries: "--max-retries",
    generationAttempts: "--generation-attempts",
    allowHosts: "--allow-host",
    endDateConvention: "--end-date-convention",
    concurrency: "--concurrency",
    requestsPerMinute: "--requests-per-minute",
    failFast: "--fail-fast",
};
const DEFAULTS = {
    format: "csv",
    timeout: "15m",
    pollInterval: "1s",
    maxPollInterval: "8s",
    requestTimeout: "30s",
    maxRetries: "5",
    generationAttempts: "2",
    timezone: "UTC",
    endDateConvention: "inclusive",
    concurrency: "3",
    requestsPerMinute: "20",
};
const ID = /^[A-Za-z0-9_-]+$/;
/**
 * Reports in one step. Each costs at least three of the tenant's 50 requests a minute, so 100
 * already take the step's default share (20 a minute) a quarter of an hour; and the summary,
 * the `reports` output and a pull request body list every one.
 */
const MAX_REPORTS = 100;
/** How to give the key, by the name each surface gives it (the CLI's, the action's). */
const MISSING_KEY = {
    LUCCA_API_KEY: "give the Lucca API key with `export LUCCA_API_KEY=...` or put it in a file and pass --api-key-file PATH",
    "api-key": "the secret passed to it is empty or not available to this event: GitHub gives no secrets to workflows run for pull requests from forks (and only Dependabot secrets to Dependabot's), so check the secret's name and the event",
};
function connectionFields(raw, labels) {
    return {
        domain: schemas/* string */.YjP()
            .optional()
            .transform((value, ctx) => {
            const domain = parseDomain(value ?? "", raw.allowHosts ?? [], {
                domain: labels.domain,
                allowHost: labels.allowHosts,
            });
            if ("url" in domain)
                return domain.url;
            ctx.issues.push({ code: "custom", message: domain.problem, input: value });
            return core/* NEVER */.tm;
        }),
        apiKey: optionalText.transform((value, ctx) => {
            if (value === undefined) {
                ctx.issues.push({
                    code: "custom",
                    message: `${labels.apiKey}: missing; ${MISSING_KEY[labels.apiKey] ?? "the Lucca API key is required"}`,
                    input: value,
                });
            }
            else if (/\p{Cc}/u.test(value.replace(/[\t\n\r]/g, ""))) {
                ctx.issues.push({
                    code: "custom",
                    message: `${labels.apiKey}: the API key contains a control character; check it was copied whole`,
                    input: "[redacted]",
                });
            }
            else if (/\s/.test(value)) {
                ctx.issues.push({
                    code: "custom",
                    message: `${labels.apiKey}: the API key contains white space or a line break; check it was copied whole`,
                    input: "[redacted]",
                });
            }
            return value ?? "";
        }),
    };
}
/** The domain and API key, the part every command needs; problems go into `issues`. */
function parseConnection(raw, labels, issues) {
    const result = schemas/* object */.Ikc(connectionFields(raw, labels)).safeParse(raw);
    if (result.success)
        return { baseUrl: result.data.domain, apiKey: result.data.apiKey };
    issues.push(...inputError(result.error).issues);
    return undefined;
}
function idField(label, what) {
    return optionalText.refine((value) => value === undefined || ID.test(value), {
        error: (issue) => `${label}: "${String(issue.input)}" is not a ${what} (letters, digits, - and _ only)`,
    });
}
function durationField(label, fallback) {
    return optionalText.transform(viaParser((value) => {
        const ms = parseDuration(value ?? fallback, label);
        if (ms <= 0)
            throw new errors/* InvalidInputError */.oC(`${label}: must be longer than zero`);
        return ms;
    }));
}
/** The schema of every report setting; messages name each setting by `labels`. */
function settingsSchema(raw, labels) {
    return schemas/* object */.Ikc({
        ...connectionFields(raw, labels),
        reportId: idField(labels.reportId, "report id"),
        templateId: optionalText.transform((value, ctx) => {
            const ids = (value ?? "")
                .split(/[\n,]/)
                .map((id) => id.trim())
                .filter(Boolean);
            for (const id of ids.filter((id) => !ID.test(id))) {
                ctx.issues.push({
                    code: "custom",
                    message: `${labels.templateId}: "${id}" is not a template id (letters, digits, - and _ only)`,
                    input: value,
                });
            }
            return ids;
        }),
        start: optionalText,
        end: optionalText,
        period: optionalText,
        timezone: optionalText,
        format: optionalText.transform((value, ctx) => {
            const format = value ?? DEFAULTS.format;
            if (format === "csv" || format === "excel")
                return format;
            ctx.issues.push({
                code: "custom",
                message: `${labels.format}: unknown format "${format}"; expected csv or excel`,
                input: value,
            });
            return core/* NEVER */.tm;
        }),
        output: optionalText
            .refine((value) => value === undefined || !/[/\\]$/.test(value), {
            error: (issue) => `${labels.output}: "${String(issue.input)}" names a directory; give a file path such as reports/timesheet.csv`,
        })
            .superRefine((value, ctx) => {
            const unknown = value === undefined ? [] : unknownPathPlaceholders(value);
            if (unknown.length > 0) {
                ctx.addIssue({
                    code: "custom",
                    message: `${labels.output}: unknown placeholder(s) ${unknown.map((name) => `{${name}}`).join(", ")}; use {templateId}, {startsOn}, {endsOn}, {year}, {month} or {reportId}`,
                });
            }
        }),
        timeout: durationField(labels.timeout, DEFAULTS.timeout),
        pollInterval: durationField(labels.pollInterval, DEFAULTS.pollInterval),
        maxPollInterval: durationField(labels.maxPollInterval, DEFAULTS.maxPollInterval),
        requestTimeout: durationField(labels.requestTimeout, DEFAULTS.requestTimeout),
        maxRetries: wholeNumber(labels.maxRetries, DEFAULTS.maxRetries, 0),
        generationAttempts: wholeNumber(labels.generationAttempts, DEFAULTS.generationAttempts, 1),
        endDateConvention: optionalText.transform((value, ctx) => {
            const convention = value ?? DEFAULTS.endDateConvention;
            if (END_DATE_CONVENTIONS.includes(convention)) {
                return convention;
            }
            ctx.issues.push({
                code: "custom",
                message: `${labels.endDateConvention}: "${convention}" must be inclusive or exclusive`,
                input: value,
            });
            return core/* NEVER */.tm;
        }),
        concurrency: wholeNumber(labels.concurrency, DEFAULTS.concurrency, 1, 10),
        requestsPerMinute: wholeNumber(labels.requestsPerMinute, DEFAULTS.requestsPerMinute, 1, 50),
        failFast: runnerBoolean(labels.failFast, false),
    })
        .superRefine((fields, ctx) => {
        if (!raw.templateId?.trim() && !raw.reportId?.trim()) {
            ctx.addIssue({
                code: "custom",
                message: `${labels.templateId}: missing; give the id of the Lucca report template (or ${labels.reportId} to download an existing report)`,
            });
        }
        const poll = known(fields.pollInterval);
        const maxPoll = known(fields.maxPollInterval);
        if (typeof poll === "number" && typeof maxPoll === "number" && maxPoll < poll) {
            ctx.addIssue({
                code: "custom",
                message: `${labels.maxPollInterval}: must not be shorter than ${labels.pollInterval}`,
            });
        }
    }, ALWAYS);
}
/**
 * Checks every setting and gathers every problem, so one run tells the user all that is
 * wrong. Throws InvalidInputError before anything touches the network.
 */
function parseSettings(raw, labels, now) {
    const result = settingsSchema(raw, labels).safeParse(raw);
    const issues = result.success ? [] : inputError(result.error).issues;
    const warnings = [];
    const text = (value) => value?.trim() || undefined;
    const periodInput = { start: text(raw.start), end: text(raw.end), period: text(raw.period) };
    let periods = [{ startsOn: null, endsOn: null }];
    if (text(raw.reportId) !== undefined) {
        if (periodInput.start || periodInput.end || periodInput.period) {
            warnings.push(`${labels.reportId} is set: the period comes from that report, so ${labels.start}, ${labels.end} and ${labels.period} are ignored`);
        }
    }
    else {
        try {
            periods = resolvePeriods({
                ...periodInput,
                timezone: text(raw.timezone) ?? DEFAULTS.timezone,
                now,
                labels: {
                    start: labels.start,
                    end: labels.end,
                    period: labels.period,
                    timezone: labels.timezone,
                },
            });
        }
        catch (error) {
            if (!(error instanceof errors/* InvalidInputError */.oC))
                throw error;
            issues.push(...error.issues);
        }
    }
    const givenIds = result.success ? result.data.templateId : [];
    const templateIds = [...new Set(givenIds)];
    const repeated = [...new Set(givenIds.filter((id, index) => givenIds.indexOf(id) !== index))];
    if (repeated.length > 0) {
        warnings.push(`${labels.templateId}: ${repeated.join(", ")} given more than once; each template is fetched once per period`);
    }
    const resume = result.success ? result.data.reportId : undefined;
    const reports = resume !== undefined
        ? [{ templateId: templateIds[0], period: periods[0], reportId: resume }]
        : templateIds.flatMap((templateId) => periods.map((period) => ({ templateId, period })));
    if (text(raw.reportId) !== undefined && (templateIds.length > 1 || periods.length > 1)) {
        issues.push(`${labels.reportId}: resumes one report; give at most one ${labels.templateId} and a single period with it`);
    }
    if (reports.length > MAX_REPORTS) {
        issues.push(`${labels.templateId} and ${labels.period}: ${reports.length} reports (${templateIds.length} template(s) × ${periods.length} period(s)) in one run; at most ${MAX_REPORTS}: split them over several runs`);
    }
    const output = text(raw.output);
    if (reports.length > 1 && issues.length === 0) {
        try {
            checkDistinctPaths(output ?? DEFAULT_OUTPUT_TEMPLATE, reports, output === undefined ? `${labels.output} (not given, so the default name)` : labels.output);
        }
        catch (error) {
            if (!(error instanceof errors/* InvalidInputError */.oC))
                throw error;
            issues.push(...error.issues);
        }
    }
    if (!result.success || issues.length > 0)
        throw new errors/* InvalidInputError */.oC(issues);
    const fields = result.data;
    return {
        baseUrl: fields.domain,
        apiKey: fields.apiKey,
        format: fields.format,
        outputPath: fields.output,
        timeoutMs: fields.timeout,
        pollIntervalMs: fields.pollInterval,
        maxPollIntervalMs: fields.maxPollInterval,
        requestTimeoutMs: fields.requestTimeout,
        maxRetries: fields.maxRetries,
        generationAttempts: fields.generationAttempts,
        endDateConvention: fields.endDateConvention,
        reports,
        concurrency: fields.concurrency,
        requestsPerMinute: fields.requestsPerMinute,
        failFast: fields.failFast,
        warnings,
    };
}

;// CONCATENATED MODULE: ./src/node/trace-file.ts



/**
 * Where --trace writes, through the same checks as a report's target (no device, symlink,
 * directory or .git), before the first request.
 */
function resolveTraceTarget(path, baseDir) {
    return resolveOutputTarget(path, { baseDir, roots: undefined, label: "--trace" });
}
/** Written whether the run worked or not: a failed run is when support needs it. */
async function saveTrace(target, trace, say) {
    try {
        await writeWhole(target, trace.jsonLines());
        say(`Trace of ${trace.records.length} HTTP exchange(s) written to ${target}`);
    }
    catch (error) {
        say(`Warning: could not write the trace to ${target}: ${error.message}`);
    }
}
/**
 * As a report is written: a new temporary file beside the target (never an existing file or
 * a link planted meanwhile), renamed over it only once whole and the place is unchanged.
 */
async function writeWhole(target, text) {
    const directory = (0,external_node_path_.dirname)(target);
    await (0,promises_.mkdir)(directory, { recursive: true });
    const temporary = (0,external_node_path_.join)(directory, partFileName(target, crypto.randomUUID().slice(0, 8)));
    const handle = await (0,promises_.open)(temporary, "wx", 0o600);
    try {
        try {
            await handle.writeFile(text);
        }
        finally {
            await handle.close();
        }
        await assertReplaceable(target);
        if ((await (0,promises_.realpath)(directory)) !== directory) {
            throw new Error(`${directory} was replaced while the run went on`);
        }
        await (0,promises_.rename)(temporary, target);
    }
    catch (error) {
        await (0,promises_.rm)(temporary, { force: true });
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/cli/doctor.ts





/** `lucca-report doctor`: the checklist on stdout (or --json), the usual exit codes. */
async function doctorCommand(args, io) {
    const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
    const traceTarget = args.traceFile === undefined ? undefined : await resolveTraceTarget(args.traceFile, io.cwd);
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
                io.stderr(`${(0,safe_text/* logSafeLines */.TW)(line)}\n`);
        });
    }
    io.stdout(args.json ? `${JSON.stringify(doctorJson(report))}\n` : doctorText(report));
    return report.exitCode;
}

;// CONCATENATED MODULE: ./src/cli/help.ts

const HELP = `lucca-report ${VERSION}: generate a Lucca Timesheet report and save it as a file.

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
  --json                     print one JSON object per report on stdout (JSON Lines, in
                             the order asked; the same keys for one report or many,
                             failed ones included: docs/cli.md)
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
function helpFor(topic) {
    return TOPICS[topic];
}

;// CONCATENATED MODULE: ./src/core/period-text.ts

const MONTHS = (/* unused pure expression or super */ null && ([
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]));
/** "2026-10-01..2026-10-31", or the template's default period: how logs name a period. */
function periodText(startsOn, endsOn) {
    return startsOn === null && endsOn === null
        ? "the template's default period"
        : `${startsOn === null ? "…" : (0,safe_text/* logSafe */.sN)(startsOn)}..${endsOn === null ? "…" : (0,safe_text/* logSafe */.sN)(endsOn)}`;
}
/**
 * The period as a person says it: "October 2026" for a whole month, "2026" for a whole
 * year, "October–December 2026" for whole months of one year; else the dates.
 */
function periodWords(startsOn, endsOn) {
    const start = startsOn === null ? undefined : day(startsOn);
    const end = endsOn === null ? undefined : day(endsOn);
    if (start && end && start.d === 1 && end.d === lastDay(end.y, end.m)) {
        if (start.y === end.y && start.m === 1 && end.m === 12)
            return String(start.y);
        if (start.y === end.y && start.m === end.m)
            return `${MONTHS[start.m - 1]} ${start.y}`;
        if (start.y === end.y)
            return `${MONTHS[start.m - 1]}–${MONTHS[end.m - 1]} ${start.y}`;
        return `${MONTHS[start.m - 1]} ${start.y}–${MONTHS[end.m - 1]} ${end.y}`;
    }
    return periodText(startsOn, endsOn);
}
function day(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return undefined;
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m) ? { y, m, d } : undefined;
}
function lastDay(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

;// CONCATENATED MODULE: ./src/node/progress-lines.ts



/** A line is printed at least this often while a report is pending. */
const HEARTBEAT_MS = 20_000;
/**
 * Turns job events into log lines: one per phase and status change, and while pending a
 * line at least every 30 s. Returns a function that yields the line for an event, or
 * undefined when that event is not worth a line. Every value from outside goes through
 * `logSafe` (`v` below): a report id or status must never start a workflow command.
 */
function progressLines(options) {
    let lastPrintedAt = 0;
    return (event) => {
        switch (event.type) {
            case "creating":
                return `Creating a report from template ${v(event.templateId)} for ${periodText(event.startsOn, event.endsOn)}${sentText(event.sent, event.startsOn, event.endsOn)}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ""}`;
            case "created":
                return `Report ${v(event.reportId)} created; Lucca is generating it`;
            case "resuming":
                return `Resuming report ${v(event.reportId)}`;
            case "status": {
                const next = event.nextCheckMs === undefined
                    ? ""
                    : `; next check in ${formatDuration(event.nextCheckMs)}`;
                const typical = event.expectedMs === undefined || event.nextCheckMs === undefined
                    ? ""
                    : `; typically ${formatDuration(event.expectedMs)} for this template`;
                // The creation's own answer is no check: no "after 0ms (0 checks)".
                const line = event.polls === 0 && event.nextCheckMs !== undefined
                    ? `Report ${v(event.reportId)}: ${v(event.status)}${next}${typical}`
                    : `Report ${v(event.reportId)}: ${v(event.status)} after ${formatDuration(event.elapsedMs)} (${event.polls} check${event.polls === 1 ? "" : "s"})${next}${typical}`;
                // Print when the gap to the next line would otherwise exceed the heartbeat.
                const due = event.elapsedMs - lastPrintedAt + (event.nextCheckMs ?? 0) > HEARTBEAT_MS;
                if (event.changed || options.verbose || due || event.nextCheckMs === undefined) {
                    lastPrintedAt = event.elapsedMs;
                    return line;
                }
                return undefined;
            }
            case "regenerating":
                return `Report ${v(event.failedReportId)} ended in error; creating a new one (attempt ${event.attempt} of ${event.maxAttempts})`;
            case "downloading":
                return `Downloading report ${v(event.reportId)} as ${v(event.format)}`;
            case "retrying":
                return `${v(event.method)} ${v(event.url)} failed (${v(event.reason)}); retry ${event.attempt} in ${formatDuration(event.delayMs)}`;
            case "warning":
                return `Warning: ${v(event.message)}`;
            case "downloaded":
                return `Saved ${v(event.path)} (${event.bytes} bytes)`;
        }
    };
}
/**
 * Progress for every report of a run: each report's lines as `progressLines` words them
 * (its own heartbeat), prefixed with `[template period]` only when the run has several.
 */
function reportProgress(reports, options) {
    const labelled = reports.length > 1;
    const formats = new Map();
    return (spec, event) => {
        let format = formats.get(spec);
        if (format === undefined) {
            format = progressLines(options);
            formats.set(spec, format);
        }
        const line = format(event);
        return line === undefined || !labelled ? line : `[${reportLabel(spec)}] ${line}`;
    };
}
/** "42 2026-10-01..2026-10-31": which report of a run a line is about. */
function reportLabel(spec) {
    const which = spec.templateId ?? `report ${spec.reportId ?? "?"}`;
    return `${v(which)} ${periodText(spec.period.startsOn, spec.period.endsOn)}`;
}
/** "UTF-8 with BOM", "Windows-1252": how a CSV's encoding is shown to people. */
function encodingText(stats) {
    const name = stats.encoding.toUpperCase().replace("WINDOWS", "Windows");
    return stats.bom && stats.encoding === "utf-8" ? `${name} with BOM` : name;
}
const v = safe_text/* logSafe */.sN;
/** "; sent startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)", or "" for the default period. */
function sentText(sent, startsOn, endsOn) {
    if (!sent || (sent.startsOn === null && sent.endsOn === null))
        return "";
    // The period is said once: the dates sent only when they differ (an exclusive end date).
    if (sent.startsOn === startsOn && sent.endsOn === endsOn)
        return ` (end date ${sent.convention})`;
    return `; sent ${rangeSentText(sent)}`;
}
/** "startsOn 2026-10-01, endsOn 2026-11-01 (end date exclusive)" */
function rangeSentText(sent) {
    const day = (value) => (value === null ? "null" : v(value));
    return `startsOn ${day(sent.startsOn)}, endsOn ${day(sent.endsOn)} (end date ${sent.convention})`;
}

;// CONCATENATED MODULE: ./src/cli/report-json.ts
/**
 * One report as `--json` prints it: the same keys whatever its status and however many
 * reports the run has, null where unknown (docs/cli.md lists them).
 */
function reportJson(outcome, skipped) {
    const result = outcome.status === "done" ? outcome.result : undefined;
    const csv = result?.format === "csv" ? result : undefined;
    return {
        // A resumed report's own template and period, once Lucca said them.
        templateId: (result ? result.templateId : outcome.spec.templateId) ?? null,
        startsOn: result ? result.startsOn : outcome.spec.period.startsOn,
        endsOn: result ? result.endsOn : outcome.spec.period.endsOn,
        status: outcome.status,
        reportId: result?.reportId ?? (outcome.status === "failed" ? outcome.reportId : null) ?? null,
        path: result?.path ?? null,
        format: result?.format ?? null,
        rows: result?.rows ?? null,
        columns: result?.columns ?? null,
        bytes: result?.bytes ?? null,
        sha256: result?.sha256 ?? null,
        encoding: csv?.stats.encoding ?? null,
        bom: csv?.stats.bom ?? null,
        rangeSent: result?.rangeSent ?? null,
        attempts: result?.attempts ?? null,
        polls: result?.polls ?? null,
        durationMs: result?.durationMs ?? null,
        polling: {
            expectedMs: result?.polling.expectedMs ?? null,
            generationMs: result?.polling.generationMs ?? null,
            requestsSaved: result?.polling.requestsSaved ?? null,
        },
        totals: csv ? totalsOf(csv.stats) : null,
        error: errorOf(outcome, skipped),
    };
}
/** Column sums, where this build's CSV statistics have them. */
function totalsOf(stats) {
    return stats.totals?.map(({ column, sum, decimals }) => ({ column, sum, decimals })) ?? null;
}
function errorOf(outcome, skipped) {
    if (outcome.status === "done")
        return null;
    if (outcome.status === "skipped")
        return `not started (${skipped})`;
    const { error } = outcome;
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/core/totals-text.ts
/** A column's sum as people read it: 25,430.75 (its own number of decimals, no float noise). */
function sumText(total) {
    return total.sum.toLocaleString("en-US", {
        minimumFractionDigits: total.decimals,
        maximumFractionDigits: total.decimals,
    });
}
/** "Temps de présence: 25,430.75; Heures sup.: 12.50" */
function totalsText(totals) {
    return totals.map((total) => `${total.column}: ${sumText(total)}`).join("; ");
}
/**
 * The totals of several reports together, column by column (by name, in the order first
 * seen); a column numeric in one report and absent from another is summed where present.
 * Sums are rounded to their decimals at each step, so no float noise builds up.
 */
function combineTotals(lists) {
    const byName = new Map();
    for (const list of lists) {
        for (const total of list) {
            const seen = byName.get(total.column);
            if (seen === undefined) {
                byName.set(total.column, { ...total, index: byName.size });
                continue;
            }
            const decimals = Math.max(seen.decimals, total.decimals);
            seen.sum = Number((seen.sum + total.sum).toFixed(decimals));
            seen.decimals = decimals;
        }
    }
    return [...byName.values()];
}

;// CONCATENATED MODULE: ./src/cli/report-text.ts





const report_text_v = safe_text/* logSafe */.sN;
/**
 * What stdout shows after a run: one report's details when it is the only one, else a
 * line per report in the order asked. A failure's message is on stderr (`failureLines`).
 */
function reportText(outcomes, skipped) {
    const [only] = outcomes;
    if (outcomes.length === 1 && only !== undefined) {
        return only.status === "done" ? details(only.result) : "";
    }
    return outcomes.map((outcome) => `${line(outcome, skipped)}\n`).join("");
}
/**
 * One `Error:` line per failed report, naming its template and period, and the report id
 * to resume it with when Lucca had given one. Lines of several lines (a stack) are left to
 * the caller's `logSafeLines`.
 */
function failureLines(outcomes) {
    const lines = [];
    for (const outcome of outcomes) {
        if (outcome.status !== "failed")
            continue;
        const { error, reportId } = outcome;
        const expected = error instanceof errors/* LuccaReportError */.v1;
        const message = expected
            ? error.message
            : error instanceof Error
                ? (error.stack ?? error.message)
                : String(error);
        // A report Lucca ended in error is not worth resuming.
        const resumable = reportId !== undefined && !(error instanceof errors/* ReportFailedError */.Az);
        lines.push(`${expected ? "Error" : "Unexpected error"}: ${which(outcome.spec)}: ${message}${resumable ? `; resume with --report-id ${report_text_v(reportId)}` : ""}`);
    }
    return lines;
}
function line(outcome, skipped) {
    const what = which(outcome.spec);
    if (outcome.status === "skipped")
        return `skipped ${what}: not started (${skipped})`;
    if (outcome.status === "failed") {
        return `failed  ${what}${outcome.reportId === undefined ? "" : `: report ${report_text_v(outcome.reportId)}`}`;
    }
    const r = outcome.result;
    const queued = r.queuedMs && r.queuedMs >= 1000
        ? `, ${(r.queuedMs / 1000).toFixed(1)} s of ${(r.durationMs / 1000).toFixed(1)} s waiting for the request budget`
        : "";
    return `done    ${what}: report ${report_text_v(r.reportId)} -> ${report_text_v(r.path)} (${r.rows ?? "?"} rows, ${r.bytes} bytes${queued})`;
}
/** "template 42, 2026-10-01..2026-10-31", or "report 1001, …" for a resume without one. */
function which(spec) {
    const period = periodText(spec.period.startsOn, spec.period.endsOn);
    return spec.templateId === undefined
        ? `report ${report_text_v(spec.reportId ?? "?")}, ${period}`
        : `template ${report_text_v(spec.templateId)}, ${period}`;
}
function details(result) {
    const shape = result.rows === null ? "" : `${result.rows} rows × ${result.columns} columns, `;
    return [
        `Report ${report_text_v(result.reportId)} (template ${report_text_v(result.templateId ?? "?")}, ${periodText(result.startsOn, result.endsOn)})`,
        ...(result.rangeSent.startsOn === null && result.rangeSent.endsOn === null
            ? []
            : [`  sent:    ${rangeSentText(result.rangeSent)}`]),
        `  file:    ${report_text_v(result.path)}`,
        `  content: ${shape}${result.bytes} bytes${result.rows === null ? "" : `, ${encodingText(result.stats)}`}`,
        ...(result.stats.totals?.length ? [`  totals:  ${report_text_v(totalsText(result.stats.totals))}`] : []),
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

;// CONCATENATED MODULE: ./src/cli/report.ts










/**
 * `lucca-report`: one report or many, the same way. Progress on stderr; once every report
 * ended, one JSON object per report (--json, JSON Lines) or the summary on stdout, one
 * `Error:` line per failed report on stderr; the exit code of the worst failure.
 */
async function reportCommand(args, io) {
    const settings = parseSettings(args.raw, CLI_LABELS, new Date(io.now?.() ?? Date.now()));
    const say = (line) => {
        if (!args.quiet)
            io.stderr(`${(0,safe_text/* logSafeLines */.TW)(line)}\n`);
    };
    for (const warning of settings.warnings)
        say(`Warning: ${warning}`);
    const traceTarget = args.traceFile === undefined ? undefined : await resolveTraceTarget(args.traceFile, io.cwd);
    const trace = traceTarget === undefined ? undefined : recordTrace(io.fetch, settings.apiKey);
    const progress = reportProgress(settings.reports, { verbose: args.verbose });
    let outcomes;
    try {
        outcomes = await runReportsFromSettings(settings, {
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
            onBudgetWait: say,
            onEvent: (spec, event) => {
                const line = progress(spec, event);
                if (line !== undefined)
                    say(line);
            },
        });
    }
    finally {
        if (trace && traceTarget !== undefined)
            await saveTrace(traceTarget, trace, say);
    }
    const skipped = io.signal.aborted ? "cancelled" : "fail-fast";
    if (args.json) {
        io.stdout(outcomes.map((outcome) => `${JSON.stringify(reportJson(outcome, skipped))}\n`).join(""));
    }
    else if (!args.quiet) {
        io.stdout(reportText(outcomes, skipped));
    }
    // Quiet still shows errors: they are what the user needs to act on.
    for (const line of failureLines(outcomes))
        io.stderr(`${(0,safe_text/* logSafeLines */.TW)(line)}\n`);
    // Interrupted between two reports, none failed: the interruption is still the answer.
    const cut = io.signal.aborted && outcomes.some((outcome) => outcome.status !== "done");
    return cut ? codeOf(io.signal.reason) : exitCodeOf(outcomes);
}
/** 0 when all succeeded; a cancellation's code first, then the highest failure code. */
function exitCodeOf(outcomes) {
    let worst = 0;
    for (const outcome of outcomes) {
        if (outcome.status !== "failed")
            continue;
        const { error } = outcome;
        if (error instanceof errors/* AbortedError */.oM)
            return error.exitCode;
        worst = Math.max(worst, codeOf(error));
    }
    return worst;
}
function codeOf(error) {
    return error instanceof errors/* LuccaReportError */.v1 ? error.exitCode : 1;
}

;// CONCATENATED MODULE: ./src/cli/template-create.ts





/** `template create --file template.json`: posts the template and returns its new id. */
async function createTemplateFromFile(args, io) {
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
        if (!(error instanceof errors/* InvalidInputError */.oC))
            throw error;
        issues.push(...error.issues);
    }
    const retries = args.raw.maxRetries ?? DEFAULTS.maxRetries;
    if (!/^\d+$/.test(retries))
        issues.push(`--max-retries: "${retries}" is not a whole number of at least 0`);
    if (issues.length > 0 || connection === undefined)
        throw new errors/* InvalidInputError */.oC(issues);
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
        const proxy = (0,proxy_env/* proxyProblems */.D)(io.env);
        if (proxy.length > 0)
            throw new errors/* InvalidInputError */.oC(proxy);
        if (args.apiKeyFile !== undefined)
            args.raw.apiKey = await readKeyFile(io, args.apiKeyFile);
        if (args.command === "template-create") {
            const id = await createTemplateFromFile(args, io);
            io.stdout(args.json ? `${JSON.stringify({ templateId: id })}\n` : `${(0,safe_text/* logSafe */.sN)(id)}\n`);
            return 0;
        }
        if (args.command === "doctor")
            return await doctorCommand(args, io);
        return await reportCommand(args, io);
    }
    catch (error) {
        return fail(error, io, args?.quiet ?? false);
    }
}
async function readKeyFile(io, path) {
    let key;
    try {
        key = (await io.readTextFile(path)).trim();
    }
    catch (error) {
        throw new errors/* InvalidInputError */.oC(`--api-key-file: cannot read "${path}": ${error.message}`);
    }
    // Else the message would be about LUCCA_API_KEY, which the user did not use.
    if (key === "")
        throw new errors/* InvalidInputError */.oC(`--api-key-file: "${path}" is empty`);
    return key;
}
function fail(error, io, quiet) {
    if (error instanceof errors/* InvalidInputError */.oC) {
        io.stderr(`Invalid input:\n${error.issues.map((issue) => `  - ${(0,safe_text/* logSafe */.sN)(issue)}`).join("\n")}\n`);
        return error.exitCode;
    }
    if (error instanceof errors/* LuccaReportError */.v1) {
        // Quiet still shows errors: they are what the user needs to act on.
        void quiet;
        io.stderr(`Error: ${(0,safe_text/* logSafeLines */.TW)(error.message)}\n`);
        return error.exitCode;
    }
    io.stderr(`Unexpected error: ${(0,safe_text/* logSafeLines */.TW)(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    return 1;
}


/***/ }),

/***/ 4296:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Az: () => (/* binding */ ReportFailedError),
/* harmony export */   Co: () => (/* binding */ ReportTimeoutError),
/* harmony export */   DH: () => (/* binding */ CANCEL_SIGNALS),
/* harmony export */   Dr: () => (/* binding */ NetworkError),
/* harmony export */   Xf: () => (/* binding */ LuccaRejectedError),
/* harmony export */   oC: () => (/* binding */ InvalidInputError),
/* harmony export */   oM: () => (/* binding */ AbortedError),
/* harmony export */   qx: () => (/* binding */ UnusableAnswerError),
/* harmony export */   v1: () => (/* binding */ LuccaReportError)
/* harmony export */ });
/** Every error this tool raises on purpose; `exitCode` is what the CLI exits with. */
class LuccaReportError extends Error {
    exitCode = 1;
    constructor(message, options = {}) {
        super(message, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = new.target.name;
    }
}
/** Bad input, found before any request; `issues` names each bad field. */
class InvalidInputError extends LuccaReportError {
    exitCode = 2;
    issues;
    constructor(issues) {
        const list = typeof issues === "string" ? [issues] : issues;
        super(list.join("; "));
        this.issues = list;
    }
}
/** Lucca said no (400, 401, 403, 404, ...): retrying will not help. */
class LuccaRejectedError extends LuccaReportError {
    exitCode = 3;
    status;
    method;
    url;
    bodyExcerpt;
    hint;
    constructor(message, details) {
        super(message, { cause: details.cause });
        this.status = details.status;
        this.method = details.method;
        this.url = details.url;
        this.bodyExcerpt = details.bodyExcerpt;
        this.hint = details.hint;
    }
}
/** The report ended in "error" on every generation attempt. */
class ReportFailedError extends LuccaReportError {
    exitCode = 4;
    reportId;
    attempts;
    constructor(message, details) {
        super(message);
        this.reportId = details.reportId;
        this.attempts = details.attempts;
    }
}
/** The overall deadline passed; `reportId` lets the user resume. */
class ReportTimeoutError extends LuccaReportError {
    exitCode = 5;
    reportId;
    constructor(message, details) {
        super(message, { cause: details.cause });
        this.reportId = details.reportId;
    }
}
/** Network errors or server failures that outlasted every retry. */
class NetworkError extends LuccaReportError {
    exitCode = 6;
    method;
    url;
    status;
    attempts;
    constructor(message, details) {
        super(message, { cause: details.cause });
        this.method = details.method;
        this.url = details.url;
        this.status = details.status;
        this.attempts = details.attempts;
    }
}
/**
 * Lucca (or whatever answers on its domain) sent something this tool will not use: a
 * report whose id, status or dates do not have the expected form, a body past the size
 * cap, a page where a report was expected, a Retry-After past the deadline. Exit 6 like
 * other server failures: it is the server's answer that is wrong, not the tool.
 */
class UnusableAnswerError extends LuccaReportError {
    exitCode = 6;
    /** The answer, redacted, single-line and cut: safe to print. */
    excerpt;
    constructor(message, details = {}) {
        super(message, { cause: details.cause });
        this.excerpt = details.excerpt ?? "";
    }
}
/** The signals that cancel a run, with the exit code shells expect for each (128 + number). */
const CANCEL_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };
/** Cancelled from outside: SIGHUP exits 129, SIGINT 130, SIGTERM 143, as shells expect. */
class AbortedError extends LuccaReportError {
    exitCode;
    signal;
    constructor(message, details = {}) {
        super(message);
        this.signal = details.signal;
        this.exitCode = CANCEL_SIGNALS[details.signal ?? "SIGINT"];
    }
}


/***/ }),

/***/ 3712:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TW: () => (/* binding */ logSafeLines),
/* harmony export */   UN: () => (/* binding */ escapeControls),
/* harmony export */   sN: () => (/* binding */ logSafe),
/* harmony export */   xv: () => (/* binding */ truncate)
/* harmony export */ });
/**
 * The log-line door: every piece of outside text that reaches a log line goes through
 * `logSafe`. The runner reads each stdout line that starts with `::` (and the legacy
 * `##[`) as a workflow command, and a line break, a carriage return or a Unicode line or
 * paragraph separator inside a value would start such a line. Bidi controls could make a
 * line read differently from what it holds.
 */
// C0 (tab, LF and CR included), DEL, C1, Arabic letter mark, LRM/RLM, line/paragraph
// separators, bidi embeddings/overrides/isolates, and the byte-order mark.
const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;
const NAMED = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };
/** Control characters shown as visible escapes: one line, read as it is written. */
function escapeControls(text) {
    return text.replace(UNSAFE, (char) => {
        const named = NAMED[char];
        if (named)
            return named;
        const hex = char.charCodeAt(0).toString(16);
        return hex.length <= 2 ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
    });
}
/**
 * Outside text made safe for a log line, wherever it lands in the line: one line, no
 * control characters, and nothing a runner could take for a workflow command.
 */
function logSafe(text) {
    let safe = escapeControls(text).replace(/##\[/g, "#\\#[");
    const lead = safe.length - safe.trimStart().length;
    if (safe.startsWith("::", lead))
        safe = `${safe.slice(0, lead)}\\:${safe.slice(lead + 1)}`;
    return safe;
}
/**
 * Text of several lines (a stack, a message of our own with a second line) made safe line
 * by line: each line stays a line, and none can start a workflow command.
 */
function logSafeLines(text) {
    return text
        .split(/\r\n|\r|\n|\u2028|\u2029/)
        .map(logSafe)
        .join("\n");
}
/**
 * Cuts `text` to `max` (>= 0) characters (whole code points), marking the cut with "…".
 * Reads no further than the cut, however long the text.
 */
function truncate(text, max) {
    let count = 0;
    let units = 0;
    for (const char of text) {
        if (count === max)
            return `${text.slice(0, units)}…`;
        count++;
        units += char.length;
    }
    return text;
}


/***/ }),

/***/ 5158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ proxyProblems)
/* harmony export */ });
/* unused harmony export shown */
/* harmony import */ var _core_safe_text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3712);

/** Both spellings of each, as undici, Node's HTTP clients and Deno read them. */
const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy"];
const NO_PROXY_VARIABLES = ["NO_PROXY", "no_proxy"];
/** The schemes every transport here can use: undici (Node) and Deno both speak these. */
const PROXY_SCHEMES = ["http:", "https:", "socks5:"];
/** Characters of a value shown in a message; a proxy URL is far shorter. */
const SHOWN_CHARS = 200;
const LABEL = "[A-Za-z0-9_-]+";
const PORT = String.raw `(?::(\d{1,5}))?`;
/** `*`, a host, `.domain` or `*.domain`, or an IPv4 address, each with an optional port. */
const HOST_ENTRY = new RegExp(String.raw `^(?:\*|(?:\*\.|\.)?${LABEL}(?:\.${LABEL})*\.?)${PORT}$`);
/** An IPv6 address, bare or bracketed (a port only when bracketed). */
const IPV6_ENTRY = /^(?:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*|\[[0-9A-Fa-f:.]+\](?::(\d{1,5}))?)$/;
/** An address range: Deno's NO_PROXY understands these, undici's does not. */
const CIDR_ENTRY = /^[0-9A-Fa-f:.]+\/\d{1,3}$/;
/**
 * What is wrong with the proxy variables, one line each, before any request: undici throws
 * on an unparsable proxy URL with the URL (password included) in the message, and reads a
 * value without a scheme as something else entirely; a NO_PROXY entry it cannot read is
 * silently ignored, so requests meant to go direct would go through the proxy. Values are
 * shown without their credentials. `cidr`: whether NO_PROXY ranges are understood (Deno).
 */
function proxyProblems(env, options = { cidr: "Deno" in globalThis }) {
    const problems = [];
    for (const name of PROXY_VARIABLES) {
        const value = env[name]?.trim();
        if (!value)
            continue;
        const problem = proxyUrlProblem(value);
        if (problem)
            problems.push(`${name}: "${shown(value)}" ${problem}`);
    }
    for (const name of NO_PROXY_VARIABLES) {
        const entries = (env[name] ?? "").split(/[,\s]+/).filter(Boolean);
        for (const entry of entries) {
            if (isNoProxyEntry(entry, options.cidr))
                continue;
            problems.push(`${name}: "${shown(entry)}" is not a host name, a domain (.example.com), an IP address or *${options.cidr ? "" : " (address ranges are not understood here)"}; requests to it would still go through the proxy`);
        }
    }
    return problems;
}
function proxyUrlProblem(value) {
    let url;
    try {
        url = new URL(value);
    }
    catch {
        return "is not a URL; expected http://host:port (or https://, socks5://), with user:password@ before the host if the proxy needs it";
    }
    if (!PROXY_SCHEMES.includes(url.protocol) || url.hostname === "") {
        return "does not start with http://, https:// or socks5:// and a host; expected e.g. http://proxy.example.com:3128";
    }
    try {
        decodeURIComponent(url.username);
        decodeURIComponent(url.password);
    }
    catch {
        return "has a user name or password with a % that is not followed by two hex digits; write a literal % as %25";
    }
    return undefined;
}
function isNoProxyEntry(entry, cidr) {
    for (const pattern of [HOST_ENTRY, IPV6_ENTRY]) {
        const match = pattern.exec(entry);
        if (match)
            return match[1] === undefined || Number(match[1]) <= 65_535;
    }
    return cidr && CIDR_ENTRY.test(entry);
}
/**
 * A value fit for a message: everything up to the last `@` (where credentials end, however
 * malformed the rest) replaced, control characters escaped, and cut.
 */
function shown(value) {
    const at = value.lastIndexOf("@");
    let text = value;
    if (at !== -1) {
        const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value)?.[0] ?? "";
        text = `${scheme}***@${value.slice(at + 1)}`;
    }
    return (0,_core_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .truncate */ .xv)((0,_core_safe_text_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeControls */ .UN)(text), SHOWN_CHARS);
}


/***/ }),

/***/ 5433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ lazyFetchForEnvironment)
/* harmony export */ });
/* unused harmony export fetchForEnvironment */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
/* harmony import */ var _proxy_env_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5158);


/**
 * The Node transport: undici.request (see undici-fetch.ts), through an EnvHttpProxyAgent
 * when HTTPS_PROXY or HTTP_PROXY is set (Node's global fetch ignores them; self-hosted
 * runners and CLI users behind a corporate proxy need them). Deno keeps its own fetch, which
 * already honours HTTP(S)_PROXY and NO_PROXY, and loads nothing of undici. A proxy variable
 * that cannot be used is bad input (InvalidInputError), found before any request.
 */
async function fetchForEnvironment(env) {
    const problems = (0,_proxy_env_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyProblems */ .D)(env);
    if (problems.length > 0)
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(problems);
    if ("Deno" in globalThis)
        return globalThis.fetch;
    // Loaded here, not at start-up: the action's first request waits for it either way, but
    // parsing it with the entry point would delay everything before (reading inputs, masking).
    const { createUndiciFetch } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 8375));
    const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
    if (!proxy)
        return createUndiciFetch();
    const { EnvHttpProxyAgent } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
    // EnvHttpProxyAgent reads HTTP(S)_PROXY and NO_PROXY itself, per request host.
    return createUndiciFetch(new EnvHttpProxyAgent());
}
/**
 * fetchForEnvironment, built on the first request: the CLI starts before it knows whether
 * the command sends any, and refuses an unusable proxy variable as bad input first.
 */
function lazyFetchForEnvironment(env) {
    let transport;
    return async (input, init) => {
        transport ??= fetchForEnvironment(env);
        return (await transport)(input, init);
    };
}


/***/ }),

/***/ 8375:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createUndiciFetch: () => (/* binding */ createUndiciFetch)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);

/** undici's buffer per response body: 1 MiB was 30-40% faster than its 64 KiB default, 4 MiB slower. */
const BODY_HIGH_WATER_MARK = 1 << 20;
/** Statuses whose Response may not have a body. */
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
/**
 * The core's fetch, on Node, as `undici.request`: the same requests and answers, without
 * fetch's per-chunk cost (0.5-0.8 CPU s per GiB of download). Redirects are not followed
 * (the core follows them itself, dropping Authorization across origins) and bodies are not
 * decompressed (no Accept-Encoding is sent). The body is handed to the core as a web stream
 * that pulls the undici body one chunk at a time, so backpressure reaches the socket.
 */
function createUndiciFetch(dispatcher) {
    return async (input, init = {}) => {
        if (input instanceof Request)
            throw new TypeError("undiciFetch takes a URL, not a Request");
        const answer = await (0,undici__WEBPACK_IMPORTED_MODULE_0__/* .request */ .Em)(input, {
            method: (init.method ?? "GET"),
            headers: init.headers,
            body: typeof init.body === "string" ? init.body : null,
            signal: init.signal ?? undefined,
            highWaterMark: BODY_HIGH_WATER_MARK,
            ...(dispatcher && { dispatcher }),
        });
        const headers = new Headers();
        for (const [name, value] of Object.entries(answer.headers)) {
            if (Array.isArray(value))
                for (const one of value)
                    headers.append(name, one);
            else if (value !== undefined)
                headers.set(name, value);
        }
        const status = answer.statusCode;
        if (NULL_BODY.has(status)) {
            answer.body.destroy();
            return new Response(null, { status, headers });
        }
        return new Response(webBody(answer.body), { status, headers });
    };
}
/** A pull stream over a Node body: a chunk is read from the socket only when asked for. */
function webBody(body) {
    // Errors reach the reader through chunks.next(); undici also emits them as events, and
    // one nobody listens to (a body cancelled before it was read) would crash the process.
    body.on("error", () => { });
    const chunks = body[Symbol.asyncIterator]();
    return new ReadableStream({
        async pull(controller) {
            const { done, value } = await chunks.next();
            if (done)
                controller.close();
            else
                controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        },
        async cancel() {
            await chunks.return?.().catch(() => { });
            body.destroy();
        },
    }, { highWaterMark: 0 });
}


/***/ })

};
