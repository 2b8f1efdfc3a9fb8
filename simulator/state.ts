import { randomBytes } from "node:crypto";
import {
  DEFAULTS,
  type FailureRule,
  type RecordedRequest,
  type SimulatedReport,
  type SimulatorOptions,
} from "./options.ts";
import { RateLimiter } from "./rate-limiter.ts";

export interface TemplateColumn {
  kind: string;
  name: string;
  category: string;
  isRequired: boolean;
  isDefault: boolean;
  isPeriodic: boolean;
}

export interface Template {
  id: string;
  name: string;
  columns: TemplateColumn[];
}

/** Everything both origins share; `options` is the live object the caller may change. */
export interface SimulatorState {
  options: SimulatorOptions;
  requests: RecordedRequest[];
  reports: Map<string, SimulatedReport>;
  /** Templates created through the API (the `templates` option lists the others). */
  createdTemplates: Map<string, Template>;
  nextReportId: number;
  nextTemplateId: number;
  limiter: RateLimiter;
  /** Matching requests already failed, per rule object. */
  failuresUsed: WeakMap<FailureRule, number>;
  resetsUsed: number;
  truncationsUsed: number;
  badDownloadsUsed: number;
  storageUrl: string;
  signingKey: Buffer;
  /** Signatures of storage URLs already downloaded completely. */
  usedSignatures: Set<string>;
  /** Aborted by close(): pending delays and streams stop. */
  closing: AbortController;
}

function column(kind: string, name: string, category: string): TemplateColumn {
  return {
    kind,
    name,
    category,
    isRequired: kind === "ownerName",
    isDefault: true,
    isPeriodic: false,
  };
}

export const DEFAULT_COLUMNS: TemplateColumn[] = [
  column("ownerName", "Collaborateur", "owner"),
  column("ownerEmployeeNumber", "Matricule", "owner"),
  column("ownerDepartment", "Département", "owner"),
  column("attendanceTime", "Temps de présence", "time"),
  column("leavesDuration", "Absences", "time"),
  column("theoreticalWorkingTime", "Temps théorique", "time"),
  column("comment", "Commentaire", "owner"),
];

export function createState(options: SimulatorOptions): SimulatorState {
  return {
    options,
    requests: [],
    reports: new Map(),
    createdTemplates: new Map(),
    nextReportId: 1001,
    nextTemplateId: 500,
    limiter: new RateLimiter(),
    failuresUsed: new WeakMap(),
    resetsUsed: 0,
    truncationsUsed: 0,
    badDownloadsUsed: 0,
    storageUrl: "",
    signingKey: randomBytes(32),
    usedSignatures: new Set(),
    closing: new AbortController(),
  };
}

export function findTemplate(state: SimulatorState, id: string): Template | undefined {
  const created = state.createdTemplates.get(id);
  if (created) return created;
  const known = state.options.templates ?? DEFAULTS.templates;
  return known.includes(id) ? { id, name: "Timesheet", columns: DEFAULT_COLUMNS } : undefined;
}
