// The record counter alone, on 1 GiB in memory: the WebAssembly SIMD counter against the
// JavaScript word-wise scan it replaced (now its fallback) and Buffer.indexOf counting line
// feeds (which knows nothing of quotes: a floor for "native" speed, not an alternative).
import {
  countRecordsWordWise,
  type RecordCount,
  type RecordCounter,
  wasmRecordCounter,
} from "../src/core/row-counter/row-counter.ts";
import { type Figure, round } from "./figures.ts";

const GIB = 1024 ** 3;
const CHUNK = 64 * 1024;
const RUNS = 3;

/** Lucca-like rows: quoted fields with the delimiter and a line break now and then. */
function sample(): Uint8Array {
  const rows = [
    'Zoé Martin;Paie;151,67;"Astreinte; week-end";2026-10-01\r\n',
    'Bob Dupont;IT;140,00;"Note ligne 1\r\nligne 2 ""citée""";2026-10-02\r\n',
    "Éloïse;RH;7,5;;2026-10-03\r\n",
  ].map((row) => new TextEncoder().encode(row));
  const bytes = new Uint8Array(GIB);
  let offset = 0;
  for (let i = 0; offset < GIB; i++) {
    const row = rows[i % rows.length] as Uint8Array;
    bytes.set(row.subarray(0, Math.min(row.length, GIB - offset)), offset);
    offset += row.length;
  }
  return bytes;
}

function best(bytes: Uint8Array, count: RecordCounter): { gbps: number; records: number } {
  let fastest = Number.POSITIVE_INFINITY;
  let records = 0;
  for (let run = 0; run < RUNS; run++) {
    const state: RecordCount = { records: 0, quoted: false, content: false };
    const started = performance.now();
    // In network-sized chunks, as a download feeds it.
    for (let at = 0; at < bytes.length; at += CHUNK) count(bytes.subarray(at, at + CHUNK), state);
    fastest = Math.min(fastest, performance.now() - started);
    records = state.records + (state.content ? 1 : 0);
  }
  return { gbps: bytes.length / fastest / 1e6, records };
}

const lineFeeds: RecordCounter = (chunk, state) => {
  const buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  for (let at = buffer.indexOf(10); at >= 0; at = buffer.indexOf(10, at + 1)) state.records++;
};

export async function rowCounterFigures(): Promise<Figure[]> {
  const wasm = wasmRecordCounter();
  if (!wasm) throw new Error("this Node has no WebAssembly SIMD");
  const bytes = sample();
  const simd = best(bytes, wasm);
  const words = best(bytes, countRecordsWordWise);
  const indexOf = best(bytes, lineFeeds);
  if (simd.records !== words.records) {
    throw new Error(`the counters disagree: ${simd.records} and ${words.records} records`);
  }
  return [
    {
      name: "row counter alone, 1 GiB in memory: WebAssembly SIMD",
      value: round(simd.gbps, 2),
      unit: "GB/s",
      reference: `today's JavaScript scan (the fallback) ${round(words.gbps, 2)} GB/s; Buffer.indexOf of LF (no quotes) ${round(indexOf.gbps, 2)} GB/s; best of ${RUNS}, 64 KiB chunks; ${simd.records} records both ways`,
      target: ">= 3",
      met: simd.gbps >= 3,
    },
  ];
}
