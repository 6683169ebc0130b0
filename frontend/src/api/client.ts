// The one API client: every call goes through openapi-fetch with the generated types. It adds the
// in-memory access token and, when the API says the token has expired, refreshes it once (from the
// HttpOnly cookie) and retries the request.
import createClient, { type Middleware } from "openapi-fetch";
import { currentAccessToken, refreshSession } from "../auth/session";
import type { paths } from "./schema";

const retried = new WeakSet<Request>();

const auth: Middleware = {
  onRequest({ request }) {
    const token = currentAccessToken();
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
