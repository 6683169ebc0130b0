import { Image, Skeleton, UnstyledButton } from "@mantine/core";
import { downloadPrivateFile, usePrivateFile } from "../api/private-file";

/** A private picture's preview; a click downloads the full file (MSG-02, PRX-06). */
export function PrivateImage({
  file,
  fileName,
  alt,
  size = 96,
}: {
  /** The file's API path; its preview is `?preview=true`. */
  file: string;
  fileName: string;
  alt: string;
  size?: number;
}) {
  const src = usePrivateFile(`${file}?preview=true`);
  return (
    <UnstyledButton
      onClick={() => void downloadPrivateFile(file, fileName)}
      aria-label={alt}
      title={fileName}
    >
      {src ? (
        <Image src={src} alt={alt} w={size} h={size} fit="cover" radius="sm" />
      ) : (
        <Skeleton w={size} h={size} radius="sm" />
      )}
    </UnstyledButton>
  );
}
