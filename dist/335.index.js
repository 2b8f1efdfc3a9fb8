export const id = 335;
export const ids = [335];
export const modules = {

/***/ 59335:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkoutSyncText: () => (/* binding */ checkoutSyncText),
/* harmony export */   fastForwardCheckout: () => (/* binding */ fastForwardCheckout),
/* harmony export */   fetchAndFastForwardCheckout: () => (/* binding */ fetchAndFastForwardCheckout),
/* harmony export */   tryFastForwardCheckout: () => (/* binding */ tryFastForwardCheckout)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _git_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(80299);


/**
 * Moves a clean checkout of the pushed branch to the pushed commit, so that it no longer
 * lags behind the remote with the reports as untracked files. It moves only when HEAD is on
 * that branch at the commit's parent and nothing but the reports differs from HEAD: the move
 * then changes nothing in the working tree. Anything else leaves the checkout as it is.
 *
 * Plumbing rather than `git merge --ff-only`: the same two-tree merge (it refuses to overwrite
 * a local change or an untracked file) without the repository's hooks or merge settings.
 * The committed reports are staged first: the merge would refuse them as untracked files
 * (or as unstaged changes) even though they hold exactly the committed bytes.
 */
async function fastForwardCheckout(git, pushed) {
    const headResult = await git.exec(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]);
    const head = headResult.code === 0 ? headResult.stdout.trim() : undefined;
    const branch = await git.currentBranch();
    const left = (reason) => ({ moved: false, reason, branch, head });
    if (branch === undefined)
        return left("HEAD is detached");
    if (branch !== pushed.branch)
        return left(`it is on ${branch}, not ${pushed.branch}`);
    if (head === undefined)
        return left(`${branch} has no commit yet`);
    const parent = await git.exec(["rev-parse", "--verify", "--quiet", `${pushed.commit}^1`]);
    if (parent.code !== 0 || parent.stdout.trim() !== head) {
        return left(`${pushed.branch} had moved since it was checked out`);
    }
    const changes = await localChanges(git, pushed.reportPaths);
    if (changes.length > 0)
        return left(`it has uncommitted changes (${listed(changes)})`);
    const paths = pushed.committedPaths;
    if (paths.length > 0)
        await git.run(["update-index", "--add", "--", ...paths]);
    const merged = await git.exec(["read-tree", "-m", "-u", head, pushed.commit]);
    if (merged.code !== 0) {
        // Back to what it was: those paths were staged as HEAD has them (localChanges said so).
        if (paths.length > 0) {
            await git.exec(["reset", "--quiet", head, "--", ...paths], {
                env: { GIT_LITERAL_PATHSPECS: "1" },
            });
        }
        const said = (merged.stderr.trim() || merged.stdout.trim()).split("\n")[0] ?? "";
        return left(`git would not update it: ${said}`);
    }
    // The old value makes this refuse if anything moved the branch meanwhile.
    await git.run([
        "update-ref",
        "-m",
        "lucca-report: fast-forward to the pushed reports",
        `refs/heads/${branch}`,
        pushed.commit,
        head,
    ]);
    return { moved: true, branch, head: pushed.commit };
}
/**
 * Tracked files with staged or unstaged changes, conflicts included. A report's own
 * unstaged change does not count: the run itself wrote it.
 */
async function localChanges(git, reportPaths) {
    const reports = new Set(reportPaths);
    const args = ["status", "--porcelain=v1", "-z", "--untracked-files=no"];
    // Not run(): its trim would eat the first entry's leading space (" M path").
    const status = await git.exec(args);
    if (status.code !== 0)
        throw new _git_js__WEBPACK_IMPORTED_MODULE_1__.GitError(args, status, []);
    const entries = status.stdout.split("\0");
    const changed = [];
    for (let index = 0; index < entries.length; index++) {
        const entry = entries[index];
        if (entry.length < 4)
            continue;
        const [staged, unstaged, path] = [entry[0], entry[1], entry.slice(3)];
        // A rename or copy is followed by its source path.
        if (staged === "R" || staged === "C")
            index++;
        if (staged === " " && unstaged === "M" && reports.has(path))
            continue;
        changed.push(path);
    }
    return changed;
}
function listed(paths) {
    const shown = paths.slice(0, 3).join(", ");
    return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}
/**
 * fastForwardCheckout, which never fails the step: the reports are pushed already. Only the
 * job's cancellation passes; any other failure (a lock, the time limit) leaves the checkout.
 */
async function tryFastForwardCheckout(git, pushed, jobSignal) {
    try {
        return await fastForwardCheckout(git, pushed);
    }
    catch (error) {
        if (jobSignal?.aborted)
            throw error;
        const message = error instanceof Error ? error.message : String(error);
        return { moved: false, reason: message, branch: undefined, head: undefined };
    }
}
/**
 * After a commit GitHub made through its API: the commit fetched from `remote`, then the
 * same move. A workspace that is not a checkout (the API modes need none) is left alone.
 */
async function fetchAndFastForwardCheckout(git, remote, pushed, jobSignal) {
    const left = (reason) => ({
        moved: false,
        reason,
        branch: undefined,
        head: undefined,
    });
    try {
        const top = await git.exec(["rev-parse", "--show-toplevel"]);
        if (top.code !== 0)
            return left("it is not a git checkout");
        const [topDir, dir] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(top.stdout.trim()), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(git.cwd)]);
        if (topDir !== dir)
            return left(`it is inside the git checkout ${topDir}, not its top`);
        if ((await git.fetchBranch(remote, pushed.branch)) === undefined) {
            return left(`${remote} has no branch ${pushed.branch}`);
        }
        const known = await git.exec(["cat-file", "-e", `${pushed.commit}^{commit}`]);
        if (known.code !== 0)
            return left(`${remote} does not hold ${pushed.commit.slice(0, 12)}`);
    }
    catch (error) {
        if (jobSignal?.aborted)
            throw error;
        return left(error instanceof Error ? error.message : String(error));
    }
    return tryFastForwardCheckout(git, pushed, jobSignal);
}
/** One log line for the outcome; `where` names the checkout when it is not the workspace. */
function checkoutSyncText(sync, reports, where = "The checkout") {
    if (sync.moved) {
        return `${where} moved to ${sync.head.slice(0, 12)} on ${sync.branch}, the commit just pushed`;
    }
    if (sync.head === undefined)
        return `${where} was not moved to the pushed commit: ${sync.reason}`;
    const at = `${sync.head.slice(0, 12)}${sync.branch ? ` on ${sync.branch}` : " (detached HEAD)"}`;
    const files = reports === 1
        ? "the report is an uncommitted file there"
        : "the reports are uncommitted files there";
    return `${where} was left at ${at}, not moved to the pushed commit: ${sync.reason}; ${files}`;
}


/***/ })

};
