export const id = 753;
export const ids = [753,625];
export const modules = {

/***/ 79753:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishArtifactFiles: () => (/* binding */ publishArtifactFiles)
/* harmony export */ });
/* unused harmony export commonDirectory */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81536);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74296);
/* harmony import */ var _artifact_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(67625);




/**
 * Several reports in one artifact. The artifact service stores an unzipped upload as one
 * file only, so several files are always zipped, keeping their paths below the deepest
 * directory they share.
 */
async function publishArtifactFiles(request, run) {
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_1__/* .DefaultArtifactClient */ .t9();
    const root = commonDirectory(request.filePaths);
    try {
        if (request.overwrite) {
            await client.deleteArtifact(request.name).catch((error) => {
                if (!(error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_1__/* .ArtifactNotFoundError */ .CL))
                    throw error;
            });
        }
        const uploaded = await client.uploadArtifact(request.name, [...request.filePaths], root, {
            retentionDays: request.retentionDays,
        });
        return {
            name: request.name,
            id: uploaded.id,
            url: (0,_artifact_js__WEBPACK_IMPORTED_MODULE_3__/* .artifactUrl */ .W)(run, uploaded.id),
            digest: uploaded.digest,
            size: uploaded.size,
        };
    }
    catch (error) {
        throw new _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .LuccaReportError */ .v1(`Cannot upload the artifact "${request.name}": ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
}
function commonDirectory(paths) {
    const dirs = paths.map((path) => (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(path)));
    let common = dirs[0] ?? ".";
    for (const dir of dirs) {
        while (!isWithin(common, dir))
            common = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(common);
    }
    return common;
}
/** A directory named "..foo" is inside; only ".." itself, or a path through it, is not. */
function isWithin(parent, dir) {
    const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_0__.relative)(parent, dir);
    return rel !== ".." && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_0__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_0__.isAbsolute)(rel);
}


/***/ }),

/***/ 67625:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ artifactUrl),
/* harmony export */   publishArtifact: () => (/* binding */ publishArtifact)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81536);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(74296);





/** Uploads the report as a workflow artifact with the real @actions/artifact client. */
async function publishArtifact(request, run) {
    const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_3__/* .DefaultArtifactClient */ .t9();
    const extension = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.extname)(request.filePath);
    const name = !request.archive && extension && !request.name.endsWith(extension)
        ? `${request.name}${extension}`
        : request.name;
    // An unzipped artifact takes its name from the file, so upload a link that bears the name.
    const staging = request.archive ? undefined : await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), "lucca-artifact-"));
    try {
        let file = request.filePath;
        if (staging) {
            file = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(staging, name);
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.link)(request.filePath, file).catch(async () => {
                const { copyFile } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 51455, 23));
                await copyFile(request.filePath, file);
            });
        }
        if (request.overwrite)
            await deleteIfPresent(client, name);
        const uploaded = await client.uploadArtifact(name, [file], (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(file), {
            retentionDays: request.retentionDays,
            skipArchive: !request.archive,
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


/***/ })

};
