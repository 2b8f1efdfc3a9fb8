/**
 * The synthetic timesheet content: header, row values and CSV quoting. Everything here is a
 * pure function of the culture, the period seed and the row's position in the pool cycle.
 */

export type Culture = "fr" | "en";
export type LineEnding = "\r\n" | "\n";

const NAMES = [
  "Marie Dupont",
  "Zoé Lefèvre",
  "Jürgen Müller",
  "Léa Martin",
  "Hugo Bernard",
  "Chloé Petit",
  "Lucas Moreau",
  "Inès Garnier",
  "Théo Roux",
  "Camille Faure",
  "Noémie Girard",
  "Mathis André",
  "Élodie Mercier",
  "Karim Benali",
  "Sofia Rossi",
  "Björn Åkesson",
];

const DEPARTMENTS: Record<Culture, string[]> = {
  fr: ["Comptabilité", "Ressources humaines", "R&D", "Ventes", "Support client", "Logistique"],
  en: ["Accounting", "Human resources", "R&D", "Sales", "Customer support", "Logistics"],
};

const HEADERS: Record<Culture, string[]> = {
  fr: [
    "Collaborateur",
    "Matricule",
    "Département",
    "Temps de présence",
    "Absences",
    "Temps théorique",
    "Commentaire",
  ],
  en: [
    "Employee",
    "Employee number",
    "Department",
    "Attendance time",
    "Leaves",
    "Theoretical time",
    "Comment",
  ],
};

/** Contract hours per month, in hundredths: 35 h, 28 h, 39 h, 17.5 h and 31.5 h a week. */
const THEORETICAL = [15167, 12133, 16900, 7583, 13650];

/**
 * Rows repeat their name, department, note and numbers with this period, which lets the
 * generator precompute one block of rows and the byte length be computed in O(1).
 * It is a multiple of the pools' sizes and of 7 and 13 (the note cadences).
 */
export const PERIOD = 16 * 3 * 7 * 13;

/** Employee numbers are written as exactly this many digits (zero-padded). */
export const NUMBER_DIGITS = 8;

export function delimiterOf(culture: Culture): string {
  return culture === "fr" ? ";" : ",";
}

export function csvField(value: string, delimiter: string): string {
  if (value.includes(delimiter) || /["\r\n]/.test(value)) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

export function headerLine(culture: Culture, eol: LineEnding): string {
  const delimiter = delimiterOf(culture);
  return HEADERS[culture].map((field) => csvField(field, delimiter)).join(delimiter) + eol;
}

/** FNV-1a, so that different periods give different (but stable) numbers. */
export function periodSeed(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  const text = `${startsOn ?? ""}|${endsOn ?? ""}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

function mix(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function hours(hundredths: number, culture: Culture): string {
  const cents = hundredths % 100;
  return `${Math.trunc(hundredths / 100)}${culture === "fr" ? "," : "."}${cents < 10 ? "0" : ""}${cents}`;
}

function note(row: number, culture: Culture, eol: LineEnding): string {
  if (row % 13 === 0) {
    return culture === "fr"
      ? `Note ligne 1${eol}ligne 2 : "à valider"`
      : `Note line 1${eol}line 2: "to check"`;
  }
  if (row % 7 === 0) return culture === "fr" ? "Astreinte; week-end" : "On call, weekend";
  return "";
}

/**
 * One data row split around its employee number, which the generator patches in per row.
 * `row` is 1-based; only its position in the PERIOD cycle matters.
 */
export function rowParts(
  row: number,
  seed: number,
  culture: Culture,
  eol: LineEnding,
): { before: string; after: string } {
  const delimiter = delimiterOf(culture);
  const k = (row - 1) % PERIOD;
  const h = mix(Math.imul(k + 1, 0x9e3779b1) ^ seed);
  const theoretical = THEORETICAL[h % THEORETICAL.length] ?? 15167;
  const leaves = (h >>> 8) % 10 < 7 ? 0 : (1 + ((h >>> 12) % 5)) * 700;
  const attendance = Math.max(0, theoretical - leaves + ((h >>> 16) % 1200) - 300);
  const name = NAMES[k % NAMES.length] ?? "";
  const department = DEPARTMENTS[culture][k % 6] ?? "";
  const before = csvField(name, delimiter) + delimiter;
  const after = [
    "",
    csvField(department, delimiter),
    hours(attendance, culture),
    hours(leaves, culture),
    hours(theoretical, culture),
    csvField(note(k + 1, culture, eol), delimiter),
  ].join(delimiter);
  return { before, after: after + eol };
}
