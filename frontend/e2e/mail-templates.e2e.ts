// SHOP-04, SUB-11 in the browser: the shop's owner (phone width, Japanese) words the card-expiry email
// with the source's tags — an unknown tag is refused under its field, a tag is inserted from the help, the
// preview shows a sample member — saves it, sees it marked as its own, and goes back to the default.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONE, launch, open, screenshot, skip } from "./browser";

const SHOP = "mori-coffee-kichijoji";

describe.skipIf(skip)("mail templates", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("words an email with tags, refuses an unknown one, previews, saves and resets", async () => {
    const { page, errors } = await open(browser, PHONE);
    await page.goto("/console");
    await page.getByLabel("メールアドレス").fill(`owner@${SHOP}.demo.kaimono.jp`);
    await page.locator("input[type=password]").fill("kaimono-demo");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("queues").waitFor();
    await page.getByRole("link", { name: "メールテンプレート" }).first().click();
    const list = page.getByTestId("mail-templates");
    await list.getByText("定期購入：カードの有効期限").waitFor();
    await list.getByRole("link", { name: "定期購入：カードの有効期限 日本語" }).click();

    // The default, written with tags.
    const body = page.getByLabel("本文");
    await expect.poll(() => body.inputValue()).toContain("[MEMBER_NAME] 様");
    const subject = page.getByLabel("件名");
    await subject.fill("【森珈琲】カードの有効期限のお知らせ [COUPON]");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("不明なタグ [COUPON] は使えません。").waitFor();

    // A tag from the help, at the cursor of the subject; the preview fills it with a sample member.
    await subject.fill("【森珈琲】様 カードの有効期限のお知らせ");
    await subject.focus();
    await subject.evaluate((el: HTMLInputElement) => el.setSelectionRange(5, 5));
    await page.getByText("[MEMBER_LAST_NAME] 姓").click();
    await expect
      .poll(() => subject.inputValue())
      .toBe("【森珈琲】[MEMBER_LAST_NAME]様 カードの有効期限のお知らせ");
    await page.getByRole("button", { name: "プレビュー" }).click();
    const preview = page.getByTestId("mail-preview");
    await preview.getByText("【森珈琲】山田様 カードの有効期限のお知らせ").waitFor();
    await preview.getByText("山田 花子 様", { exact: false }).waitFor();
    await screenshot(page, "mail-template-editor-phone");

    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("テンプレートを保存しました。").waitFor();
    await page.getByText("独自の文面", { exact: false }).first().waitFor();
    await page.getByRole("link", { name: "一覧へ戻る" }).click();
    await list
      .getByRole("link", { name: "定期購入：カードの有効期限 日本語" })
      .getByText("独自の文面")
      .waitFor();

    // Back to the default.
    await list.getByRole("link", { name: "定期購入：カードの有効期限 日本語" }).click();
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "標準に戻す" }).click();
    await page.getByText("標準の文面に戻しました。").waitFor();
    await expect.poll(() => subject.inputValue()).toContain("【kaimono】");

    // PAY-08: the owner adds a payment method of the shop's own beside its bank transfer.
    await page.goto("/console");
    await page.getByRole("link", { name: "定期購入", exact: true }).first().click();
    await page.getByRole("link", { name: "定期購入設定" }).click();
    const custom = page.getByTestId("custom-methods");
    await expect.poll(() => custom.getByLabel("名前").first().inputValue()).toBe("銀行振込（前払い）");
    await custom.getByRole("button", { name: "支払い方法を追加" }).click();
    await custom.getByLabel("名前").nth(1).fill("コンビニ払込票");
    await custom.getByLabel("手数料（円・税込）").nth(1).fill("200");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("保存しました。").waitFor();
    await page.reload();
    await expect.poll(() => custom.getByLabel("名前").nth(1).inputValue()).toBe("コンビニ払込票");
    await screenshot(page, "subscription-settings-custom-methods-phone");
    expect(errors).toEqual([]);
  });
});
