import { em } from "@mantine/core";
import { useMediaQuery } from "@mantine/hooks";

/**
 * Whether the screen is wide enough for tables (Mantine's `sm`, 48em): lists render as tables there and as
 * cards on phones — one or the other in the page, never both hidden and shown.
 */
export function useWide(): boolean {
  return useMediaQuery(`(min-width: ${em(768)})`, true, { getInitialValueInEffect: false }) ?? true;
}
