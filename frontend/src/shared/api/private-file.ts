import { useEffect, useState } from "react";
import { freshAccessToken } from "../../auth/session";

/** A private file of the API (an attachment, an inspection photo), fetched with the session's token. */
async function fetchPrivate(url: string): Promise<Blob> {
  const token = await freshAccessToken();
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`${response.status} ${url}`);
  return response.blob();
}

/**
 * MSG-02, PRX-06: an object URL for a private picture, since an <img> cannot send the token; revoked
 * when the component leaves or the URL changes. Undefined until loaded (or when it cannot be).
 */
export function usePrivateFile(url: string | null): string | undefined {
  const [loaded, setLoaded] = useState<{ url: string; src: string }>();
  useEffect(() => {
    if (!url) return;
    let gone = false;
    let made: string | undefined;
    fetchPrivate(url).then(
      (blob) => {
        if (gone) return;
        made = URL.createObjectURL(blob);
        setLoaded({ url, src: made });
      },
      () => undefined,
    );
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return loaded?.url === url ? loaded.src : undefined;
}

/** Saves a private file under `fileName`, as the browser's download. */
export async function downloadPrivateFile(url: string, fileName: string) {
  const blob = await fetchPrivate(url);
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
