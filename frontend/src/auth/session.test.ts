import { afterEach, describe, expect, it, vi } from "vitest";
import { clearSession, freshAccessToken, getSession, signIn } from "./session";

const account = {
  id: "a",
  email: "m@example.jp",
  role: "member",
  name: "山田",
  name_kana: "ヤマダ",
  phone: "0",
  locale: "ja" as const,
  shops: [],
  created_at: "",
};
const tokens = (accessToken: string, expiresIn: number) => ({
  access_token: accessToken,
  token_type: "Bearer",
  expires_in: expiresIn,
  refresh_expires_at: "",
  account,
});

afterEach(() => {
  clearSession();
  vi.restoreAllMocks();
});

describe("browser session (ACC-02)", () => {
  it("keeps the access token in memory only, with a marker that holds no secret", () => {
    signIn(tokens("eyJ.secret.token", 900));
    expect(getSession()?.accessToken).toBe("eyJ.secret.token");
    expect(JSON.stringify(localStorage)).not.toContain("eyJ");
    clearSession();
    expect(localStorage.length).toBe(0);
  });

  it("refreshes from the cookie before a token that is about to expire is used", async () => {
    signIn(tokens("old", 10));
    const fetch = vi
      .spyOn(globalThis, "fetch")
      .mockResolvedValue(new Response(JSON.stringify(tokens("new", 900)), { status: 200 }));
    expect(await freshAccessToken()).toBe("new");
    expect(fetch).toHaveBeenCalledWith("/api/v1/auth/refresh", expect.objectContaining({ method: "POST" }));
  });

  it("calls the API at start-up only when this browser signed in before", async () => {
    vi.resetModules();
    const visitor = await import("./session");
    const fetch = vi.spyOn(globalThis, "fetch").mockResolvedValue(new Response("{}", { status: 401 }));
    await visitor.restoreSession();
    expect(fetch).not.toHaveBeenCalled();

    localStorage.setItem("kaimono.signed-in", "1");
    vi.resetModules();
    const returning = await import("./session");
    await returning.restoreSession();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(localStorage.getItem("kaimono.signed-in")).toBeNull(); // a dead cookie clears the marker
  });
});
