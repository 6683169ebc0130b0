import { Badge, Button, Card, Group, NumberInput, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { components } from "../../api/schema";
import { useSession } from "../../auth/use-session";
import { yen } from "../../components/format";
import { useErrorMessage } from "../../components/states";
import { addSubscriptionCartItem } from "./api/add-subscription-cart-item";

type Terms = components["schemas"]["SubscriptionTermsDto"];

/** CAT-05, CART-01: a subscription-enabled product's prices and its "定期購入カゴに入れる" button. */
export function SubscribeBox({ variantId, terms }: { variantId: string; terms: Terms }) {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [quantity, setQuantity] = useState<number | string>(1);
  const [busy, setBusy] = useState(false);
  // ACC-06: a guest signs up (or logs in) and lands in the subscription checkout with this item added.
  const checkoutPath = `/subscription-cart?add=${variantId}&qty=${Number(quantity) || 1}`;
  const add = async () => {
    setBusy(true);
    try {
      queryClient.setQueryData(
        ["subscription-cart"],
        await addSubscriptionCartItem(variantId, Number(quantity)),
      );
      notifications.show({ color: "teal", message: t("subscriptions.added") });
      void navigate("/subscription-cart");
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder data-testid="subscribe-box">
      <Stack gap="xs">
        <Badge color="grape" w="fit-content">
          {t("subscriptions.badge")}
        </Badge>
        <Group gap="lg">
          <Text>
            {t("subscriptions.firstPrice")}: <b>{yen(terms.first_price)}</b>
          </Text>
          <Text>
            {t("subscriptions.laterPrice")}: <b>{yen(terms.price)}</b>
          </Text>
          <Text size="sm" c="dimmed">
            {t("subscriptions.maxDeliveries")}:{" "}
            {terms.max_deliveries
              ? t("subscriptions.times", { count: terms.max_deliveries })
              : t("subscriptions.unlimited")}
          </Text>
        </Group>
        {!session ? (
          <Stack gap={4}>
            <Group>
              <Button
                color="grape"
                onClick={() => void navigate(`/signup?next=${encodeURIComponent(checkoutPath)}`)}
              >
                {t("subscriptions.signupToSubscribe")}
              </Button>
              <Button
                variant="default"
                onClick={() => void navigate(`/login?next=${encodeURIComponent(checkoutPath)}`)}
              >
                {t("subscriptions.loginToSubscribe")}
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              {t("subscriptions.signupHint")}
            </Text>
          </Stack>
        ) : (
          session.account.role === "member" && (
            <Group align="end">
              <NumberInput
                label={t("cart.quantity")}
                w={100}
                min={1}
                max={99}
                allowDecimal={false}
                allowNegative={false}
                value={quantity}
                onChange={setQuantity}
              />
              <Button
                color="grape"
                onClick={() => void add()}
                loading={busy}
                disabled={!(Number(quantity) >= 1 && Number(quantity) <= 99)}
              >
                {t("subscriptions.addToCart")}
              </Button>
            </Group>
          )
        )}
      </Stack>
    </Card>
  );
}
