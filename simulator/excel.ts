/** The OLE2 compound-file signature that opens every .xls file. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const EXCEL_BYTES = 4096;

/**
 * A small deterministic stand-in for an .xls file: the real signature, then bytes from a
 * linear congruential generator seeded with the report id. Nothing reads it as a workbook.
 */
export function excelBody(reportId: number): Buffer {
  return seeded(reportId, OLE2_MAGIC);
}

/** The local-file-header signature that opens every ZIP, hence every .xlsx. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The same kind of stand-in for an .xlsx: a ZIP signature, then seeded bytes. */
export function xlsxBody(reportId: number): Buffer {
  return seeded(reportId, ZIP_MAGIC);
}

function seeded(reportId: number, magic: number[]): Buffer {
  const body = Buffer.alloc(EXCEL_BYTES);
  body.set(magic);
  let state = reportId >>> 0;
  for (let i = magic.length; i < EXCEL_BYTES; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    body[i] = state >>> 24;
  }
  return body;
}
