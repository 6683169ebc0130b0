import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useSession } from "./use-session";

/** Sends signed-out visitors to the login page and back here afterwards. */
export function RequireAuth({ children, staff = false }: { children: ReactNode; staff?: boolean }) {
  const session = useSession();
  const location = useLocation();
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  if (staff && session.account.role === "member") return <Navigate to="/" replace />;
  return <>{children}</>;
}
