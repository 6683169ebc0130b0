// RSV-01 … RSV-07, SHOP-01, MSG-01 in the browser: a member reserves from the product page at phone width
// and asks the shop a question; the shop's staff (desktop, in English) confirm it from their queue, answer
// from the inbox and hand it over at the pickup desk, taking payment in store.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, PHONE, launch, mailed, open, screenshot, signUp, skip, switchUser } from "./browser";

describe.skipIf(skip)("store-pickup reservations", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("reserves for a visit date, is confirmed with a pickup number and handed over at the desk", async () => {
    const { page, errors } = await open(browser, PHONE);
    // A member of its own, so this test does not depend on the others.
    const MEMBER = `reserver-${Date.now()}@example.jp`;
    await signUp(page, MEMBER, "reserver-password-1");

    // RSV-01: only the shop's business days inside its window can be chosen.
    await page.goto("/products?q=%E3%83%AF%E3%82%A4%E3%83%89%E3%83%87%E3%83%8B%E3%83%A0");
    await page.getByText("ワイドデニムパンツ").first().click();
    await page.getByText("店頭で（店頭決済）", { exact: false }).waitFor();
    await page.getByRole("button", { name: "お取り置きを申し込む" }).click();
    await page.getByText("来店予定日を選んでください").first().waitFor();
    await page.getByRole("combobox", { name: "来店予定日" }).click();
    const options = page.getByRole("option");
    expect(await options.count()).toBeGreaterThan(5);
    await options.first().click();
    await screenshot(page, "reserve-phone");
    await page.getByRole("button", { name: "お取り置きを申し込む" }).click();
    const reserved = page.getByTestId("reserved");
    await reserved.getByText("お取り置きを受け付けました").waitFor();
    const pickupNumber = /引取番号: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(
      (await reserved.textContent()) ?? "",
    )?.[1];
    expect(pickupNumber).toBeDefined();
    await mailed(MEMBER, "reservation_received");

    // RSV-07: My Page shows it, being checked.
    await reserved.getByRole("link", { name: "お取り置き状況を見る" }).click();
    const mine = page.getByTestId("reservation").filter({ hasText: pickupNumber ?? "" });
    await mine.getByText("在庫確認中").waitFor();

    // MSG-01: the member asks the shop about it from My Page.
    await mine.getByRole("button", { name: "メッセージ", exact: true }).click();
    await mine.getByLabel("件名").fill("来店時間について");
    await mine.getByRole("textbox", { name: "本文" }).fill("18時ごろに伺います。");
    await mine.getByRole("button", { name: "送信する", exact: true }).click();
    await page.getByText("メッセージを送信しました。").waitFor();
    await mine.getByTestId("message").filter({ hasText: "18時ごろに伺います。" }).waitFor();

    // SHOP-01, RSV-02: staff confirm it from the reservations queue — at desktop width, in English.
    await switchUser(page, "staff@opa-closet-shibuya.demo.kaimono.jp", "kaimono-demo", "/console");
    await page.setViewportSize(DESKTOP);
    await page.getByTestId("queues").waitFor();
    await page.getByText("English", { exact: true }).click();
    await page.getByText("Reservations to confirm").waitFor();
    await page.getByRole("link", { name: "Reservations", exact: true }).click();
    const queued = page.getByTestId("shop-reservation").filter({ hasText: pickupNumber ?? "" });
    await queued.getByText("Checking stock").waitFor();
    await queued.getByRole("button", { name: "Secure the stock" }).click();
    await page.getByText("Reservation confirmed; the pickup number has been emailed.").waitFor();
    const confirmed = await mailed(MEMBER, "reservation_confirmed");
    expect(confirmed.body).toContain(pickupNumber);
    expect(confirmed.body).toMatch(/お取り置き期限：\d{4}年\d{1,2}月\d{1,2}日\(.\)まで/);

    // SHOP-01, MSG-01, MSG-04: the member's message waits in the shop's inbox; staff answer on the
    // reservation's page and the member is emailed.
    await page.getByRole("navigation", { name: "Shop menu" }).getByRole("link", { name: "Messages" }).click();
    const thread = page.getByTestId("inbox-thread").filter({ hasText: pickupNumber ?? "" });
    await thread.getByText("1 unread").waitFor();
    await thread.getByRole("link", { name: `Reservation ${pickupNumber}` }).click();
    await page.getByText("18時ごろに伺います。").waitFor();
    await page.getByLabel("Subject").fill("Re: 来店時間について");
    await page.getByRole("textbox", { name: "Message" }).fill("お待ちしております。");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("Message sent.").waitFor();
    await mailed(MEMBER, "order_message_to_member");

    // RSV-03: the pickup desk finds it by the number as typed, and hands it over once paid in store.
    await page
      .getByRole("navigation", { name: "Shop menu" })
      .getByRole("link", { name: "Pickup desk" })
      .click();
    await page.getByRole("heading", { name: "Pickup desk" }).waitFor();
    await page.getByLabel("Pickup number").fill((pickupNumber ?? "").toLowerCase().replace("-", " "));
    await page.getByLabel("Pickup number").press("Enter");
    const desk = page.getByTestId("pickup");
    await desk.getByText("Held for you").waitFor();
    await expect.poll(() => desk.getByRole("button", { name: "Handed over" }).isDisabled()).toBe(true);
    await desk.getByLabel("Payment taken in store").check();
    await screenshot(page, "pickup-desk-desktop-en");
    await desk.getByRole("button", { name: "Handed over" }).click();
    await desk.getByText("Picked up").waitFor();
    await page.getByText("日本語", { exact: true }).click();
    await page.getByRole("heading", { name: "受け渡しカウンター" }).waitFor();

    // The member sees it picked up, with its history (without staff names).
    await switchUser(page, MEMBER, "reserver-password-1", "/mypage");
    const done = page.getByTestId("reservation").filter({ hasText: pickupNumber ?? "" });
    await done.getByText("お渡し済み").waitFor();
    await done.getByRole("button", { name: "メッセージ", exact: true }).click();
    await done.getByTestId("message").filter({ hasText: "お待ちしております。" }).waitFor();
    await done.getByRole("button", { name: "履歴を見る" }).click();
    const history = done.getByTestId("timeline");
    await history.getByText("お取り置きのお申し込み").waitFor();
    await history.getByText("お取り置き確定").waitFor();
    await history.getByText("お渡し").waitFor();
    expect(await history.getByText("店員", { exact: false }).count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
