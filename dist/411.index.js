export const id = 411;
export const ids = [411];
export const modules = {

/***/ 72792:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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
/* harmony import */ var _actions_cache__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(18091);




const REPORT_FILE = "report";
const META_FILE = "meta.json";
/** Domain and template are hashed, so no tenant name ends up in a cache key. */
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
 * The report published by the latest earlier run for the same template and period. Cache
 * keys cannot be overwritten, so every save has its own key and the newest prefix match wins.
 * `workDir` must be the same absolute path on every run: the cache version depends on it.
 */
async function restorePrevious(identity, options) {
    const unavailable = await prepare(options.workDir);
    if (unavailable)
        return unavailable;
    const prefix = cacheKeyPrefix(identity);
    let key;
    // The cache library reports service failures as a warning and answers "no match"; watch for
    // its warning so a broken service is not mistaken for a first run.
    const problems = await watchWorkflowWarnings(async () => {
        key = await _actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .restoreCache */ .P3([options.workDir], `${prefix}none`, [prefix]);
    });
    if (problems.length > 0)
        return { status: "unavailable", reason: problems[0] };
    if (key === undefined)
        return { status: "miss" };
    try {
        const meta = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, META_FILE), "utf8"));
        return {
            status: "restored",
            key,
            csvPath: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, REPORT_FILE),
            sha256: meta.sha256,
        };
    }
    catch (error) {
        return {
            status: "unavailable",
            reason: `the cached report is unreadable: ${error.message}`,
        };
    }
}
/** Remembers this run's report for the next run of the same template and period. */
async function savePrevious(identity, file, options) {
    const unavailable = await prepare(options.workDir);
    if (unavailable)
        return unavailable;
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.copyFile)(file.csvPath, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, REPORT_FILE));
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(options.workDir, META_FILE), JSON.stringify({ sha256: file.sha256, savedAt: new Date().toISOString() }));
    const key = `${cacheKeyPrefix(identity)}${options.runId}-${options.runAttempt}-${Date.now()}`;
    try {
        const id = await _actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .saveCache */ .Io([options.workDir], key);
        return id === -1
            ? { status: "unavailable", reason: "the Actions cache refused to save the report" }
            : { status: "saved", key };
    }
    catch (error) {
        return { status: "unavailable", reason: error.message };
    }
}
/** Empties `workDir`, or says why the cache cannot be used at all. */
async function prepare(workDir) {
    if (!_actions_cache__WEBPACK_IMPORTED_MODULE_3__/* .isFeatureAvailable */ .w3()) {
        return {
            status: "unavailable",
            reason: "the Actions cache service is not configured for this runner",
        };
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.rm)(workDir, { recursive: true, force: true });
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(workDir, { recursive: true });
    return undefined;
}
/** Runs `work` and returns the `::warning::`/`::error::` messages written meanwhile (still shown). */
async function watchWorkflowWarnings(work) {
    const problems = [];
    const write = process.stdout.write;
    process.stdout.write = function (chunk, ...rest) {
        const text = typeof chunk === "string" ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : "";
        for (const match of text.matchAll(/^::(?:warning|error)[^:]*::(.*)$/gm))
            problems.push(match[1]);
        return write.call(this, chunk, ...rest);
    };
    try {
        await work();
    }
    catch (error) {
        problems.push(error.message);
    }
    finally {
        process.stdout.write = write;
    }
    return problems;
}


/***/ })

};
