import "@mantine/core/styles.css";
import "@mantine/notifications/styles.css";
import "./print.css";
import "./i18n/index";
import { type CSSVariablesResolver, MantineProvider, createTheme } from "@mantine/core";
import { Notifications } from "@mantine/notifications";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { ApiProblem } from "./api/problem";
import { router } from "./app";
import { restoreSession } from "./auth/session";

// Contrast of at least 4.5:1 for text on filled badges and buttons: the darkest shade of each colour, and
// black text where a colour stays light (yellow, orange, green).
const theme = createTheme({
  primaryColor: "indigo",
  primaryShade: 9,
  autoContrast: true,
  luminanceThreshold: 0.18,
  fontFamily:
    '-apple-system, BlinkMacSystemFont, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif',
});

// Secondary ("dimmed") text darker than Mantine's default gray (3.3:1 on white): 5.9:1.
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { "--mantine-color-dimmed": "#5f666d" },
  dark: {},
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
        <MantineProvider theme={theme} cssVariablesResolver={resolver}>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <RouterProvider router={router} />
          </QueryClientProvider>
        </MantineProvider>
      </StrictMode>,
    );
  });
}
