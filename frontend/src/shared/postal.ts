/** What a postal code says about an address (from the postal data the SPA ships, `/postal/NNN.json`). */
export interface PostalPlace {
  /** JIS prefecture code, 1–47. */
  prefecture: number;
  city: string;
  town: string;
}

const chunks = new Map<string, Promise<Record<string, [number, string, string]>>>();

/** The place of a 7-digit postal code (hyphen and full-width digits allowed), or null if unknown. */
export async function lookupPostalCode(input: string): Promise<PostalPlace | null> {
  const digits = input.normalize("NFKC").replace(/[^0-9]/g, "");
  if (digits.length !== 7) return null;
  const prefix = digits.slice(0, 3);
  let chunk = chunks.get(prefix);
  if (!chunk) {
    chunk = fetch(`/postal/${prefix}.json`).then((r) => (r.ok ? r.json() : {}));
    chunks.set(prefix, chunk);
  }
  try {
    const entry = (await chunk)[digits];
    return entry ? { prefecture: entry[0], city: entry[1], town: entry[2] } : null;
  } catch {
    chunks.delete(prefix);
    return null;
  }
}
