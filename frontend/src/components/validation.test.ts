import { describe, expect, it } from "vitest";
import { check, isBankKana, isEmail, isKana, isPassword, isPhone } from "./validation";

describe("validation", () => {
  // ACC-01 / ACC-05: the same rules as the API.
  it("accepts what the API accepts", () => {
    expect(isEmail("hanako@example.jp")).toBe(true);
    expect(isEmail("hanako@")).toBe(false);
    expect(isKana("ヤマダ ハナコ")).toBe(true);
    expect(isKana("やまだ　はなこ")).toBe(true);
    expect(isKana("山田")).toBe(false);
    expect(isPhone("090-1234-5678")).toBe(true);
    expect(isPhone("03-1234-5678")).toBe(true);
    expect(isPhone("12345")).toBe(false);
    expect(isPassword("short")).toBe(false);
    expect(isPassword("long enough")).toBe(true);
    // PAY-05: a transfer's sender as the bank prints it, half-width katakana too.
    expect(isBankKana("ダイコウ ハナコ")).toBe(true);
    expect(isBankKana("ﾀﾞｲｺｳ ﾊﾅｺ")).toBe(true);
    expect(isBankKana("カ)モリコーヒー")).toBe(true);
    expect(isBankKana("だいこう")).toBe(false);
    expect(isBankKana("代行")).toBe(false);
  });

  it("collects only the failing fields", () => {
    expect(check({ email: false, password: "error.passwordLength" })).toEqual({
      password: "error.passwordLength",
    });
  });
});
