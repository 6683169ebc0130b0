import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./i18n/index";
import { MantineProvider, createTheme } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { ApiProblem } from "./api/problem";
import { router } from "./app";
import { restoreSession } from "./auth/session";

const theme = createTheme({
  primaryColor: "indigo",
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif',
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // Client errors (404, 403 …) will not change on retry.
      retry: (count, error) => !(error instanceof ApiProblem && error.status < 500) && count < 2,
    },
  },
});

const root = document.getElementById("root");
if (root) {
  // Resume the session from the refresh cookie before the first render, so protected pages don't bounce.
  void restoreSession().finally(() => {
    createRoot(root).render(
      <StrictMode>
        <MantineProvider theme={theme}>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    );
  });
}
