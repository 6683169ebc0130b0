import { Suspense } from "react";
import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Group,
  NavLink,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation, useNavigate } from "react-router";
import { api } from "../api/client";
import { signOut, updateAccount } from "../auth/session";
import { useSession } from "../auth/use-session";
import { Loading } from "./states";

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const change = async (language: string) => {
    await i18n.changeLanguage(language);
    // Signed-in members' emails follow the chosen language.
    if (session) {
      const { data } = await api.PATCH("/api/v1/me", { body: { locale: language === "en" ? "en" : "ja" } });
      if (data) updateAccount(data);
    }
  };
  return (
    <SegmentedControl
      size="xs"
      aria-label={t("nav.language")}
      value={i18n.language}
      onChange={(value) => void change(value)}
      data={[
        { value: "ja", label: "日本語" },
        { value: "en", label: "English" },
      ]}
    />
  );
}

export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const isStaff = session !== null && session.account.role !== "member";
  const links = [
    { to: "/", label: t("nav.home") },
    { to: "/products", label: t("nav.products") },
    { to: "/shops", label: t("nav.shops") },
    { to: "/proxy", label: t("nav.proxy") },
    ...(session && !isStaff
      ? [
          { to: "/cart", label: t("nav.cart") },
          { to: "/subscription-cart", label: t("subscriptions.cart") },
          { to: "/mypage", label: t("nav.mypage") },
        ]
      : []),
    ...(isStaff ? [{ to: "/console", label: t("nav.console") }] : []),
  ];
  const logout = async () => {
    await signOut();
    close();
    void navigate("/");
  };
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !opened, desktop: true } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t("nav.menu")} />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Title order={3}>{t("app.name")}</Title>
            </Anchor>
            <Group gap={4} visibleFrom="sm">
              {links.map((link) => (
                <Button
                  key={link.to}
                  component={Link}
                  to={link.to}
                  variant={location.pathname === link.to ? "light" : "subtle"}
                  size="compact-sm"
                >
                  {link.label}
                </Button>
              ))}
            </Group>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            {session ? (
              <Button variant="default" size="compact-sm" onClick={() => void logout()} visibleFrom="sm">
                {t("nav.logout")}
              </Button>
            ) : (
              <Button component={Link} to="/login" size="compact-sm" visibleFrom="sm">
                {t("nav.login")}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md">
        <Stack gap={4}>
          {links.map((link) => (
            <NavLink
              key={link.to}
              component={Link}
              to={link.to}
              label={link.label}
              active={location.pathname === link.to}
              onClick={close}
            />
          ))}
          {session ? (
            <NavLink component="button" label={t("nav.logout")} onClick={() => void logout()} />
          ) : (
            <>
              <NavLink component={Link} to="/login" label={t("nav.login")} onClick={close} />
              <NavLink component={Link} to="/signup" label={t("nav.signup")} onClick={close} />
            </>
          )}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <div style={{ maxWidth: 1100, margin: "0 auto" }}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </div>
      </AppShell.Main>
    </AppShell>
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Text>{t("state.notFound")}</Text>
      <Button component={Link} to="/">
        {t("state.backHome")}
      </Button>
    </Stack>
  );
}
