// CAT-01, CAT-02, CAT-04, CAT-06 in the browser: browse, filter, a product page, a shop's calendar,
// Japanese and English, phone and desktop, and the back button.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, PHONE, launch, open, screenshot, skip, contrastProblems } from "./browser";

describe.skipIf(skip)("storefront", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("filters products, shows a product with its variants, and keeps filters through back", async () => {
    const { page, errors } = await open(browser, PHONE);
    await page.goto("/");
    await page.getByRole("heading", { name: "お取り置きも、配送も。" }).waitFor();
    await screenshot(page, "home-phone");

    await page.goto("/products");
    await page.getByTestId("product-card").first().waitFor();
    // CAT-02: every demo product has a picture, loaded from its stored width for a phone.
    const firstPicture = page.getByTestId("product-card").locator("img").first();
    await expect
      .poll(() => firstPicture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true);
    expect(await firstPicture.evaluate((img: HTMLImageElement) => img.currentSrc)).toMatch(
      /\/media\/p-.*w-.*\.jpg$/,
    );
    await page.getByRole("combobox", { name: "カテゴリ" }).click();
    await page.getByRole("option", { name: "コーヒー" }).click();
    await page.waitForURL(/category=/);
    await page.getByText("ブレンドコーヒー豆").waitFor();
    const shops = await page.getByTestId("product-card").locator("p").first().allTextContents();
    expect(shops.every((s) => s.includes("森珈琲"))).toBe(true);
    await page.getByLabel("キーワード").fill("ブレンド");
    await page.getByRole("button", { name: "検索" }).click();
    await page.waitForURL(/q=/);
    await expect.poll(() => page.getByTestId("product-card").count()).toBe(1);
    await screenshot(page, "products-phone");
    expect(await contrastProblems(page)).toEqual([]);
    // Keyboard users see which product card they are on.
    let onCard = false;
    for (let i = 0; i < 40 && !onCard; i++) {
      await page.keyboard.press("Tab");
      onCard = await page.evaluate(
        () => document.activeElement?.getAttribute("data-testid") === "product-card",
      );
    }
    expect(onCard).toBe(true);
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe("solid 3px");

    await page.getByText("ブレンドコーヒー豆").click();
    await page.getByRole("heading", { name: "ブレンドコーヒー豆" }).waitFor();
    await page.getByText("軽減税率 8%").waitFor();
    // An in-stock variant is chosen first. The demo's 中煎り 200g is sold out: marked, not for sale.
    expect(await page.getByTestId("sold-out").count()).toBe(0);
    await page.getByText("中煎り").click();
    await page.getByText("200g（売り切れ）").click();
    await expect.poll(() => page.getByTestId("price").textContent()).toBe("¥1,480（税込）");
    await page.getByTestId("sold-out").waitFor();
    expect(await page.getByRole("button", { name: "カートに入れる" }).count()).toBe(0);
    await page.getByText("深煎り").click();
    await page.getByText("500g").click();
    await expect.poll(() => page.getByTestId("price").textContent()).toBe("¥1,980（税込）");
    expect(await page.getByTestId("sold-out").count()).toBe(0);
    await page.getByText("店舗別の在庫").waitFor();
    await screenshot(page, "product-phone");

    await page.goBack();
    await page.waitForURL(/q=/);
    expect(await page.getByLabel("キーワード").inputValue()).toBe("ブレンド");
    expect(errors).toEqual([]);
  });

  it("shows shops with their business calendar, and the whole site in English", async () => {
    const { page, errors } = await open(browser, DESKTOP);
    await page.goto("/shops");
    await page.getByText("森珈琲 吉祥寺").click();
    await page.getByRole("heading", { name: "営業カレンダー" }).waitFor();
    await page.getByText("水").first().waitFor();
    await screenshot(page, "shop-desktop");
    expect(await contrastProblems(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.reload();
    await page.getByRole("heading", { name: "営業カレンダー" }).waitFor();
    await screenshot(page, "shop-phone");
    // Every day of the strip shows its whole date at phone width ("12/10", not "12/1…").
    const cut = await page.evaluate(
      () =>
        [...document.querySelectorAll("[data-business-day] .mantine-Badge-label")].filter(
          (label) => label.scrollWidth > label.clientWidth + 1,
        ).length,
    );
    expect(cut).toBe(0);
    await page.setViewportSize(DESKTOP);

    await page.getByText("English").click();
    await page.getByRole("heading", { name: "Business calendar" }).waitFor();
    await page.goto("/products");
    await page.getByRole("heading", { name: "Browse products" }).waitFor();
    await page.getByText("(tax incl.)").first().waitFor();
    // The document's language and the tab's title follow the page and the language.
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect.poll(() => page.title()).toBe("Browse products | kaimono");
    await screenshot(page, "products-desktop-en");
    await page.getByText("日本語").click();
    await page.getByRole("heading", { name: "商品をさがす" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ja");
    await expect.poll(() => page.title()).toBe("商品をさがす | kaimono");
    expect(errors).toEqual([]);
  });
});
