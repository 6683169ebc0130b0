// The one API client: every call goes through openapi-fetch with the generated types. It adds the
// in-memory access token, refreshing it first (from the HttpOnly cookie) when it is about to expire. If
// the API still says it expired (a computer woke from sleep mid-request), a bodiless request is retried
// once after a refresh; a request with a body cannot be replayed, so its 401 reaches the caller.
import createClient, { type Middleware } from "openapi-fetch";
import { freshAccessToken, refreshSession } from "../auth/session";
import type { paths } from "./schema";

const retried = new WeakSet<Request>();

const auth: Middleware = {
  async onRequest({ request }) {
    if (request.url.includes("/api/v1/auth/")) return request;
    const token = await freshAccessToken();
    if (token && !request.headers.has("Authorization"))
      request.headers.set("Authorization", `Bearer ${token}`);
    return request;
  },
  async onResponse({ request, response }) {
    if (response.status !== 401 || retried.has(request) || request.url.includes("/api/v1/auth/"))
      return response;
    const problem = (await response
      .clone()
      .json()
      .catch(() => null)) as { code?: string } | null;
    if (problem?.code !== "token_expired") return response;
    const token = await refreshSession();
    if (!token) return response;
    const retry = new Request(request, { headers: new Headers(request.headers) });
    retry.headers.set("Authorization", `Bearer ${token}`);
    retried.add(retry);
    return fetch(retry);
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(auth);
