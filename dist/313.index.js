export const id = 313;
export const ids = [313];
export const modules = {

/***/ 969:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ sameContent),
/* harmony export */   e: () => (/* binding */ sameBytes)
/* harmony export */ });
/* harmony import */ var _csv_records_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(47656);

const utf8 = new TextDecoder();
/**
 * Equal bytes, or equal once the records matching `ignore` (an export timestamp, say) are left
 * out. Records are split as everywhere else (csv-records.ts), a UTF-8 BOM is not content, and
 * line ends are normalised, so `commit-ignore-lines` means the same for a commit, a signed
 * commit and the artifact mode's change detection.
 */
function sameContent(a, b, ignore) {
    if (sameBytes(a, b))
        return true;
    if (!ignore)
        return false;
    return keptRecords(a, ignore) === keptRecords(b, ignore);
}
/** Byte-for-byte equality; an absent file equals only another absent file. */
function sameBytes(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
function keptRecords(bytes, ignore) {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const records = [];
    (0,_csv_records_js__WEBPACK_IMPORTED_MODULE_0__/* .forEachRecordIn */ .HE)(bytes.subarray(start), (record) => {
        const text = utf8.decode((0,_csv_records_js__WEBPACK_IMPORTED_MODULE_0__/* .recordBody */ .EV)(record));
        if (!ignore.test(text))
            records.push(text);
        return undefined;
    });
    return records.join("\n");
}


/***/ }),

/***/ 89425:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ afterBranchMoved)
/* harmony export */ });
/* harmony import */ var _core_backoff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93915);
/* harmony import */ var _core_delay_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(36968);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);



/**
 * Another run moved the branch between our read and our write: give up once `attempts`
 * writes have been tried, else wait a little (0.5 s, 1 s, … 8 s, jittered so that runs
 * racing each other spread out) before the caller redoes its commit on the new tip.
 */
async function afterBranchMoved(options) {
    if (options.attempt >= options.attempts) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LuccaReportError */ .v1(`Cannot ${options.what} to ${options.branch}: the branch moved on every one of ${options.attempt} attempts; re-run the job`);
    }
    await (0,_core_delay_js__WEBPACK_IMPORTED_MODULE_1__/* .delay */ .cb)((0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_2__/* .backoffDelay */ .E)(options.attempt - 1, {
        initialMs: 500,
        maxMs: 8000,
        jitter: 0.5,
        random: options.random,
    }), options.signal);
}


/***/ }),

/***/ 24313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   commitViaApi: () => (/* binding */ commitViaApi)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _branch_moved_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(89425);
/* harmony import */ var _api_files_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64301);



/**
 * Commits the files that differ from the branch on top of it through GitHub's Git Data API and
 * moves the branch without force. A 422 on the ref update means another run moved it: the commit is made
 * again on the new tip, unless that run changed one of the same files differently.
 */
async function commitViaApi(request) {
    const { client, branch } = request;
    const signal = request.signal ?? new AbortController().signal;
    (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .checkBlobSizes */ .Cr)(request.files, request.maxBlobBytes);
    const blobs = new Map();
    let previous;
    for (let attempt = 1;; attempt++) {
        signal.throwIfAborted();
        const tip = await client.branchTip(branch);
        const base = tip ?? (await request.startPoint());
        const { holds, before, changed } = await (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .holdsFiles */ .kp)(client, base, request.files, request.ignoreLines);
        if (holds) {
            return {
                branch,
                changed: false,
                commitSha: undefined,
                changedPaths: [],
                verified: false,
                attempts: attempt,
            };
        }
        // Stryker disable next-line ConditionalExpression: equivalent
        // `previous.base !== base` -> true: the same base commit holds the same files, so nothing can
        // count as changed meanwhile.
        if (previous && previous.base !== base) {
            const changedMeanwhile = request.files.filter((_file, index) => !sameBytes(previous?.before[index], before[index]));
            if (changedMeanwhile.length > 0) {
                throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .LuccaReportError */ .v1(`Cannot commit the report to ${branch}: while this run was committing, another one changed ` +
                    `${changedMeanwhile.map((file) => file.path).join(", ")} differently (now at ${base.slice(0, 12)}). ` +
                    "Nothing was overwritten; check which report is right and re-run.");
            }
        }
        const commit = await (0,_api_files_js__WEBPACK_IMPORTED_MODULE_2__/* .createFilesCommit */ .$p)(client, {
            parent: base,
            files: changed,
            message: typeof request.message === "string" ? request.message : request.message(changed),
            identity: request.identity,
            blobs,
        });
        await request.beforeRefUpdate?.(attempt);
        const outcome = tip === undefined
            ? (await client.createBranch(branch, commit.sha)) === "created"
                ? "updated"
                : "moved"
            : await client.updateBranch(branch, commit.sha, false);
        if (outcome === "updated") {
            return {
                branch,
                changed: true,
                commitSha: commit.sha,
                changedPaths: changed.map((file) => file.path),
                verified: commit.verified,
                attempts: attempt,
            };
        }
        previous = { base, before };
        await (0,_branch_moved_js__WEBPACK_IMPORTED_MODULE_1__/* .afterBranchMoved */ .M)({
            what: "commit the report",
            branch,
            attempt,
            attempts: request.attempts,
            signal,
            random: request.random,
        });
    }
}
function sameBytes(a, b) {
    return a === undefined || b === undefined ? a === b : a.equals(b);
}


/***/ }),

/***/ 64301:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* binding */ createFilesCommit),
/* harmony export */   Cr: () => (/* binding */ checkBlobSizes),
/* harmony export */   kp: () => (/* binding */ holdsFiles)
/* harmony export */ });
/* unused harmony exports gitBlobSha, filesAt */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74296);
/* harmony import */ var _core_same_content_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(969);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(38402);




/** The id git gives these bytes as a blob, so equal content is found without a download. */
function gitBlobSha(content) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}
/** Refuses, before any write, a file GitHub's blob API would not take. */
function checkBlobSizes(files, maxBytes = _client_js__WEBPACK_IMPORTED_MODULE_3__/* .MAX_BLOB_BYTES */ .T) {
    const tooBig = files.filter((file) => file.content.length > maxBytes);
    if (tooBig.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .LuccaReportError */ .v1(`Cannot commit through GitHub's API: ${tooBig
            .map((file) => `${file.path} is ${file.content.length} bytes`)
            .join(", ")}, over the ${maxBytes}-byte limit of one blob. ` +
            "Publish it as an artifact, or with publish: commit and sign-commits: false (git push).");
    }
}
/** Each file's bytes at `commit`, undefined where the commit does not have it. */
async function filesAt(client, commit, paths) {
    const { tree } = await client.commit(commit);
    const trees = new Map();
    const listing = (sha) => {
        const known = trees.get(sha);
        if (known)
            return known;
        const entries = client.tree(sha);
        trees.set(sha, entries);
        return entries;
    };
    const out = [];
    for (const path of paths) {
        let sha = tree;
        const parts = path.split("/");
        for (const [index, part] of parts.entries()) {
            const entries = await listing(sha);
            const wanted = index === parts.length - 1 ? "blob" : "tree";
            sha = entries.find((entry) => entry.path === part && entry.type === wanted)?.sha;
            if (sha === undefined)
                break;
        }
        out.push(sha === undefined ? undefined : await client.blob(sha));
    }
    return out;
}
/**
 * What `commit` holds of the files: `changed` lists those that differ (missing, or different
 * bytes beyond the ignored lines); `holds` is true when none does.
 */
async function holdsFiles(client, commit, files, ignoreLines) {
    const before = await filesAt(client, commit, files.map((file) => file.path));
    const changed = files
        .map((file, index) => ({ ...file, before: before[index] }))
        .filter((file) => file.before === undefined || !(0,_core_same_content_js__WEBPACK_IMPORTED_MODULE_2__/* .sameContent */ .C)(file.before, file.content, ignoreLines));
    return { holds: changed.length === 0, before, changed };
}
/**
 * One commit on `parent` with `files` added or replaced: blobs, a tree on the parent's tree,
 * the commit. Blobs already sent (same bytes) are not sent again.
 */
async function createFilesCommit(client, options) {
    const blobs = options.blobs ?? new Map();
    const entries = [];
    for (const file of options.files) {
        const local = gitBlobSha(file.content);
        let sha = blobs.get(local);
        if (sha === undefined) {
            sha = await client.createBlob(file.content);
            blobs.set(local, sha);
        }
        entries.push({ path: file.path, sha });
    }
    const { tree: baseTree } = await client.commit(options.parent);
    const tree = await client.createTree(baseTree, entries);
    return client.createCommit({
        message: options.message,
        tree,
        parents: [options.parent],
        author: options.identity?.author,
        committer: options.identity?.committer,
    });
}


/***/ })

};
