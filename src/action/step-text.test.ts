import { describe, expect, it } from "vitest";
import { stepCommitMessage, stepValues } from "./step-text.ts";

const spec = (templateId: string, startsOn: string | null, endsOn: string | null) => ({
  templateId,
  period: { startsOn, endsOn },
});

describe("the step's placeholder values with several reports", () => {
  it("joins the template ids once each, in order, and spans the periods", () => {
    const specs = [
      spec("43", "2026-10-01", "2026-10-31"),
      spec("42", "2026-09-01", "2026-09-30"),
      spec("43", "2026-09-01", "2026-09-30"),
      spec("42", "2026-10-01", "2026-10-31"),
    ];
    expect(stepValues(specs, 3)).toMatchObject({
      templateId: "43+42",
      startsOn: "2026-09-01",
      endsOn: "2026-10-31",
      count: "3",
    });
    expect(stepValues([spec("42", null, null), spec("43", null, null)], 2)).toMatchObject({
      startsOn: "default",
      endsOn: "default",
    });
  });

  it("makes the commit subject from commit-message, one line, and lists the files", () => {
    const specs = [spec("42", "2026-09-01", "2026-09-30"), spec("43", "2026-09-01", "2026-09-30")];
    expect(
      stepCommitMessage("Add Lucca report {templateId} {startsOn}..{endsOn}", specs, ["a.csv"]),
    ).toBe("Add 1 Lucca report\n\n- a.csv\n");
    expect(
      stepCommitMessage("Reports {templateId} ({count})\nsecond line", specs, ["a.csv", "b.csv"]),
    ).toBe("Reports 42+43 (2)\n\n- a.csv\n- b.csv\n");
  });
});
