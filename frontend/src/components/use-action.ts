import { notifications } from "@mantine/notifications";
import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useErrorMessage } from "./states";

/**
 * A button's action: runs it, says how it went (`done` is the success message's key, a failure shows the
 * API's reason) and refreshes what `refresh` covers. `busy` while it runs; `run` answers whether it worked.
 */
export function useAction(refresh: QueryKey) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: "teal", message: t(done) });
      void queryClient.invalidateQueries({ queryKey: refresh });
      return true;
    } catch (error) {
      notifications.show({ color: "red", message: message(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
