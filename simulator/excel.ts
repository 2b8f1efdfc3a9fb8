/** The OLE2 compound-file signature that opens every .xls file. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const EXCEL_BYTES = 4096;

/**
 * A small deterministic stand-in for an .xls file: the real signature, then bytes from a
 * linear congruential generator seeded with the report id. Nothing reads it as a workbook.
 */
export function excelBody(reportId: number): Buffer {
  const body = Buffer.alloc(EXCEL_BYTES);
  body.set(OLE2_MAGIC);
  let state = reportId >>> 0;
  for (let i = OLE2_MAGIC.length; i < EXCEL_BYTES; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    body[i] = state >>> 24;
  }
  return body;
}
