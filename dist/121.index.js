export const id = 121;
export const ids = [121];
export const modules = {

/***/ 42121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffCsvFiles: () => (/* binding */ diffCsvFiles)
});

// UNUSED EXPORTS: normalisedSha256

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/publish/csv-records.ts

/**
 * The records of a CSV file, streamed from disk: quoted fields may hold line breaks; CRLF
 * and LF end records alike (and are written as LF inside a record); a BOM and blank lines
 * are dropped.
 */
async function* csvRecords(path) {
    const decoder = new TextDecoder("utf-8");
    let pending = "";
    let quoted = false;
    for await (const chunk of (0,external_node_fs_.createReadStream)(path)) {
        const text = decoder.decode(chunk, { stream: true });
        let start = 0;
        for (let i = 0; i < text.length; i++) {
            const char = text.charCodeAt(i);
            if (char === 0x22)
                quoted = !quoted;
            else if (!quoted && (char === 0x0a || char === 0x0d)) {
                const record = pending + text.slice(start, i);
                pending = "";
                start = i + 1;
                if (record !== "")
                    yield normalise(record);
            }
        }
        pending += text.slice(start);
    }
    pending += decoder.decode();
    if (pending !== "")
        yield normalise(pending);
}
function normalise(record) {
    return record.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

;// CONCATENATED MODULE: ./src/publish/csv-diff.ts


const EXAMPLE_LENGTH = 200;
/**
 * Compares two CSV reports by content: which rows were added and removed, whatever their
 * order. Keeps a hash per distinct row, never the rows themselves, beyond a few examples.
 */
async function diffCsvFiles(previousPath, currentPath, options = {}) {
    const examples = options.examples ?? 3;
    const maxRecords = options.maxRecords ?? 2_000_000;
    const previous = await countRecords(previousPath, options.ignoreLines, maxRecords);
    const counts = previous.counts;
    const addedExamples = [];
    let added = 0;
    let header;
    let records = 0;
    for await (const record of keptRecords(currentPath, options.ignoreLines)) {
        records++;
        if (header === undefined) {
            header = record;
            continue;
        }
        if (!counts || records > maxRecords)
            continue;
        const key = hashOf(record);
        const left = counts.get(key) ?? 0;
        if (left > 0)
            counts.set(key, left - 1);
        else {
            added++;
            if (addedExamples.length < examples)
                addedExamples.push(cut(record));
        }
    }
    if (!counts || records > maxRecords) {
        const same = previous.sha256 === (await normalisedSha256(currentPath, options.ignoreLines));
        return {
            changed: !same,
            added: 0,
            removed: 0,
            addedExamples: [],
            removedExamples: [],
            comparedRecords: false,
        };
    }
    const removedExamples = [];
    let removed = 0;
    for (const count of counts.values())
        removed += count;
    if (removed > 0) {
        let first = true;
        for await (const record of keptRecords(previousPath, options.ignoreLines)) {
            if (first) {
                first = false;
                continue;
            }
            const key = hashOf(record);
            const left = counts.get(key) ?? 0;
            if (left > 0) {
                counts.set(key, left - 1);
                removedExamples.push(cut(record));
                if (removedExamples.length >= examples)
                    break;
            }
        }
    }
    const changed = added > 0 || removed > 0 || header !== previous.header;
    return { changed, added, removed, addedExamples, removedExamples, comparedRecords: true };
}
/** SHA-256 over the records left after `ignoreLines`, line ends and BOM normalised. */
async function normalisedSha256(path, ignoreLines) {
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const record of keptRecords(path, ignoreLines))
        hash.update(`${record}\n`);
    return hash.digest("hex");
}
async function countRecords(path, ignoreLines, maxRecords) {
    let counts = new Map();
    let header;
    let records = 0;
    const hash = (0,external_node_crypto_.createHash)("sha256");
    for await (const record of keptRecords(path, ignoreLines)) {
        hash.update(`${record}\n`);
        records++;
        if (header === undefined) {
            header = record;
            continue;
        }
        if (counts && records > maxRecords)
            counts = undefined;
        if (counts) {
            const key = hashOf(record);
            counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
    return { counts, header, sha256: hash.digest("hex") };
}
async function* keptRecords(path, ignoreLines) {
    for await (const record of csvRecords(path)) {
        if (!ignoreLines?.test(record))
            yield record;
    }
}
function hashOf(record) {
    return (0,external_node_crypto_.createHash)("sha1").update(record).digest("base64");
}
function cut(record) {
    const flat = record.replace(/\n/g, "⏎");
    return flat.length > EXAMPLE_LENGTH ? `${flat.slice(0, EXAMPLE_LENGTH - 1)}…` : flat;
}


/***/ })

};
