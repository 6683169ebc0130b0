// CART-01, CART-02, ORD-01, ORD-04 in the browser: a member puts items in the cart, checks out to the
// default address and sees the unpaid order on My Page; the shop's staff secure its stock; the member pays
// from the emailed link (a declined card first); the shop ships and the member sees the tracking number.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DESKTOP,
  PHONE,
  contrastProblems,
  launch,
  mailed,
  mailedPaymentPath,
  open,
  screenshot,
  signUp,
  skip,
  switchUser,
} from "./browser";

describe.skipIf(skip)("cart and checkout", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("puts items in the cart, places an unpaid order and shows it on My Page", async () => {
    const { page, errors } = await open(browser, PHONE);
    // A member of its own, so this test does not depend on the others.
    const email = `buyer-${Date.now()}@example.jp`;
    await signUp(page, email, "buyer-password-1");

    // Without an address, checkout sends the member to add one first.
    await page.goto("/products?q=%E3%83%96%E3%83%AC%E3%83%B3%E3%83%89");
    await page.getByText("ブレンドコーヒー豆").click();
    await page.getByText("500g").click();
    await expect.poll(() => page.getByTestId("price").textContent()).toBe("¥1,980（税込）");
    await page.getByRole("button", { name: "カートに入れる" }).click();
    await page.getByText("カートに入れました。").waitFor();
    await page.goto("/checkout");
    await page.getByText("お届け先が登録されていません。マイページで登録してください。").waitFor();
    await page.getByRole("link", { name: "お届け先を登録する" }).click();
    await page.getByRole("button", { name: "お届け先を追加" }).click();
    const form = page.getByRole("form", { name: "お届け先を追加" });
    await form.getByLabel("郵便番号").fill("530-0001");
    await form.getByLabel("都道府県").click();
    await form.getByLabel("都道府県").fill("大阪");
    await page.getByRole("option", { name: "大阪府" }).click();
    await form.getByLabel("市区町村").fill("大阪市北区梅田");
    await form.getByLabel("番地").fill("1-2-3");
    await form.getByLabel("お名前").fill("買物 太郎");
    await form.getByLabel("フリガナ").fill("カイモノ タロウ");
    await form.getByLabel("電話番号").fill("08011112222");
    await form.getByRole("button", { name: "保存する" }).click();
    await page.getByText("〒530-0001").waitFor();

    // The cart: change the quantity, then check out to the default address.
    await page.goto("/cart");
    await page.getByTestId("cart-item").waitFor();
    await page.getByRole("textbox", { name: /^数量/ }).fill("2");
    await expect.poll(() => page.getByTestId("cart-total").textContent()).toBe("合計（税込）: ¥3,960");
    // CART-02: shipping to Osaka (近畿) with the shop's default carrier, and everything together.
    await expect
      .poll(() => page.getByTestId("cart-shipping").textContent())
      .toBe("送料（森珈琲 吉祥寺）: ¥900");
    await expect
      .poll(() => page.getByTestId("cart-grand-total").textContent())
      .toBe("お支払い予定額（送料込）: ¥4,860");
    await screenshot(page, "cart-phone");
    await page.getByRole("link", { name: "ご注文手続きへ" }).click();
    await page
      .getByTestId("ship-to")
      .getByText(/〒530-0001/)
      .waitFor();
    await page.getByRole("combobox", { name: "時間帯（任意）" }).click();
    await page.getByRole("option", { name: "14〜16時" }).click();
    // Japan Post delivers without time slots: choosing it clears the slot; Yamato again, and 14–16.
    await page.getByRole("combobox", { name: "配送方法（森珈琲 吉祥寺）" }).click();
    await page.getByRole("option", { name: "日本郵便" }).click();
    expect(await page.getByRole("combobox", { name: "時間帯（任意）" }).inputValue()).toBe("指定なし");
    await page.getByRole("combobox", { name: "配送方法（森珈琲 吉祥寺）" }).click();
    await page.getByRole("option", { name: "ヤマト運輸" }).click();
    await page.getByRole("combobox", { name: "時間帯（任意）" }).click();
    await page.getByRole("option", { name: "14〜16時" }).click();
    await screenshot(page, "checkout-phone");
    // ORD-01: the delivery window is shown, and a date outside it is refused with what to choose.
    const wished = page.getByLabel("お届け希望日（任意）");
    await page.getByText(/までの日付を選べます。/).waitFor();
    await wished.fill("2020-01-01");
    await page.getByRole("button", { name: "注文を確定する" }).click();
    await page.getByText(/^お届け希望日は.+から.+までの日付を選んでください。$/).waitFor();
    await wished.fill("");
    await page.getByRole("button", { name: "注文を確定する" }).click();
    await page.getByRole("heading", { name: "ご注文を受け付けました" }).waitFor();
    const number = await page.getByTestId("order-number").textContent();
    expect(number).toMatch(/^\d{6}-[0-9A-F]{8}$/);

    // ORD-04: My Page shows the order, unpaid, each item waiting for the shop's stock check.
    await page.getByRole("link", { name: "注文履歴を見る" }).click();
    const order = page.getByTestId("order");
    await order.getByText(`注文番号 ${number}`).waitFor();
    await order.getByText("在庫確認待ち").waitFor();
    await order.getByText("在庫確認中").waitFor();
    await screenshot(page, "orders-phone");
    expect(await contrastProblems(page)).toEqual([]);
    // CAT-02: the "order received" email shows each item's picture (its HTML part, as a mail client would).
    const received = await mailed(email, "order_received");
    await page.goto(`/api/v1/dev/mailbox/${received.id}/html`);
    const picture = page.locator("img").first();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await page.getByText("森珈琲 吉祥寺 へのご注文を受け付けました。").waitFor();
    await screenshot(page, "email-order-received-phone");
    // The cart is empty now.
    await page.goto("/cart");
    await page.getByText("カートに商品はありません。").waitFor();

    // ORD-01: the shop's staff find it in their queue and secure the stock.
    await page.getByRole("button", { name: "メニュー" }).click();
    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.goto("/console");
    await page.getByLabel("メールアドレス").fill("staff@mori-coffee-kichijoji.demo.kaimono.jp");
    await page.locator("input[type=password]").fill("kaimono-demo");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.getByRole("link", { name: "注文", exact: true }).click();
    const queued = page.getByTestId("shop-order").filter({ hasText: `注文番号 ${number}` });
    await queued.waitFor();
    await screenshot(page, "console-orders-phone");
    expect(await contrastProblems(page)).toEqual([]);
    await queued.getByRole("button", { name: "在庫を確保する" }).click();
    await page.getByText("在庫確認を登録しました。").waitFor();
    await expect.poll(() => queued.count()).toBe(0);

    // SHOP-02: on a desktop the orders are a table, sortable by when they were placed; the order's page
    // has its history with who secured the stock.
    await page.setViewportSize(DESKTOP);
    await page.goto(`${new URL(page.url()).pathname}?status=all`);
    const table = page.getByTestId("orders-table");
    const row = table.getByRole("link", { name: number ?? "" });
    await row.waitFor();
    await table.getByRole("button", { name: /注文日/ }).click();
    await page.waitForURL(/sort=oldest/);
    await row.click();
    const timeline = page.getByTestId("timeline");
    await timeline.getByText("在庫を確保（お支払い待ち）").waitFor();
    await timeline.getByText(/店員/).waitFor();
    await screenshot(page, "console-order-desktop");
    await page.setViewportSize(PHONE);

    // The member sees it waiting for payment.
    await page.getByRole("button", { name: "メニュー" }).click();
    await page.getByRole("button", { name: "ログアウト" }).click();
    await page.goto("/mypage");
    await page.getByLabel("メールアドレス").fill(email);
    await page.locator("input[type=password]").fill("buyer-password-1");
    await page.locator("form").getByRole("button", { name: "ログイン" }).click();
    await page.getByTestId("order").getByText("お支払い待ち").waitFor();
    await page.getByTestId("order").getByText("在庫確保").waitFor();

    // ORD-02, PAY-01, PAY-04: the emailed payment URL; a declined test card first, then a good one.
    const paymentMail = await mailed(email, "order_payment_requested");
    expect(paymentMail.subject).toContain(number);
    await page.goto(await mailedPaymentPath(email));
    await expect.poll(() => page.getByTestId("pay-amount").textContent()).toBe("¥4,860");
    await page.getByTestId("order-shipping").getByText("送料（ヤマト運輸）: ¥900").waitFor();
    // The total once, as the amount to pay (no second 合計 line), and the button says what it does.
    expect(await page.getByText(/合計（税込）/).count()).toBe(0);
    const cardForm = page.getByRole("form", { name: "クレジットカード登録" });
    await cardForm.getByLabel("カード番号").fill("4242 4242 4242 4241");
    await cardForm.getByLabel("有効期限（MM/YY）").fill("12/30");
    await cardForm.getByLabel("セキュリティコード").fill("123");
    await cardForm.getByRole("button", { name: "登録する" }).click();
    await page.getByText("カード番号が正しくありません。").waitFor();
    await cardForm.getByLabel("カード番号").fill("4000 0000 0000 0002");
    await cardForm.getByRole("button", { name: "登録する" }).click();
    await page.getByRole("radio", { name: /VISA •••• 0002/ }).waitFor();
    await page.getByRole("button", { name: "¥4,860を支払う" }).click();
    await page
      .getByRole("alert")
      .getByText("カードが承認されませんでした。別のカードをお試しください。")
      .waitFor();
    await page.getByRole("button", { name: "カードを追加・変更する" }).click();
    await cardForm.getByLabel("カード番号").fill("4242424242424242");
    await cardForm.getByLabel("有効期限（MM/YY）").fill("12/30");
    await cardForm.getByLabel("セキュリティコード").fill("123");
    await cardForm.getByRole("button", { name: "登録する" }).click();
    await expect.poll(() => page.getByRole("radio", { name: /VISA •••• 4242/ }).isChecked()).toBe(true);
    await screenshot(page, "pay-phone");
    await page.getByRole("button", { name: "¥4,860を支払う" }).click();
    await page.getByText("お支払いが完了しました").waitFor();
    await mailed(email, "payment_received");

    // ORD-03: the shop ships with carrier and tracking number; the member is mailed and sees both.
    await switchUser(page, "staff@mori-coffee-kichijoji.demo.kaimono.jp", "kaimono-demo", "/console");
    await page.getByTestId("queues").first().waitFor();
    await page.getByRole("link", { name: "注文", exact: true }).click();
    await page.getByText("お支払い済み", { exact: true }).click();
    const paid = page.getByTestId("shop-order").filter({ hasText: `注文番号 ${number}` });
    await paid.getByLabel("送り状番号").fill("1234-5678-9012");
    await paid.getByRole("button", { name: "発送済みにする" }).click();
    await page.getByText("発送を登録し、お客様にメールしました。").waitFor();
    // PAY-03: the order's page shows every attempt at the provider: the declined authorization, the
    // approved one, then the capture at shipment.
    await page.getByText("すべて", { exact: true }).click();
    await page.getByRole("link", { name: `注文番号 ${number}` }).click();
    const history = page.getByTestId("payment-history");
    await history.getByText("売上確定 成功").waitFor();
    const rows = await history.getByRole("row").allTextContents();
    expect(rows.map((row) => /与信|売上確定/.exec(row)?.[0])).toEqual(["与信", "与信", "売上確定"]);
    expect(rows[0]).toContain("カード会社に承認されませんでした");
    await screenshot(page, "console-order-phone");
    const shipped = await mailed(email, "order_shipped");
    expect(shipped.body).toContain("ヤマト運輸");
    expect(shipped.body).toContain("1234-5678-9012");
    await switchUser(page, email, "buyer-password-1", "/mypage");
    await page.getByTestId("order").getByText("発送済み").waitFor();
    await page
      .getByTestId("shipment")
      .getByText(/1234-5678-9012/)
      .waitFor();
    expect(errors).toEqual([]);
  });
});
