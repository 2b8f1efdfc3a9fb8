import { VERSION } from "../version.ts";

/** The usage `--help` prints: the whole tool's, or one command's. */
export type HelpTopic = "report" | "doctor" | "template" | "template-create";

export const HELP = `lucca-report ${VERSION}: generate a Lucca Timesheet report and save it as a file.

Usage:
  lucca-report --domain URL --template-id ID [period] [options]
  lucca-report --domain URL --report-id ID [options]          download an existing report
  lucca-report template create --domain URL --file template.json
  lucca-report doctor --domain URL --template-id ID [--json]   check what your tenant does

  lucca-report doctor --help, lucca-report template create --help: each command's usage

The API key is read from the LUCCA_API_KEY environment variable or --api-key-file PATH,
never from a flag value.

Report:
  --domain URL               Lucca domain, e.g. https://acme.ilucca.net (env LUCCA_DOMAIN)
  --template-id ID           report template id (env LUCCA_TEMPLATE_ID); repeat it or give
                             ids separated by commas for several templates
  --api-key-file PATH        read the API key from this file instead of LUCCA_API_KEY
  --report-id ID             resume: wait for / download this existing report
  --format csv|excel         file format (default csv)
  --output PATH              where to write (default reports/{templateId}_{startsOn}_{endsOn}.csv);
                             placeholders {templateId} {startsOn} {endsOn} {year} {month} {reportId}

Period (default: the template's own period):
  --start YYYY-MM-DD --end YYYY-MM-DD    explicit dates, end inclusive
  --period NAME              previous-month, current-month, previous-week, current-week,
                             previous-day, or a month as YYYY-MM; several months, one report
                             each: YYYY-MM..YYYY-MM (at most 36) or last-N-months
  --timezone IANA            zone used to resolve --period (default UTC); weeks start Monday
  --end-date-convention C    inclusive (default): endsOn sent is the last day; exclusive:
                             the day after it (compare once with the Lucca UI)

Waiting and retries (durations: 1500ms, 90s, 15m, 1h30m, or seconds):
  --timeout D                overall deadline (default 15m)
  --poll-interval D          first wait between status checks (default 1s)
  --max-poll-interval D      longest wait between status checks (default 8s)
  --request-timeout D        per request (default 30s)
  --max-retries N            retries of a failed request (default 5)
  --generation-attempts N    reports created in all when Lucca fails one (default 2)
  --allow-host HOST          allow a domain outside Lucca's host names (repeatable)

Several reports (several templates or months):
  --concurrency N            reports generated at once (default 3, at most 10)
  --requests-per-minute N    budget shared by every request of the run (default 20, max 50)
  --fail-fast                stop at the first failed report

Output:
  --json                     print one JSON object per report on stdout (JSON Lines, in
                             the order asked; the same keys for one report or many,
                             failed ones included: docs/cli.md)
  --trace FILE               write every HTTP exchange to FILE as JSON lines (no key, no
                             values: headers without credentials, bodies as their shape)
  -q, --quiet                only errors on stderr
  -v, --verbose              every status check and retry on stderr
  -h, --help, --version

Exit codes: 0 done, 1 unexpected error, 2 invalid input, 3 Lucca rejected the request,
4 the report failed after every attempt, 5 timeout (resume with --report-id),
6 network or server failure after retries, 129/130/143 interrupted (SIGHUP/INT/TERM).
With several reports, the highest code among the failed reports (an interruption first).
`;

const CONNECTION = `  --domain URL               Lucca domain, e.g. https://acme.ilucca.net (env LUCCA_DOMAIN)
  --api-key-file PATH        read the API key from this file instead of LUCCA_API_KEY
  --allow-host HOST          allow a domain outside Lucca's host names (your own proxy)`;

export const DOCTOR_HELP = `Usage: lucca-report doctor --domain URL --template-id ID [options]

Runs the whole flow once, for yesterday, into a temporary directory that is removed, and
prints step by step what your Lucca tenant did (key accepted, envelopes, status words, the
download's redirect and the file's encoding, delimiter and header line). Nothing is kept.

Example:
  export LUCCA_API_KEY=...
  lucca-report doctor --domain https://acme.ilucca.net --template-id 42 --json

Options:
${CONNECTION}
  --template-id ID           the report template to try (env LUCCA_TEMPLATE_ID)
  --timezone IANA            zone in which "yesterday" is taken (default UTC)
  --timeout D                overall deadline (default 15m)
  --json                     print the profile as JSON: no key, no people, no CSV rows;
                             paste it into an issue to tell us what your tenant does
  --trace FILE               write every HTTP exchange to FILE as JSON lines
  -q, --quiet                no progress on stderr

Exit codes: 0 the flow works, else the code of the step that failed (see lucca-report --help).
`;

export const TEMPLATE_HELP = `Usage: lucca-report template create --domain URL --file template.json

Report templates are made in the Lucca Timesheet UI; \`template create\` posts one from a
JSON file and prints its new id (lucca-report template create --help for the file's form).
`;

export const TEMPLATE_CREATE_HELP = `Usage: lucca-report template create --domain URL --file template.json [options]

Creates a report template and prints its id (with --json: {"templateId": "..."}), for
--template-id. The file is the JSON payload the Lucca Timesheet UI sends: a blueprintId
(times, activities, timesheets, comments, alerts or accounts), a name, and the columns,
each with its kind. For example (examples/report-template.json):

  {
    "id": 0,
    "blueprintId": "times",
    "name": "Rapport sur les temps",
    "columns": [
      { "kind": "ownerName", "name": "Collaborateur", "description": "",
        "category": "owner", "isRequired": true, "isPeriodic": false, "isDefault": true },
      { "kind": "attendanceTime", "name": "Temps de présence", "description": "",
        "category": "time", "isRequired": true, "isPeriodic": true, "isDefault": true }
    ]
  }

Known column kinds: ownerName, ownerDepartment (category owner); attendanceTime,
leavesDuration, theoreticalWorkingTime (category time; periodic columns repeat for each
period of the report).

Example:
  export LUCCA_API_KEY=...
  lucca-report template create --domain https://acme.ilucca.net --file examples/report-template.json

Options:
${CONNECTION}
  --file PATH                the template's JSON payload
  --json                     print {"templateId": "..."} instead of the bare id
  --request-timeout D        per request (default 30s)
  --max-retries N            retries of a failed request (default 5)
`;

const TOPICS: Record<HelpTopic, string> = {
  report: HELP,
  doctor: DOCTOR_HELP,
  template: TEMPLATE_HELP,
  "template-create": TEMPLATE_CREATE_HELP,
};

export function helpFor(topic: HelpTopic): string {
  return TOPICS[topic];
}
