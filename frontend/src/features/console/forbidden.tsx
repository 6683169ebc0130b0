import { Alert, Button, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Alert color="red" role="alert">
        {t("console.forbidden")}
      </Alert>
      <Button component={Link} to="/console">
        {t("console.chooseShop")}
      </Button>
    </Stack>
  );
}
