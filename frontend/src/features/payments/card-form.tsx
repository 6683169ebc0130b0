import { Alert, Button, Group, Stack, Text, TextInput } from "@mantine/core";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useFormErrors } from "../../components/use-server-errors";
import { registerCard } from "./api/register-card";
import { tokenize, type CardField } from "./sandbox";

/** PAY-01: register (or change to) a card. The number is tokenized in the browser; only the token is sent. */
export function CardForm({ onSaved }: { onSaved: (cardId: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ number: "", expiry: "", cvc: "" });
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors<CardField | "token">();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = tokenize(form);
    if ("errors" in result) return errors.setFields(result.errors);
    setBusy(true);
    try {
      const card = await registerCard(result.token);
      errors.clear();
      setForm({ number: "", expiry: "", cvc: "" });
      onSaved(card.id);
    } catch (error) {
      errors.capture(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate aria-label={t("pay.registerCard")}>
      <Stack gap="xs">
        <TextInput
          label={t("pay.cardNumber")}
          inputMode="numeric"
          autoComplete="cc-number"
          placeholder="4242 4242 4242 4242"
          value={form.number}
          onChange={(e) => setForm({ ...form, number: e.currentTarget.value })}
          error={errors.errorOf("number")}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t("pay.expiry")}
            placeholder="MM/YY"
            autoComplete="cc-exp"
            value={form.expiry}
            onChange={(e) => setForm({ ...form, expiry: e.currentTarget.value })}
            error={errors.errorOf("expiry")}
          />
          <TextInput
            label={t("pay.cvc")}
            inputMode="numeric"
            autoComplete="cc-csc"
            value={form.cvc}
            onChange={(e) => setForm({ ...form, cvc: e.currentTarget.value })}
            error={errors.errorOf("cvc")}
          />
        </Group>
        {errors.errorOf("token") && <Alert color="red">{errors.errorOf("token")}</Alert>}
        <Text size="xs" c="dimmed">
          {t("pay.testCards")}
        </Text>
        <Button type="submit" loading={busy} w="fit-content">
          {t("pay.register")}
        </Button>
      </Stack>
    </form>
  );
}
