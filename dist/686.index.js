export const id = 686;
export const ids = [686];
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


/***/ }),

/***/ 11686:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishPullRequest: () => (/* binding */ publishPullRequest)
});

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(74296);
// EXTERNAL MODULE: ./src/publish/github/api-files.ts
var api_files = __webpack_require__(64301);
// EXTERNAL MODULE: ./src/publish/github/errors.ts
var github_errors = __webpack_require__(59004);
// EXTERNAL MODULE: ./src/core/safe-text.ts
var safe_text = __webpack_require__(83712);
;// CONCATENATED MODULE: ./src/publish/github/own-branch.ts



const BOT = {
    name: "github-actions[bot]",
    email: "41898282+github-actions[bot]@users.noreply.github.com",
};
/**
 * How the action's commits are made with its defaults, whatever this run's settings: by git's
 * identity (commit-author and commit-committer, both the bot), or by GitHub for a commit signed
 * with the job's GITHUB_TOKEN. A run that switched sign-commits still knows its own branch.
 */
const DEFAULT_AUTHORSHIPS = [
    { author: BOT, committer: BOT },
    { author: BOT, committer: { name: "GitHub", email: "noreply@github.com" } },
];
/** Commits of this action looked at one by one; its branch holds one beyond the base. */
const MAX_OWN_COMMITS = 20;
/**
 * Refuses to rewrite a branch that holds someone else's work. Only commits this action made
 * may be dropped: beyond the base, each must be a single-parent commit by one of
 * `authorships` that changes nothing but reports. The first other one is named, with its
 * author, and nothing is written.
 */
async function checkOwnBranch(client, check) {
    const comparison = await compareWithBase(client, check);
    const { commits } = comparison;
    for (const commit of commits) {
        if (commit.parents.length !== 1) {
            refuse(check, commit, "is a merge, which this action never makes");
        }
        if (!check.authorships.some((own) => sameAuthorship(own, commit))) {
            refuse(check, commit, "was not made by this action");
        }
    }
    const tip = commits.at(-1);
    if (tip && (comparison.totalCommits > commits.length || commits.length > MAX_OWN_COMMITS)) {
        refuse(check, tip, `is the tip of ${comparison.totalCommits} commits beyond ${check.base}, more than this action makes`);
    }
    for (const commit of commits) {
        // With one commit, the comparison's files are that commit's own.
        const files = commits.length === 1
            ? comparison.files
            : (await client.compare(commit.parents[0], commit.sha)).files;
        for (const file of files) {
            const path = [file.path, file.previousPath].find((name) => name !== undefined && !check.isReportPath(name));
            if (path !== undefined) {
                refuse(check, commit, `changes ${(0,safe_text/* logSafe */.sN)((0,safe_text/* truncate */.xv)(path, 200))}, which is not one of this step's reports`);
            }
        }
    }
}
async function compareWithBase(client, check) {
    try {
        return await client.compare(check.baseTip, check.tip);
    }
    catch (error) {
        // Both commits were just read: a 404 here is GitHub's "No common ancestor between ...".
        if (!(error instanceof github_errors/* GitHubApiError */.O && error.status === 404))
            throw error;
        const tip = await client.commit(check.tip);
        return refuse(check, { sha: tip.sha, author: tip.author ?? { name: "", email: "" } }, `shares no history with ${check.base}, which no commit of this action does`);
    }
}
function sameAuthorship(own, commit) {
    const same = (a, b) => a.name === b.name && a.email.toLowerCase() === b.email.toLowerCase();
    return same(own.author, commit.author) && same(own.committer, commit.committer);
}
function refuse(check, commit, reason) {
    const who = (0,safe_text/* logSafe */.sN)((0,safe_text/* truncate */.xv)(`${commit.author.name} <${commit.author.email}>`, 120));
    throw new errors/* LuccaReportError */.v1(`Cannot update the pull request's branch ${check.branch}: commit ${commit.sha.slice(0, 7)} by ${who} ${reason}. ` +
        `The branch was left untouched. Choose another pr-branch, or delete the branch ${check.branch} once that commit is kept elsewhere, then re-run.`);
}

;// CONCATENATED MODULE: ./src/publish/github/pull-request.ts




/**
 * Opens a pull request that brings the files into the base branch, or updates the one already
 * open from `branch`. The branch is rebuilt as one commit on the base's tip and force-updated,
 * unless a commit on it is not this action's: then nothing is written and the run fails naming
 * it. The base itself is only read. When the base already holds the files, nothing is written and
 * an open pull request (for an older report) is left as it is.
 */
async function publishPullRequest(request) {
    const { client, branch } = request;
    const signal = request.signal ?? new AbortController().signal;
    (0,api_files/* checkBlobSizes */.Cr)(request.files, request.maxBlobBytes);
    const base = request.base ?? (await client.defaultBranch());
    if (branch === base) {
        throw new errors/* LuccaReportError */.v1(`Cannot open a pull request from ${branch} into itself: pr-branch must differ from pr-base`);
    }
    if (request.refuse?.includes(branch)) {
        throw new errors/* LuccaReportError */.v1(`Cannot use ${branch} as the pull request's branch: the action force-updates pr-branch, and ${branch} is the default branch or the one the workflow runs on`);
    }
    const baseTip = await client.branchTip(base);
    if (baseTip === undefined) {
        throw new errors/* LuccaReportError */.v1(`Cannot open a pull request into ${base}: the branch does not exist`);
    }
    const onBase = await (0,api_files/* holdsFiles */.kp)(client, baseTip, request.files, request.ignoreLines);
    const unchanged = {
        branch,
        base,
        number: undefined,
        url: undefined,
        commitSha: undefined,
        changedPaths: [],
        pushed: false,
        verified: false,
    };
    if (onBase.holds)
        return { operation: "unchanged", changed: false, ...unchanged };
    signal.throwIfAborted();
    const changed = onBase.changed;
    const text = async (value) => (typeof value === "string" ? value : await value(changed));
    const tip = await client.branchTip(branch);
    const [open] = await client.openPullRequests(branch, base);
    let commitSha = tip;
    let verified = false;
    if (tip === undefined || !(await isCurrent(client, tip, baseTip, request))) {
        const commit = await (0,api_files/* createFilesCommit */.$p)(client, {
            parent: baseTip,
            files: changed,
            message: await text(request.message),
            identity: request.identity,
        });
        signal.throwIfAborted();
        const created = tip === undefined && (await client.createBranch(branch, commit.sha)) === "created";
        if (!created) {
            // Read again right before the force (another run may have created or moved it).
            const current = await client.branchTip(branch);
            if (current !== undefined) {
                const own = request.files.map((file) => file.path);
                await checkOwnBranch(client, {
                    branch,
                    base,
                    baseTip,
                    tip: current,
                    authorships: authorships(request.identity, commit),
                    isReportPath: (path) => own.includes(path) || (request.isReportPath?.(path) ?? false),
                });
            }
            signal.throwIfAborted();
            await client.updateBranch(branch, commit.sha, true);
        }
        commitSha = commit.sha;
        verified = commit.verified;
    }
    const pushed = commitSha !== tip;
    const changedPaths = changed.map((file) => file.path);
    const result = { changed: true, branch, base, commitSha, changedPaths, pushed, verified };
    if (open && !pushed) {
        return { operation: "unchanged", ...result, number: open.number, url: open.url };
    }
    const [title, body] = [await text(request.title), await text(request.body)];
    if (open) {
        const updated = await client.updatePullRequest(open.number, { title, body });
        if (request.labels?.length)
            await client.addLabels(updated.number, request.labels);
        return { operation: "updated", ...result, number: updated.number, url: updated.url };
    }
    let pull;
    try {
        pull = await client.createPullRequest({
            branch,
            base,
            title,
            body,
            draft: request.draft ?? false,
        });
    }
    catch (error) {
        // Another run opened it since we looked (GitHub answers 422): update that one instead.
        const [opened] = error instanceof github_errors/* GitHubApiError */.O && error.status === 422
            ? await client.openPullRequests(branch, base)
            : [];
        if (!opened)
            throw error;
        const updated = await client.updatePullRequest(opened.number, { title, body });
        if (request.labels?.length)
            await client.addLabels(updated.number, request.labels);
        return { operation: "updated", ...result, number: updated.number, url: updated.url };
    }
    if (request.labels?.length)
        await client.addLabels(pull.number, request.labels);
    if (request.reviewers?.length || request.teamReviewers?.length) {
        await client.requestReviewers(pull.number, request.reviewers ?? [], request.teamReviewers ?? []);
    }
    return { operation: "created", ...result, number: pull.number, url: pull.url };
}
/** Who makes this action's commits: as this run made its own, as set, or by default. */
function authorships(identity, made) {
    const known = [...DEFAULT_AUTHORSHIPS];
    if (identity)
        known.push(identity);
    if (made.author && made.committer)
        known.push({ author: made.author, committer: made.committer });
    return known;
}
/** The branch is one commit on the base's tip that already holds the files. */
async function isCurrent(client, tip, baseTip, request) {
    const { parents } = await client.commit(tip);
    if (parents.length !== 1 || parents[0] !== baseTip)
        return false;
    return (await (0,api_files/* holdsFiles */.kp)(client, tip, request.files, request.ignoreLines)).holds;
}


/***/ })

};
