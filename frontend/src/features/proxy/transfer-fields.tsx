import { NumberInput, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { isBankKana } from "../../components/validation";

/** What a transfer report (PAY-05) or a top-up report (PAY-06) says was sent. */
export interface TransferDraft {
  amount: number | string;
  sender_kana: string;
}

/** The API's rules for a report: at least ¥1 in whole yen, the sender as banks print it. */
export function transferErrors(draft: TransferDraft): Partial<Record<"amount" | "sender_kana", string>> {
  const amount = Number(draft.amount);
  return {
    ...(amount >= 1 && Number.isInteger(amount) ? {} : { amount: "proxy.pay.invalidAmount" }),
    ...(isBankKana(draft.sender_kana) ? {} : { sender_kana: "error.invalidKana" }),
  };
}

/** The amount and sender fields of a report. */
export function TransferFields({
  draft,
  onChange,
  errorOf,
  senderHint,
}: {
  draft: TransferDraft;
  onChange: (draft: TransferDraft) => void;
  errorOf: (field: "amount" | "sender_kana") => string | undefined;
  senderHint?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <NumberInput
        label={t("proxy.pay.amount")}
        min={1}
        allowDecimal={false}
        thousandSeparator=","
        value={draft.amount}
        onChange={(amount) => onChange({ ...draft, amount })}
        error={errorOf("amount")}
      />
      <TextInput
        label={t("proxy.pay.senderKana")}
        description={senderHint}
        maxLength={60}
        value={draft.sender_kana}
        onChange={(e) => onChange({ ...draft, sender_kana: e.currentTarget.value })}
        error={errorOf("sender_kana")}
      />
    </>
  );
}
