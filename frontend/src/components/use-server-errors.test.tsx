import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/problem";
import "../i18n/index";
import { useFormErrors } from "./use-server-errors";

describe("useFormErrors", () => {
  it("puts a 422's field errors next to their fields", () => {
    const { result } = renderHook(() => useFormErrors<"postal_code" | "phone">());
    act(() =>
      result.current.capture(
        new ApiProblem({
          type: "urn:kaimono:problem:validation_failed",
          title: "Unprocessable Entity",
          status: 422,
          code: "validation_failed",
          errors: { postal_code: ["must be 7 digits"], phone: ["bad", "worse"] },
        }),
      ),
    );
    expect(result.current.errorOf("postal_code")).toBe("must be 7 digits");
    expect(result.current.errorOf("phone")).toBe("bad worse");
    expect(result.current.general).toBeNull();
  });

  it("translates client-side keys and shows other problems as the form's message", () => {
    const { result } = renderHook(() => useFormErrors<"email">());
    act(() => result.current.setFields({ email: "error.invalidEmail" }));
    expect(result.current.errorOf("email")).toBe("メールアドレスの形式が正しくありません。");
    act(() =>
      result.current.capture(
        new ApiProblem({ type: "x", title: "Unauthorized", status: 401, code: "invalid_credentials" }),
      ),
    );
    expect(result.current.general).toBe("メールアドレスまたはパスワードが違います。");
    expect(result.current.errorOf("email")).toBeUndefined();
  });

  it("shows a coded problem's translated message on the fields it names", () => {
    const { result } = renderHook(() => useFormErrors<"sku">());
    act(() =>
      result.current.capture(
        new ApiProblem({
          type: "x",
          title: "Conflict",
          status: 409,
          code: "sku_taken",
          errors: { sku: ["the SKU X is already in use"] },
        }),
      ),
    );
    expect(result.current.errorOf("sku")).toBe("このSKUはすでに使われています。");
    expect(result.current.general).toBe("このSKUはすでに使われています。");
  });
});
