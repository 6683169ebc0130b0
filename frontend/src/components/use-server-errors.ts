import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiProblem } from "../api/problem";
import { useErrorMessage } from "./states";

/** Field errors (client-side keys or server messages) and one general message for a form. */
export function useFormErrors<K extends string>() {
  const [fields, setFields] = useState<Partial<Record<K, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const message = useErrorMessage();
  const { t, i18n } = useTranslation();
  return {
    fields,
    /** The message for a field: client-side keys are translated, server messages shown as sent. */
    errorOf: (field: K): string | undefined => {
      const value = fields[field];
      return value && i18n.exists(value) ? t(value) : value;
    },
    general,
    setFields: (errors: Partial<Record<K, string>>) => {
      setFields(errors);
      setGeneral(null);
    },
    clear: () => {
      setFields({});
      setGeneral(null);
    },
    /** Puts a server problem next to its fields, or as the form's message. */
    capture: (error: unknown) => {
      if (error instanceof ApiProblem && error.problem.errors && error.code === "validation_failed") {
        const mapped: Partial<Record<K, string>> = {};
        for (const [field, messages] of Object.entries(error.problem.errors)) {
          mapped[field as K] = messages.join(" ");
        }
        setFields(mapped);
        setGeneral(null);
      } else if (error instanceof ApiProblem && error.problem.errors) {
        // A problem with its own code (sku_taken, link_expired …) names its fields: show the code's
        // translated message there and as the form's message.
        const mapped: Partial<Record<K, string>> = {};
        for (const field of Object.keys(error.problem.errors)) mapped[field as K] = message(error);
        setFields(mapped);
        setGeneral(message(error));
      } else {
        setFields({});
        setGeneral(message(error));
      }
    },
  };
}
