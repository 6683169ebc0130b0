import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ApiProblem } from "../api/problem";
import { renderWithProviders } from "../test/render";
import { ErrorState } from "./states";

describe("ErrorState", () => {
  it("turns an API problem into a readable Japanese message with a retry", () => {
    const problem = new ApiProblem({
      type: "urn:kaimono:problem:internal_error",
      title: "Internal Server Error",
      status: 500,
      code: "internal_error",
    });
    renderWithProviders(<ErrorState error={problem} onRetry={() => undefined} />);
    expect(screen.getByRole("alert").textContent).toContain("読み込めませんでした。");
    expect(screen.getByRole("button", { name: "再読み込み" })).toBeTruthy();
  });

  it("shows a known code in words, and no retry for a 404", () => {
    const problem = new ApiProblem({
      type: "urn:kaimono:problem:not_found",
      title: "Not Found",
      status: 404,
      code: "not_found",
    });
    renderWithProviders(<ErrorState error={problem} onRetry={() => undefined} />);
    expect(screen.getByRole("alert").textContent).toContain("見つかりませんでした。");
    expect(screen.queryByRole("button")).toBeNull();
  });
});
