// ACC-04 in the browser: the operator opens a shop and invites its owner; the owner joins from the emailed
// link, invites a staff member who joins too, and removes them again.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  PHONE,
  contrastProblems,
  cutOffButtons,
  launch,
  mailedToken,
  open,
  screenshot,
  skip,
} from "./browser";

async function logIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("メールアドレス").fill(email);
  await page.locator("input[type=password]").fill(password);
  await page.locator("form").getByRole("button", { name: "ログイン" }).click();
  await page.waitForURL(`**${next}`);
}

async function join(page: Page, email: string, name: string) {
  await page.goto(`/invitations/accept?token=${await mailedToken(email, "/invitations/accept")}`);
  await page.getByTestId("invitation-summary").waitFor();
  await page.getByRole("button", { name: "招待を受ける" }).click();
  await page.getByText("パスワードは8〜128文字で入力してください。").waitFor();
  await page.locator("input[type=password]").fill("staff-password-1");
  await page.getByLabel("氏名").fill(name);
  await page.getByLabel("フリガナ").fill("テスト");
  await page.getByLabel("電話番号").fill("090-2222-3333");
  await page.getByRole("button", { name: "招待を受ける" }).click();
  await page.waitForURL("**/console");
}

describe.skipIf(skip)("mall administration", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("opens a shop, invites its owner and staff by email, and removes staff", async () => {
    const stamp = Date.now();
    const ownerEmail = `owner-${stamp}@example.jp`;
    const staffEmail = `staff-${stamp}@example.jp`;
    const operator = await open(browser, DESKTOP);
    await logIn(operator.page, "operator@demo.kaimono.jp", "kaimono-demo", "/console");
    await operator.page.getByRole("link", { name: "ショップを開設" }).click();
    await operator.page.getByRole("heading", { name: "ショップを開設" }).waitFor();
    await operator.page.getByLabel("ショップ名").fill("E2E うつわ店");
    await operator.page.getByLabel("URL 名").fill("Bad Name");
    await operator.page.getByRole("button", { name: "開設する" }).click();
    await operator.page.getByText("英小文字・数字・ハイフンの2〜40文字で入力してください。").waitFor();
    await operator.page.getByLabel("URL 名").fill(`e2e-utsuwa-${stamp}`);
    await operator.page.getByLabel("郵便番号").fill("180-0004");
    const prefecture = operator.page.getByRole("combobox", { name: "都道府県" });
    await prefecture.click();
    await prefecture.fill("東京");
    await operator.page.getByRole("option", { name: "東京都" }).click();
    await operator.page.getByLabel("住所（都道府県より後）").fill("武蔵野市吉祥寺本町 2-1-1");
    await operator.page.getByLabel("電話番号").fill("0422-00-1234");
    await operator.page
      .getByLabel("お問い合わせ用メールアドレス", { exact: false })
      .fill("hello@utsuwa.example.jp");
    await operator.page.getByLabel("営業時間").fill("11:00〜19:00");
    await operator.page.getByRole("button", { name: "開設する" }).click();
    await operator.page.getByRole("heading", { name: "スタッフ", exact: true }).waitFor();
    await operator.page.getByLabel("メールアドレス").fill(ownerEmail);
    await operator.page.getByRole("button", { name: "招待メールを送る" }).click();
    await operator.page.getByText(`${ownerEmail} に招待メールを送りました。`).waitFor();
    await operator.page.getByTestId("staff-invitations").getByText(ownerEmail).waitFor();
    await screenshot(operator.page, "staff-desktop");
    expect(await contrastProblems(operator.page)).toEqual([]);
    expect(operator.errors).toEqual([]);

    // The owner joins at phone width, and invites a staff member.
    const owner = await open(browser, PHONE);
    await join(owner.page, ownerEmail, "器 太郎");
    await owner.page.getByText("器 太郎 さん、E2E うつわ店 へようこそ。").waitFor();
    await owner.page.getByText("E2E うつわ店", { exact: true }).waitFor();
    const shopUrl = operator.page.url().replace(/\/staff$/, "");
    const shopPath = new URL(shopUrl).pathname;
    await owner.page.goto(`${shopPath}/staff`);
    await owner.page.getByTestId("staff-members").getByText("器 太郎").waitFor();
    await owner.page.getByLabel("メールアドレス").fill(staffEmail);
    await owner.page.getByRole("button", { name: "招待メールを送る" }).click();
    await owner.page.getByText(`${staffEmail} に招待メールを送りました。`).waitFor();
    await screenshot(owner.page, "staff-phone");
    expect(await cutOffButtons(owner.page)).toBe(0);

    const staff = await open(browser, PHONE);
    await join(staff.page, staffEmail, "器 花子");
    await staff.page.goto(`${shopPath}/orders`);
    await staff.page.getByRole("heading", { name: "注文" }).waitFor();

    // Removed, the staff member loses the console at once.
    await owner.page.reload();
    owner.page.once("dialog", (dialog) => void dialog.accept());
    await owner.page
      .getByTestId("staff-members")
      .getByRole("row", { name: /器 花子/ })
      .getByRole("button", { name: "外す" })
      .click();
    await owner.page.getByText("器 花子 さんをスタッフから外しました。").waitFor();
    await staff.page.reload();
    await staff.page.getByText("このショップを管理する権限がありません。").waitFor();
    expect(owner.errors).toEqual([]);
  });
});
