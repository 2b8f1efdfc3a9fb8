export const id = 625;
export const ids = [625];
export const modules = {

/***/ 67625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishArtifact: () => (/* binding */ publishArtifact)
/* harmony export */ });
/* unused harmony exports artifactUrl, commonDirectory */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(33359);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74296);





/** Uploads the reports as one workflow artifact with the real @actions/artifact client. */
async function publishArtifact(request, run) {
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .DefaultArtifactClient */ .t9();
    const single = request.filePaths.length === 1 ? request.filePaths[0] : undefined;
    const archive = request.archive || single === undefined;
    const extension = single === undefined ? "" : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.extname)(single);
    const name = !archive && extension && !request.name.endsWith(extension)
        ? `${request.name}${extension}`
        : request.name;
    // An unzipped artifact takes its name from the file, so upload a link that bears the name.
    const staging = archive ? undefined : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), "lucca-artifact-"));
    try {
        let files = [...request.filePaths];
        let root = commonDirectory(files);
        if (staging && single !== undefined) {
            const file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.link)(single, file).catch(async () => {
                const { copyFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
                await copyFile(single, file);
            });
            files = [file];
            root = staging;
        }
        if (request.overwrite)
            await deleteIfPresent(client, name);
        const uploaded = await client.uploadArtifact(name, files, root, {
            retentionDays: request.retentionDays,
            skipArchive: !archive,
        });
        return {
            name,
            id: uploaded.id,
            url: artifactUrl(run, uploaded.id),
            digest: uploaded.digest,
            size: uploaded.size,
        };
    }
    catch (error) {
        throw explain(error, name);
    }
    finally {
        // Stryker disable next-line BooleanLiteral: equivalent
        // `force: false`: mkdtemp made the directory and nothing else removes it.
        if (staging)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(staging, { recursive: true, force: true });
    }
}
async function deleteIfPresent(client, name) {
    try {
        await client.deleteArtifact(name);
    }
    catch (error) {
        if (!(error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .ArtifactNotFoundError */ .CL))
            throw error;
    }
}
function artifactUrl(run, id) {
    if (id === undefined || !run.serverUrl || !run.repository || !run.runId)
        return undefined;
    return `${run.serverUrl}/${run.repository}/actions/runs/${run.runId}/artifacts/${id}`;
}
function explain(error, name) {
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .GHESNotSupportedError */ .jK) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LuccaReportError */ .v1("Workflow artifacts of this kind are not available on GitHub Enterprise Server. " +
            "Use `publish: commit` to archive the report in the repository, or `publish: none` and upload the file with another step.", { cause: error });
    }
    if (/already exists|Conflict|409/i.test(reason)) {
        return new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LuccaReportError */ .v1(`An artifact named "${name}" already exists in this run; set artifact-overwrite: true, or give each job its own artifact-name.`, { cause: error });
    }
    return new _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .LuccaReportError */ .v1(`Cannot upload the artifact "${name}": ${reason}`, { cause: error });
}
/** The deepest directory holding every file, so a zip keeps the paths below it. */
function commonDirectory(paths) {
    const dirs = paths.map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(path)));
    let common = dirs[0] ?? ".";
    for (const dir of dirs) {
        while (!isWithin(common, dir))
            common = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(common);
    }
    return common;
}
/** A directory named "..foo" is inside; only ".." itself, or a path through it, is not. */
function isWithin(parent, dir) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(parent, dir);
    return rel !== ".." && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel);
}


/***/ })

};
