// ACC-04, CAT-02, CAT-03 in the browser: a staff member creates a product, sets its stock, sees it in
// the storefront, and cannot reach another shop's console.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  PHONE,
  baseUrl,
  contrastProblems,
  cutOffButtons,
  launch,
  open,
  screenshot,
  skip,
} from "./browser";

describe.skipIf(skip)("shop console", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("creates a product, sets stock, and the product appears in the storefront", async () => {
    const { page, errors } = await open(browser, DESKTOP);
    await page.goto("/console");
    await page.waitForURL(/\/login\?next=%2Fconsole/);
    await page.getByLabel("メールアドレス").fill("staff@opa-closet-shibuya.demo.kaimono.jp");
    await page.locator("input[type=password]").fill("kaimono-demo");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL("**/console");
    await page.getByText("オーパ クローゼット 渋谷店").waitFor();
    expect(await page.getByText("森珈琲 吉祥寺").count()).toBe(0);
    await screenshot(page, "console-desktop");
    expect(await contrastProblems(page)).toEqual([]);

    await page.getByRole("link", { name: "商品", exact: true }).click();
    await page.waitForURL(/\/console\/shops\/[^/]+\/products$/);
    const shopId = page.url().split("/")[5] ?? "";
    await page.getByRole("link", { name: "商品を登録" }).click();
    await page.getByLabel("商品名").fill("E2E リネンシャツ");
    await page.getByLabel("カテゴリ").fill("トップス");
    const row = page.getByTestId("variant-row");
    await row.getByLabel("SKU").fill(`E2E-${Date.now()}`);
    await row.getByLabel("カラー").fill("ネイビー");
    await row.getByLabel("サイズ").fill("M");
    await row.getByLabel("価格（税込）").fill("12.5");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByText("価格は0以上の整数（円）で入力してください。").waitFor();
    await row.getByLabel("価格（税込）").fill("6600");
    await page.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("heading", { name: "商品を編集" }).waitFor();

    await page.getByRole("textbox", { name: /^在庫 E2E-/ }).fill("7");
    await page.getByRole("button", { name: "在庫を保存" }).click();
    await page.getByText("在庫を更新しました。").waitFor();

    // CAT-02: a picture uploaded in the editor, described, and shown in the storefront. The file is one
    // of the demo pictures, as a shop's photo would be.
    const demo = (await (await fetch(`${baseUrl}/api/v1/products?limit=10`)).json()) as {
      items: { cover: { url: string } | null }[];
    };
    const cover = demo.items.find((item) => item.cover)?.cover?.url ?? "";
    const photo = Buffer.from(await (await fetch(`${baseUrl}${cover}`)).arrayBuffer());
    await page.getByText("まだ画像がありません。").waitFor();
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "shirt.jpg", mimeType: "image/jpeg", buffer: photo });
    await page.getByText("画像を 1 枚追加しました。").waitFor();
    await page.getByText("メイン画像").waitFor();
    await page.getByLabel("代替テキスト").fill("ネイビーのリネンシャツ");
    await page.getByRole("button", { name: "代替テキストを保存" }).click();
    await page.getByText("保存しました").first().waitFor();
    await screenshot(page, "product-editor-desktop");
    // At phone width the stock column and its save button stay on screen.
    await page.setViewportSize(PHONE);
    await page.reload();
    const save = page.getByRole("button", { name: "在庫を保存" });
    await save.waitFor();
    expect(await save.isVisible()).toBe(true);
    const box = await save.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
    await screenshot(page, "product-editor-phone");
    expect(await cutOffButtons(page)).toBe(0);
    await page.goto(`/console/shops/${shopId}/calendar`);
    await page.getByRole("heading", { name: /営業カレンダー/ }).waitFor();
    await screenshot(page, "calendar-editor-phone");
    expect(await cutOffButtons(page)).toBe(0);
    await page.setViewportSize(DESKTOP);

    await page.goto("/products?q=E2E&in_stock=1");
    const card = page.getByTestId("product-card").filter({ hasText: "E2E リネンシャツ" });
    await card.locator("img").waitFor();
    await card.click();
    expect(await page.getByTestId("price").textContent()).toBe("¥6,600（税込）");
    const picture = page.getByTestId("product-gallery").getByRole("img", { name: "ネイビーのリネンシャツ" });
    await picture.waitFor();
    expect(await picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
      true,
    );
    await page.getByText("在庫あり").waitFor();

    // Another shop's console, reached by URL: a refusal and no controls.
    const shops = (await (await fetch(`${baseUrl}/api/v1/shops`)).json()) as { items: { id: string }[] };
    const other = shops.items.find((s) => s.id !== shopId)?.id ?? "";
    await page.goto(`/console/shops/${other}/products`);
    await page.getByText("このショップを管理する権限がありません。").waitFor();
    expect(await page.getByRole("link", { name: "商品を登録" }).count()).toBe(0);
    await page.goto(`/console/shops/${other}/calendar`);
    await page.getByText("このショップを管理する権限がありません。").waitFor();
    expect(await page.getByRole("button", { name: "保存する" }).count()).toBe(0);

    // ACC-04: staff read the shop's settings; only its owner changes them.
    await page.goto(`/console/shops/${shopId}/settings`);
    await page.getByText("ショップ設定を変更できるのはオーナーだけです。").waitFor();
    expect(await page.getByLabel("お支払い期限（日数）").isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it("lets the owner change the shop's settings, with a clear message for a wrong number (ACC-04)", async () => {
    const { page, errors } = await open(browser, PHONE);
    await page.goto("/console");
    await page.waitForURL(/\/login/);
    await page.getByLabel("メールアドレス").fill("owner@opa-closet-shibuya.demo.kaimono.jp");
    await page.locator("input[type=password]").fill("kaimono-demo");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.waitForURL("**/console");
    await page.getByRole("link", { name: "ショップ設定" }).click();
    await page.getByRole("heading", { name: "ショップ設定" }).waitFor();
    await page.getByLabel("適格請求書発行事業者登録番号").fill("T700001205");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("登録番号はTと13桁の数字で入力してください。").waitFor();
    await page.getByLabel("適格請求書発行事業者登録番号").fill("Ｔ７０００-０１２０-５０００２");
    await page.getByLabel("お届けまでの準備日数（営業日）").fill("3");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("ショップ設定を保存しました。").waitFor();
    await screenshot(page, "shop-settings-phone");

    // CART-02: the owner's shipping fees — the demo's Yamato and Japan Post, a fee per region.
    // SHOP-01: the shop's own menu leads from page to page.
    const menu = page.getByRole("navigation", { name: "ショップの管理メニュー" });
    expect(await menu.getByRole("link", { name: "ショップ設定" }).getAttribute("aria-current")).toBe("page");
    await menu.getByRole("link", { name: "送料設定" }).click();
    await page.getByRole("heading", { name: "送料設定" }).waitFor();
    expect(await page.getByTestId("shipping-method").count()).toBe(2);
    const kanto = page.getByTestId("shipping-method").first().getByLabel("関東");
    await kanto.fill("80.5");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("0以上の整数（円）で入力してください。").waitFor();
    await kanto.fill("850");
    await page.getByRole("button", { name: "保存する" }).click();
    await page.getByText("送料設定を保存しました。").waitFor();
    await screenshot(page, "shipping-phone");
    expect(await contrastProblems(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
