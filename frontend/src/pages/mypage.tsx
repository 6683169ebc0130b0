import { PageTitle } from "../components/page-title";
import { Badge, Button, Card, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSession } from "../auth/use-session";
import { Empty, ErrorState, Loading, useErrorMessage } from "../components/states";
import { useFormErrors } from "../components/use-server-errors";
import { check, isKana, isPhone } from "../components/validation";
import { MyOrders } from "../features/orders/my-orders";
import { MySubscriptions } from "../features/subscriptions/my-subscriptions";
import { PointsPanel } from "../features/mypage/points-panel";
import { CardsPanel } from "../features/payments/cards-panel";
import { MyReservations } from "../features/reservations/my-reservations";
import { AddressForm } from "../shared/ui/address-form";
import { deleteAddress } from "../features/mypage/api/delete-address";
import { useAddresses } from "../shared/api/list-addresses";
import { updateProfile } from "../features/mypage/api/update-profile";

function ProfileForm() {
  const { t } = useTranslation();
  const account = useSession()?.account;
  const [form, setForm] = useState({
    name: account?.name ?? "",
    name_kana: account?.name_kana ?? "",
    phone: account?.phone ?? "",
  });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<"name" | "name_kana" | "phone">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = check({
      name: !form.name.trim() && "error.required",
      name_kana: !isKana(form.name_kana) && "error.invalidKana",
      phone: !isPhone(form.phone) && "error.invalidPhone",
    });
    if (Object.keys(invalid).length > 0) return errors.setFields(invalid);
    setBusy(true);
    try {
      await updateProfile(form);
      errors.clear();
      notifications.show({ color: "teal", message: t("mypage.saved") });
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder>
      <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("mypage.profile")}>
        <Stack>
          <Title order={2} size="h3">
            {t("mypage.profile")}
          </Title>
          <Text size="sm" c="dimmed">
            {account?.email}
          </Text>
          <TextInput
            label={t("auth.name")}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.errorOf("name")}
          />
          <TextInput
            label={t("auth.nameKana")}
            required
            value={form.name_kana}
            onChange={(e) => setForm({ ...form, name_kana: e.currentTarget.value })}
            error={errors.errorOf("name_kana")}
          />
          <TextInput
            label={t("auth.phone")}
            type="tel"
            required
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
            error={errors.errorOf("phone")}
          />
          {errors.general && <Text c="red">{errors.general}</Text>}
          <Button type="submit" loading={busy} w="fit-content">
            {t("mypage.save")}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function Addresses() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const addresses = useAddresses();
  const message = useErrorMessage();
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const refresh = () => {
    setEditing(null);
    void queryClient.invalidateQueries({ queryKey: ["addresses"] });
  };
  const remove = async (id: string) => {
    if (!window.confirm(t("mypage.deleteConfirm"))) return;
    try {
      await deleteAddress(id);
      refresh();
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    }
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t("mypage.addresses")}
        </Title>
        {editing === null && <Button onClick={() => setEditing("new")}>{t("mypage.addAddress")}</Button>}
      </Group>
      {editing === "new" && (
        <Card withBorder>
          <AddressForm onSaved={refresh} onCancel={() => setEditing(null)} />
        </Card>
      )}
      {addresses.isPending ? (
        <Loading />
      ) : addresses.isError ? (
        <ErrorState error={addresses.error} onRetry={() => void addresses.refetch()} />
      ) : addresses.data.length === 0 ? (
        <Empty message={t("mypage.noAddresses")} />
      ) : (
        addresses.data.map((address) =>
          editing === address.id ? (
            <Card withBorder key={address.id}>
              <AddressForm address={address} onSaved={refresh} onCancel={() => setEditing(null)} />
            </Card>
          ) : (
            <Card withBorder key={address.id} data-testid="address">
              <Group justify="space-between" align="start">
                <Stack gap={2}>
                  {address.is_default && <Badge w="fit-content">{t("mypage.default")}</Badge>}
                  <Text>〒{address.postal_code_display}</Text>
                  <Text>
                    {address.prefecture_name}
                    {address.city}
                    {address.street} {address.building}
                  </Text>
                  <Text>
                    {address.recipient_name}（{address.recipient_kana}） {address.phone}
                  </Text>
                </Stack>
                <Group gap="xs">
                  <Button size="xs" variant="default" onClick={() => setEditing(address.id)}>
                    {t("mypage.edit")}
                  </Button>
                  <Button size="xs" variant="subtle" color="red" onClick={() => void remove(address.id)}>
                    {t("mypage.delete")}
                  </Button>
                </Group>
              </Group>
            </Card>
          ),
        )
      )}
    </Stack>
  );
}

export function MyPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t("mypage.title")}</PageTitle>
      <MyReservations />
      <MyOrders />
      <MySubscriptions />
      <PointsPanel />
      <CardsPanel />
      <ProfileForm />
      <Addresses />
    </Stack>
  );
}
