import { api } from "../../api/client";
import { unwrap } from "../../api/problem";
import type { components } from "../../api/schema";

export type AddressRequest = components["schemas"]["AddressRequest"];

/** Creates an address, or replaces the one with `id`. */
export async function saveAddress(body: AddressRequest, id?: string) {
  return id
    ? unwrap(
        await api.PUT("/api/v1/me/addresses/{address_id}", { params: { path: { address_id: id } }, body }),
      )
    : unwrap(await api.POST("/api/v1/me/addresses", { body }));
}
