import { describe, expect, it } from "vitest";
import { luhnValid, tokenize } from "./sandbox";

const today = new Date(2026, 10, 22);

describe("PAY-01 sandbox tokenization", () => {
  it("turns a test card into a token that carries no card number", () => {
    const result = tokenize({ number: "4242 4242 4242 4242", expiry: "12/30", cvc: "123" }, today);
    expect("token" in result).toBe(true);
    if ("token" in result) {
      expect(result.token).toMatch(/^sbx\.ok\.visa\.4242\.12\.2030\.[0-9a-f]{32}$/);
      expect(result.token).not.toContain("424242424242");
    }
    const declined = tokenize({ number: "4000000000000002", expiry: "01/27", cvc: "1234" }, today);
    expect("token" in declined && declined.token.startsWith("sbx.decline.visa.0002.01.2027.")).toBe(true);
  });

  it("names the wrong fields", () => {
    expect(tokenize({ number: "4242424242424241", expiry: "13/30", cvc: "1" }, today)).toEqual({
      errors: { number: "pay.invalidNumber", expiry: "pay.invalidExpiry", cvc: "pay.invalidCvc" },
    });
    expect(tokenize({ number: "4111111111111111", expiry: "10/26", cvc: "123" }, today)).toEqual({
      errors: { number: "pay.notTestCard", expiry: "pay.cardExpired" },
    });
    expect(tokenize({ number: "4242424242424242", expiry: "11/26", cvc: "123" }, today)).toHaveProperty(
      "token",
    );
  });

  it("checks the Luhn digit", () => {
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(luhnValid("4242424242424243")).toBe(false);
  });
});
