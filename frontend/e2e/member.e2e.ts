// ACC-01, ACC-02, ACC-05 in the browser: sign-up through the emailed link, My Page addresses, sessions.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PHONE, launch, mailedToken, open, screenshot, skip } from "./browser";

describe.skipIf(skip)("member journeys", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("signs up through the emailed link, adds an address, and signs in again", async () => {
    const { page, errors } = await open(browser, PHONE);
    const email = `e2e-${Date.now()}@example.jp`;

    await page.goto("/signup");
    await page.getByLabel("メールアドレス").fill("not-an-email");
    await page.getByRole("button", { name: "登録用URLを送る" }).click();
    await page.getByText("メールアドレスの形式が正しくありません。").waitFor();
    await page.getByLabel("メールアドレス").fill(email);
    await page.getByRole("button", { name: "登録用URLを送る" }).click();
    await page.getByText(/メールを送信しました/).waitFor();

    // ACC-01: the page the emailed link opens.
    const token = await mailedToken(email, "/signup/complete");
    await page.goto(`/signup/complete?token=${token}`);
    await page.locator("input[type=password]").fill("short");
    await page.getByLabel("氏名").fill("山田 花子");
    await page.getByLabel("フリガナ").fill("Yamada");
    await page.getByLabel("電話番号").fill("090-1234-5678");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByText("パスワードは8〜128文字で入力してください。").waitFor();
    await page.getByText("カタカナまたはひらがなで入力してください。").waitFor();
    await page.locator("input[type=password]").fill("e2e-password-123");
    await page.getByLabel("フリガナ").fill("ヤマダ ハナコ");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.waitForURL("**/mypage");
    await page.getByRole("heading", { name: "マイページ" }).waitFor();

    // ACC-05: an address in Japanese format; a bad postal code is refused next to its field.
    await page.getByRole("button", { name: "お届け先を追加" }).click();
    const form = page.getByRole("form", { name: "お届け先を追加" });
    await form.getByLabel("郵便番号").fill("12-345");
    await form.getByRole("button", { name: "保存する" }).click();
    await form.getByText("郵便番号は7桁で入力してください（例: 150-0001）。").waitFor();
    await form.getByLabel("郵便番号").fill("1500001");
    // The postal code fills in the prefecture and city from the postal data the SPA ships.
    await expect.poll(() => form.getByLabel("市区町村").inputValue()).toBe("渋谷区神宮前");
    expect(await form.getByRole("combobox", { name: "都道府県" }).inputValue()).toBe("東京都");
    await form.getByLabel("都道府県").click();
    await form.getByLabel("都道府県").fill("東京");
    await page.getByRole("option", { name: "東京都" }).click();
    await form.getByLabel("市区町村").fill("渋谷区神宮前");
    await form.getByLabel("番地").fill("1-2-3");
    await form.getByLabel("建物名・部屋番号（任意）").fill("かいものハイツ 101");
    await form.getByLabel("お名前").fill("山田 花子");
    await form.getByLabel("フリガナ").fill("ヤマダ ハナコ");
    await form.getByLabel("電話番号").fill("09012345678");
    await form.getByRole("button", { name: "保存する" }).click();
    const address = page.getByTestId("address");
    await address.getByText("〒150-0001").waitFor();
    await address.getByText("いつものお届け先").waitFor();
    await screenshot(page, "mypage-phone");

    // A reload keeps the session (the refresh cookie), with the token only in memory.
    await page.reload();
    await page.getByText("〒150-0001").waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain("eyJ");

    // Log out from the phone menu; My Page then asks to log in and comes back afterwards.
    await page.getByRole("button", { name: "メニュー" }).click();
    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.goto("/mypage");
    await page.waitForURL(/\/login\?next=%2Fmypage/);
    await page.getByLabel("メールアドレス").fill(email);
    await page.locator("input[type=password]").fill("wrong-password");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.getByText("メールアドレスまたはパスワードが違います。").waitFor();
    await page.locator("input[type=password]").fill("e2e-password-123");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL("**/mypage");
    await page.getByText("〒150-0001").waitFor();
    expect(errors).toEqual([]);
  });

  it("resets a forgotten password through the emailed link (ACC-03)", async () => {
    const { page, errors } = await open(browser, PHONE, "ja-JP");
    await page.goto("/password-reset");
    await page.getByLabel("メールアドレス").fill("member@demo.kaimono.jp");
    await page.getByRole("button", { name: "再設定URLを送る" }).click();
    await page.getByText(/メールを送信しました/).waitFor();
    const token = await mailedToken("member@demo.kaimono.jp", "/password-reset/complete");
    await page.goto(`/password-reset/complete?token=${token}`);
    await page.locator("input[type=password]").fill("short");
    await page.getByRole("button", { name: "パスワードを変更する" }).click();
    await page.getByText("パスワードは8〜128文字で入力してください。").waitFor();
    await page.locator("input[type=password]").fill("kaimono-demo-2");
    await page.getByRole("button", { name: "パスワードを変更する" }).click();
    await page.waitForURL("**/login");
    await page.getByLabel("メールアドレス").fill("member@demo.kaimono.jp");
    await page.locator("input[type=password]").fill("kaimono-demo-2");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL("**/mypage");
    // The link is single-use.
    await page.goto(`/password-reset/complete?token=${token}`);
    await page.locator("input[type=password]").fill("kaimono-demo-3");
    await page.getByRole("button", { name: "パスワードを変更する" }).click();
    await page.getByText("このURLは無効か、すでに使用されています。").first().waitFor();
    expect(errors).toEqual([]);
  });
});
