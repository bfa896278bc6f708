import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/auth/sign-up-rules";

const email = "someone.else@example.org";

describe("the password rules", () => {
  it("refuses the three reported passwords, each with its own reason", () => {
    expect(passwordProblem("          ", email)).toMatch(/only spaces/i);
    expect(passwordProblem(email, email)).toMatch(/email address/i);
    expect(passwordProblem("password12", email)).toMatch(/commonly used|easy to guess/i);
  });

  it("refuses the email in other cases and its part before the @, and common or patterned passwords", () => {
    const weak = [
      "SOMEONE.ELSE@EXAMPLE.ORG",
      "someone.else",
      "qwertyuiop",
      "1234567890",
      "aaaaaaaaaaaa",
      "abcabcabcabc",
      "Password123",
      "iloveyou12",
      "\u200B".repeat(10),
      " \u00A0 \u3000 \t   \n ",
      "short",
      "x".repeat(129),
    ];
    for (const password of weak) expect(passwordProblem(password, email), JSON.stringify(password)).not.toBeNull();
    console.log(`fault: ${weak.length + 3} weak passwords`);
  });

  it("accepts good passphrases and keeps spaces around a password as typed", () => {
    for (const password of [
      "a quiet harbour at dusk",
      "correct horse battery",
      "my cat eats paper at dawn",
      "Tr0ub4dor&3x!",
      "  a quiet harbour at dusk  ",
      "ein ruhiger Hafen am Abend",
      "静かな港の夕暮れ時に",
    ]) {
      expect(passwordProblem(password, email), JSON.stringify(password)).toBeNull();
    }
  });
});
