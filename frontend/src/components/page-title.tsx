import { Title, type TitleProps } from "@mantine/core";
import { useEffect, useRef } from "react";

/** The page's heading; the browser tab and screen readers get the same words: 「カート | kaimono」. */
export function PageTitle(props: Omit<TitleProps, "order">) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const text = ref.current?.textContent?.trim();
    document.title = text ? `${text} | kaimono` : "kaimono";
  });
  return <Title order={1} ref={ref} {...props} />;
}
