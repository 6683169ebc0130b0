// Helpers for the browser tests: a Chromium per test file, pages at phone or desktop width that fail the
// test on any console error, the dev mailbox, and screenshots for the README.
import { chromium, type Browser, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { inject } from "vitest";

export const baseUrl = inject("baseUrl");
export const chromiumPath = inject("chromium");
export const skip = chromiumPath === null;

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath ?? undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

export interface TestPage {
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
}

export async function open(browser: Browser, viewport = DESKTOP, locale = "ja-JP"): Promise<TestPage> {
  const context = await browser.newContext({ viewport, locale, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().includes("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return { page, errors };
}

const shots = resolve(__dirname, "screenshots");

export async function screenshot(page: Page, name: string) {
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: resolve(shots, `${name}.png`), fullPage: true });
}

/** The token of the newest link to `path` mailed to `to`, from the development mailbox. */
export async function mailedToken(to: string, path: string): Promise<string> {
  for (let i = 0; i < 50; i++) {
    const mails = (await (
      await fetch(`${baseUrl}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`)
    ).json()) as { body: string }[];
    for (const mail of mails) {
      const match = mail.body.match(new RegExp(`${path}\\?token=(\\S+)`));
      if (match?.[1]) return match[1];
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${path} link mailed to ${to}`);
}
