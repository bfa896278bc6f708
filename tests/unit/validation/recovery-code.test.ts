import { describe, expect, it } from "vitest";
import { formatRecoveryCode, normaliseRecoveryCode, recoveryCode } from "@/lib/validation/recovery-code";

describe("a typed recovery code", () => {
  it("is read whatever its case, spaces and dashes, with O read as 0 and I or L as 1", () => {
    expect(normaliseRecoveryCode(" abcd-efgh jkmn-pqrs-tvwx ")).toBe("ABCDEFGHJKMNPQRSTVWX");
    expect(normaliseRecoveryCode("oOiIlL")).toBe("001111");
    expect(recoveryCode.parse("3ypw-22q5-ywfp-wz7p-twjk")).toBe("3YPW22Q5YWFPWZ7PTWJK");
  });

  it("is refused with a reason when it is missing, the wrong length or holds other characters", () => {
    const message = (typed: string) => recoveryCode.safeParse(typed).error?.issues[0]?.message;
    expect(message("")).toBe("Please enter your recovery code.");
    expect(message("ABCD-EFGH")).toMatch(/has 20 letters and digits/);
    expect(message("ABCD-EFGH-JKMN-PQRS-TVW!")).toMatch(/only letters and digits/);
    expect(message("U".repeat(20))).toMatch(/only letters and digits/); // U is not in Crockford's alphabet
    expect(message("A".repeat(101))).toMatch(/too long/);
  });

  it("is shown in five groups of four", () => {
    expect(formatRecoveryCode("3YPW22Q5YWFPWZ7PTWJK")).toBe("3YPW-22Q5-YWFP-WZ7P-TWJK");
  });
});
