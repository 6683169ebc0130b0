// The browser session. The access token lives only in memory (never in storage); the refresh token
// lives in an HttpOnly cookie the API sets, which script cannot read. A reload restores the session by
// one refresh call.
import type { components } from "../api/schema";

export type Account = components["schemas"]["AccountResponse"];
type TokenResponse = components["schemas"]["TokenResponse"];

export interface Session {
  accessToken: string;
  account: Account;
}

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
  session = { accessToken: tokens.access_token, account: tokens.account };
  restored = true;
  emit();
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
  if (!restored) await refreshSession();
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
