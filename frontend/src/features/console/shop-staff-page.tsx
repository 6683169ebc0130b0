import { PageTitle } from "../../components/page-title";
import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { useSession } from "../../auth/use-session";
import { formatDate } from "../../components/format";
import { ErrorState, Loading, useErrorMessage } from "../../components/states";
import { useFormErrors } from "../../components/use-server-errors";
import { isEmail } from "../../components/validation";
import { inviteStaff, removeStaff, revokeInvitation, type ShopRole, useShopStaff } from "./api/shop-staff";
import { Forbidden } from "./forbidden";
import { useIsOwner } from "./use-managed-shop";

function InviteForm({ shopId, operator }: { shopId: string; operator: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<ShopRole>(operator ? "owner" : "staff");
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"email" | "role">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!isEmail(email)) return errors.setFields({ email: "error.invalidEmail" });
    setBusy(true);
    try {
      await inviteStaff(shopId, email.trim(), role);
      notifications.show({ color: "teal", message: t("staff.invited", { email: email.trim() }) });
      setEmail("");
      errors.clear();
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "staff"] });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t("staff.invite")}
      </Title>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Group align="end">
          <TextInput
            label={t("auth.email")}
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.errorOf("email")}
            style={{ flex: 1, minWidth: 220 }}
          />
          <Select
            label={t("staff.roleLabel")}
            value={role}
            onChange={(value) => setRole(value === "owner" ? "owner" : "staff")}
            data={[
              ...(operator ? [{ value: "owner", label: t("staff.role.owner") }] : []),
              { value: "staff", label: t("staff.role.staff") },
            ]}
            allowDeselect={false}
            w={160}
          />
          <Button type="submit" loading={busy}>
            {t("staff.sendInvitation")}
          </Button>
        </Group>
        {errors.general && (
          <Text c="red" size="sm" role="alert" mt="xs">
            {errors.general}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt="xs">
          {operator ? t("staff.inviteHintOperator") : t("staff.inviteHint")}
        </Text>
      </form>
    </Card>
  );
}

/** ACC-04: a shop's staff, its open invitations, and inviting and removing people. Owners and operators. */
export function ShopStaffPage() {
  const { t, i18n } = useTranslation();
  const shopId = useParams().shopId ?? "";
  const owner = useIsOwner(shopId);
  const operator = useSession()?.account.role === "operator";
  const staff = useShopStaff(shopId);
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  if (!owner) return <Forbidden />;
  if (staff.isPending) return <Loading />;
  if (staff.isError) return <ErrorState error={staff.error} onRetry={() => void staff.refetch()} />;
  const act = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action();
      notifications.show({ color: "teal", message: done });
      void queryClient.invalidateQueries({ queryKey: ["console", shopId, "staff"] });
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack>
      <PageTitle>{t("staff.title")}</PageTitle>
      <InviteForm shopId={shopId} operator={operator} />
      <Card withBorder>
        <Title order={2} size="h4">
          {t("staff.members")}
        </Title>
        <Table mt="xs" data-testid="staff-members">
          <Table.Tbody>
            {staff.data.members.map((m) => (
              <Table.Tr key={m.account_id}>
                <Table.Td>
                  <Text fw={600}>{m.name}</Text>
                  <Text size="sm" c="dimmed" style={{ wordBreak: "break-all" }}>
                    {m.email}
                  </Text>
                  {/* Under the name, not in a column of its own: a phone's width would cut it. */}
                  <Badge mt={4} variant="light" color={m.role === "owner" ? "indigo" : "gray"}>
                    {t(`staff.role.${m.role}`)}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">
                  {(m.role === "staff" || operator) && (
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => {
                        if (!window.confirm(t("staff.confirmRemove", { name: m.name }))) return;
                        void act(
                          () => removeStaff(shopId, m.account_id),
                          t("staff.removed", { name: m.name }),
                        );
                      }}
                    >
                      {t("staff.remove")}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4">
          {t("staff.invitations")}
        </Title>
        {staff.data.invitations.length === 0 ? (
          <Text size="sm" mt="xs">
            {t("staff.noInvitations")}
          </Text>
        ) : (
          <Table mt="xs" data-testid="staff-invitations">
            <Table.Tbody>
              {staff.data.invitations.map((invitation) => (
                <Table.Tr key={invitation.id}>
                  <Table.Td style={{ wordBreak: "break-all" }}>
                    {invitation.email}
                    <Text size="xs" c="dimmed">
                      {t(`staff.role.${invitation.role}`)} ・{" "}
                      {t("staff.expires", { date: formatDate(invitation.expires_at, i18n.language) })}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => {
                        if (!window.confirm(t("staff.confirmRevoke", { email: invitation.email }))) return;
                        void act(() => revokeInvitation(shopId, invitation.id), t("staff.revoked"));
                      }}
                    >
                      {t("staff.revoke")}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
    </Stack>
  );
}
