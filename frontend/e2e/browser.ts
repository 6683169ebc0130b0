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
  for (let i = 0; i < 100; i++) {
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

export interface Mail {
  id: string;
  template: string;
  subject: string;
  body: string;
}

/** The development mailbox of `to`, newest first. */
export async function mailbox(to: string): Promise<Mail[]> {
  return (await (await fetch(`${baseUrl}/api/v1/dev/mailbox?to=${encodeURIComponent(to)}`)).json()) as Mail[];
}

/** The newest mail of `template` to `to`, waiting for it to be written. */
export async function mailed(to: string, template: string): Promise<Mail> {
  for (let i = 0; i < 100; i++) {
    const mail = (await mailbox(to)).find((m) => m.template === template);
    if (mail) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${template} mail to ${to}`);
}

/** The path of the newest payment URL mailed to `to` (`/pay/…`). */
export async function mailedPaymentPath(to: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    for (const mail of await mailbox(to)) {
      const match = /\/pay\/([0-9a-f]+)/.exec(mail.body);
      if (match?.[1]) return `/pay/${match[1]}`;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no payment URL mailed to ${to}`);
}

/** Logs out through the menu, then in as `email` on the login form at `path`. */
export async function switchUser(page: Page, email: string, password: string, path: string) {
  // At phone width the logout button is in the menu.
  const menu = page.getByRole("button", { name: /メニュー|Menu/ });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole("button", { name: /ログアウト|Log out/ })
    .filter({ visible: true })
    .first()
    .click();
  await page.goto(path);
  await page.getByLabel(/メールアドレス|Email/).fill(email);
  await page.locator("input[type=password]").fill(password);
  await page
    .locator("form")
    .getByRole("button", { name: /ログイン|Log in/ })
    .click();
}

/** Signs up a new member through the emailed link (ACC-01); ends on My Page, signed in. */
export async function signUp(page: Page, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByRole("button", { name: "登録用URLを送る" }).click();
  await page.getByText(/メールを送信しました/).waitFor();
  await page.goto(`/signup/complete?token=${await mailedToken(email, "/signup/complete")}`);
  await page.locator("input[type=password]").fill(password);
  await page.getByLabel("氏名").fill("買物 太郎");
  await page.getByLabel("フリガナ").fill("カイモノ タロウ");
  await page.getByLabel("電話番号").fill("080-1111-2222");
  await page.getByRole("button", { name: "登録する" }).click();
  await page.waitForURL("**/mypage");
}

/** Text on the page with less than WCAG AA contrast (4.5:1, 3:1 for large text), as axe-core finds it. */
export async function contrastProblems(page: Page): Promise<string[]> {
  const axe = await import("axe-core");
  await page.evaluate(axe.default.source);
  return page.evaluate(async () => {
    const runner = (window as unknown as { axe: typeof import("axe-core") }).axe;
    const result = await runner.run(document, { runOnly: ["color-contrast"] });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => `${n.target.join(" ")}: ${n.any.map((c) => c.message).join("; ")}`),
    );
  });
}

/** How many buttons on the page show less than their whole label (cut off at this width). */
export async function cutOffButtons(page: Page): Promise<number> {
  return page.evaluate(
    () => [...document.querySelectorAll("button")].filter((b) => b.scrollWidth > b.clientWidth + 1).length,
  );
}
