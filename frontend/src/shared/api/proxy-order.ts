import type { components } from "../../api/schema";

/** A proxy order as both the member and the service's staff read it (PRX-02). */
export type ProxyOrder = components["schemas"]["ProxyOrderResponse"];
