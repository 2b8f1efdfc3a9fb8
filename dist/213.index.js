export const id = 213;
export const ids = [213];
export const modules = {

/***/ 46213:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pullRequestTarget: () => (/* binding */ pullRequestTarget),
/* harmony export */   runningBranch: () => (/* binding */ runningBranch)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74296);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98141);
/* harmony import */ var _pull_request_branch_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(14192);



/** The branch the workflow runs on: a pull request's head branch, else a pushed branch. */
function runningBranch(env) {
    if (env.GITHUB_HEAD_REF)
        return env.GITHUB_HEAD_REF;
    return env.GITHUB_REF?.startsWith("refs/heads/") ? env.GITHUB_REF_NAME || undefined : undefined;
}
/**
 * With publish: pull-request, before any request to Lucca: the base, from pr-base, the branch
 * the workflow runs on or the repository's default branch (asked of GitHub). pr-branch is
 * force-updated, so it is refused when it names any of them.
 */
async function pullRequestTarget(inputs, env, signal) {
    const client = await (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .gitHubClient */ .XB)(inputs, env, (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .withDeadline */ .NE)({ signal, timeoutMs: inputs.settings.timeoutMs }));
    const defaultBranch = await client.defaultBranch();
    const running = runningBranch(env);
    const base = inputs.github.pullRequest.base ??
        (env.GITHUB_REF?.startsWith("refs/heads/") ? env.GITHUB_REF_NAME : undefined) ??
        defaultBranch;
    const planned = (0,_pull_request_branch_js__WEBPACK_IMPORTED_MODULE_2__/* .plannedBranch */ .jj)(inputs.github.pullRequest.branch, inputs.settings);
    const roles = [
        [defaultBranch, "the repository's default branch"],
        [base, "the pull request's base"],
        [running, "the branch the workflow runs on"],
    ].flatMap(([branch, role]) => (planned.exact && branch === planned.name ? [role] : []));
    if (roles.length > 0) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InvalidInputError */ .oC(`pr-branch: "${planned.name}" is ${roles.join(" and ")}; the action rebuilds and force-updates pr-branch, so give it a branch of its own (the default is lucca-report/{templateId})`);
    }
    return { base, refuse: [defaultBranch, ...(running ? [running] : [])] };
}


/***/ })

};
