export const id = 462;
export const ids = [462];
export const modules = {

/***/ 22462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkRepository: () => (/* binding */ checkRepository)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _publish_git_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(80299);




/**
 * Before any request, with publish: commit or pull-request: the `repository` directory exists
 * and its real path stays inside the workspace's. For a push (commit mode without
 * sign-commits) it must also be the top of a git checkout: the reports' paths in the
 * repository are taken relative to it, and a directory inside a checkout would put them
 * elsewhere.
 */
async function checkRepository(inputs, workspace, env, signal) {
    if (!inputs.publish.includes("commit") && !inputs.publish.includes("pull-request"))
        return;
    const push = inputs.publish.includes("commit") && !inputs.github.signCommits;
    const { path, dir } = inputs.repository;
    const refuse = (why) => new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InvalidInputError */ .oC(`repository: "${path}" ${why}`);
    const info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir).catch(() => undefined);
    if (info === undefined) {
        throw refuse(`does not exist in the workspace; check the repository out there first (actions/checkout with path: ${path})`);
    }
    if (!info.isDirectory())
        throw refuse("is not a directory");
    const [real, realWorkspace] = await Promise.all([(0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(dir), (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(workspace)]);
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(realWorkspace, real);
    if (rel === ".." || rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_1__.sep}`) || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(rel)) {
        throw refuse(`resolves to ${real}, outside the workspace (through a symbolic link)`);
    }
    if (!push)
        return;
    const git = new _publish_git_js__WEBPACK_IMPORTED_MODULE_3__.Git(dir, { env, signal, timeoutMs: 30_000 });
    const top = await git.exec(["rev-parse", "--show-toplevel"]);
    if (top.code !== 0) {
        const said = top.stderr.trim().split("\n")[0] ?? "";
        throw refuse(`is not a git checkout (${said}); publish: commit commits into a clone made by actions/checkout`);
    }
    const topDir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath)(top.stdout.trim()).catch(() => top.stdout.trim());
    if (topDir !== real) {
        throw refuse(`is inside the git checkout ${topDir} but is not its top directory; give the checkout's own directory`);
    }
}


/***/ })

};
