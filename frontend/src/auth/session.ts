// The browser session. The access token lives only in memory (never in storage); the refresh token
// lives in an HttpOnly cookie the API sets, which script cannot read. A reload restores the session by
// one refresh call.
import type { components } from "../api/schema";

export type Account = components["schemas"]["AccountResponse"];
type TokenResponse = components["schemas"]["TokenResponse"];

export interface Session {
  accessToken: string;
  /** When the access token expires (ms since the epoch). */
  expiresAt: number;
  account: Account;
}

/** Says "this browser has a session cookie", so anonymous visitors don't make a refresh call that
 * can only fail. It holds no secret. */
const MARKER = "kaimono.signed-in";

let session: Session | null = null;
let restored = false;
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getSession(): Session | null {
  return session;
}

export function currentAccessToken(): string | null {
  return session?.accessToken ?? null;
}

export function isRestored(): boolean {
  return restored;
}

export function signIn(tokens: TokenResponse): void {
  session = {
    accessToken: tokens.access_token,
    expiresAt: Date.now() + tokens.expires_in * 1000,
    account: tokens.account,
  };
  restored = true;
  localStorage.setItem(MARKER, "1");
  emit();
}

/** The access token, refreshed first if it expires within 30 seconds. */
export async function freshAccessToken(): Promise<string | null> {
  if (session && session.expiresAt - Date.now() < 30_000) return refreshSession();
  return session?.accessToken ?? null;
}

export function updateAccount(account: Account): void {
  if (session) {
    session = { ...session, account };
    emit();
  }
}

export function clearSession(): void {
  session = null;
  restored = true;
  localStorage.removeItem(MARKER);
  emit();
}

let inFlight: Promise<string | null> | null = null;

/** Exchanges the refresh cookie for a new access token; one request at a time. */
export function refreshSession(): Promise<string | null> {
  inFlight ??= fetch("/api/v1/auth/refresh", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  })
    .then(async (response) => {
      if (!response.ok) {
        clearSession();
        return null;
      }
      const tokens = (await response.json()) as TokenResponse;
      signIn(tokens);
      return tokens.access_token;
    })
    .catch(() => {
      clearSession();
      return null;
    })
    .finally(() => {
      inFlight = null;
    });
  return inFlight;
}

/** At start-up: resume the session from the cookie if there is one. */
export async function restoreSession(): Promise<void> {
  if (restored) return;
  if (localStorage.getItem(MARKER)) await refreshSession();
  else restored = true;
}

export async function signOut(): Promise<void> {
  await fetch("/api/v1/auth/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: "{}",
  }).catch(() => undefined);
  clearSession();
}
