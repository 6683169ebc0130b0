import { api } from "../../api/client";
import { unwrap } from "../../api/problem";

export interface EstimateInput {
  weight_grams: number;
  length_cm: number;
  width_cm: number;
  height_cm: number;
  goods_value?: string;
}

/** PRX-08: international shipping per method from the same rate tables as the 2nd invoice. */
export async function shippingEstimate(query: EstimateInput) {
  return unwrap(await api.GET("/api/v1/proxy/shipping-estimate", { params: { query } }));
}
