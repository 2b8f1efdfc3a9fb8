export const id = 411;
export const ids = [411];
export const modules = {

/***/ 72792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pj: () => (/* binding */ heldBackProblems),
/* harmony export */   iA: () => (/* binding */ prepare),
/* harmony export */   restorePrevious: () => (/* binding */ restorePrevious),
/* harmony export */   savePrevious: () => (/* binding */ savePrevious)
/* harmony export */ });
/* unused harmony export cacheKeyPrefix */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60142);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(33838);





const REPORT_FILE = "report";
const META_FILE = "meta.json";
/** meta.json holds a checksum and a date (about 120 bytes); anything larger is not ours. */
const MAX_META_BYTES = 4096;
/**
 * The start of every cache key for this report, e.g. `lucca-report-v1-0123456789abcdef-`.
 * Domain and template are hashed, so no tenant name ends up in a cache key.
 */
function cacheKeyPrefix(identity) {
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha256")
        .update(JSON.stringify([
        identity.domain,
        identity.templateId,
        identity.startsOn,
        identity.endsOn,
        identity.format,
    ]))
        .digest("hex");
    return `lucca-report-v1-${digest.slice(0, 16)}-`;
}
/**
 * The report the latest earlier run for the same identity saved, restored into `workDir`.
 * Never throws: a cache that cannot be used is `unavailable`, with a one-line reason.
 *
 * "miss" and "unavailable" look alike from outside @actions/cache: restoreCache answers
 * `undefined` both when nothing matches and when the service failed. It says which only by
 * printing a `::warning::` (or `::error::`) workflow command on a failure, so the commands
 * printed during the call are held back and decide it; they are re-printed as debug lines.
 */
async function restorePrevious(identity, options) {
    const unusable = await prepare(options.workDir);
    if (unusable)
        return unusable;
    const prefix = cacheKeyPrefix(identity);
    // Keys cannot be overwritten, so each save has its own: the prefix finds the newest.
    const call = await heldBackProblems(() => _actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .restoreCache */ .P3([options.workDir], `${prefix}latest`, [prefix]));
    if (call.problem !== undefined)
        return unavailable(call.problem);
    if (call.value === undefined)
        return { status: "miss" };
    const key = call.value;
    let sha256;
    try {
        // A restored entry is data: only regular files (no link, FIFO or device), meta.json small.
        const meta = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, META_FILE));
        const report = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, REPORT_FILE));
        if (!meta.isFile() || !report.isFile() || meta.size > MAX_META_BYTES) {
            return unavailable(`the cache entry ${key} does not hold a report and its checksum`);
        }
        sha256 = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, META_FILE), "utf8"))?.sha256;
    }
    catch (error) {
        // The archive holds paths relative to GITHUB_WORKSPACE (or the cwd): if that moved since
        // the save, the files were extracted somewhere else.
        return unavailable(`the cache entry ${key} did not restore ${options.workDir} (${messageOf(error)})`);
    }
    if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256)) {
        return unavailable(`the cache entry ${key} has no report checksum`);
    }
    return { status: "restored", key, csvPath: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, REPORT_FILE), sha256 };
}
/**
 * Remembers this run's report (a copy, kept in `workDir`, and its sha256) for the next run of
 * the same identity, under `<prefix><runId>-<runAttempt>-<ms since epoch>`. Never throws: a
 * cache that cannot be used is `unavailable`, with a one-line reason.
 */
async function savePrevious(identity, file, options) {
    const inside = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(options.workDir), (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(file.csvPath));
    if (inside !== ".." && !inside.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(inside)) {
        return unavailable(`the report to remember is inside ${options.workDir}, which is emptied`);
    }
    const unusable = await prepare(options.workDir);
    if (unusable)
        return unusable;
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(file.csvPath, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, REPORT_FILE));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, META_FILE), JSON.stringify({ sha256: file.sha256, savedAt: new Date().toISOString() }));
    }
    catch (error) {
        return unavailable(`cannot copy the report into ${options.workDir}: ${messageOf(error)}`);
    }
    const key = `${cacheKeyPrefix(identity)}${options.runId}-${options.runAttempt}-${Date.now()}`;
    const call = await heldBackProblems(() => _actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .saveCache */ .Io([options.workDir], key));
    if (call.problem !== undefined)
        return unavailable(call.problem);
    // -1 without a warning: the service refused to reserve the key (it says so with core.info).
    // Stryker disable next-line ConditionalExpression: equivalent
    // `call.value === undefined ||` -> false: saveCache returns a number whenever it does not throw,
    // and a throw has returned already.
    if (call.value === undefined || call.value === -1) {
        return unavailable(`the Actions cache did not take the entry ${key}`);
    }
    return { status: "saved", key };
}
/** Empties `workDir`, or says why the cache cannot be used at all. */
async function prepare(workDir) {
    if (!_actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .isFeatureAvailable */ .w3()) {
        return unavailable("the Actions cache service is not configured for this runner");
    }
    if (!(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(workDir)) {
        return unavailable(`the cache directory must be an absolute path, not ${workDir}`);
    }
    try {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(workDir, { recursive: true, force: true });
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(workDir, { recursive: true });
    }
    catch (error) {
        return unavailable(`cannot prepare ${workDir}: ${messageOf(error)}`);
    }
    return null;
}
const WORKFLOW_PROBLEM = /^::(warning|error)(?: [^:]*)?::(.*)$/;
/**
 * Runs `work` while holding back the `::warning::`/`::error::` commands written to stdout
 * (how @actions/cache reports a failure it swallows); they come back as debug lines, and the
 * last one is the problem. A thrown error is a problem too. Anything else printed passes.
 * Other code printing warnings meanwhile would be held back too: call this with nothing else
 * running, as a step does.
 */
async function heldBackProblems(work) {
    const held = [];
    const write = process.stdout.write;
    process.stdout.write = function (chunk, ...rest) {
        const text = typeof chunk === "string" ? chunk : undefined;
        const match = text === undefined ? null : WORKFLOW_PROBLEM.exec(text.trimEnd());
        if (match && !/[\r\n]/.test(text?.trimEnd() ?? "")) {
            held.push(`${match[1]}: ${unescapeCommand(match[2])}`);
            const callback = rest.find((arg) => typeof arg === "function");
            if (callback)
                process.nextTick(callback);
            return true;
        }
        return write.call(this, chunk, ...rest);
    };
    let value;
    let thrown;
    try {
        value = await work();
    }
    catch (error) {
        thrown = messageOf(error);
    }
    finally {
        process.stdout.write = write;
    }
    for (const line of held)
        _actions_core__WEBPACK_IMPORTED_MODULE_4__/* .debug */ .Yz(`@actions/cache ${line}`);
    const last = held.at(-1);
    return {
        value,
        // Stryker disable next-line Regex: equivalent
        // `/^\w+: /` -> `/\w+: /`: held lines always begin "warning: " or "error: ".
        problem: thrown ?? (last === undefined ? undefined : last.replace(/^\w+: /, "")),
    };
}
/** The message of a workflow command, as @actions/core escaped it, on one line. */
function unescapeCommand(message) {
    return message
        .replace(/%0D%0A|%0A|%0D/g, " ")
        .replace(/%25/g, "%")
        .trim();
}
function unavailable(reason) {
    // Stryker disable next-line Regex: equivalent
    // `[\r\n]+` -> `[\r\n]`: the `\s*` on each side takes further breaks.
    return { status: "unavailable", reason: reason.replace(/\s*[\r\n]+\s*/g, " ") };
}
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}


/***/ })

};
