import { api } from "../../../api/client";
import { unwrap } from "../../../api/problem";

export async function deleteAddress(id: string) {
  unwrap(await api.DELETE("/api/v1/me/addresses/{address_id}", { params: { path: { address_id: id } } }));
}
