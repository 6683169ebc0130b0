import { PageTitle } from "../../components/page-title";
import { Alert, Card, Stack } from "@mantine/core";
import type { ReactNode } from "react";

/** The frame of the sign-in and sign-up pages. */
export function AuthCard({
  title,
  error,
  children,
}: {
  title: string;
  error?: string | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder maw={440} mx="auto" mt="md" p="lg">
      <Stack>
        <PageTitle size="h2">{title}</PageTitle>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {children}
      </Stack>
    </Card>
  );
}
