-- The authorization queue for bench/subscription-authorization.sh (SUB-04, issue 12 part b): :items active
-- card subscriptions of the demo coffee shop, all due today (Japan), each paying with the demo member's
-- saved card at the (fake) Stripe-compatible provider, with the shop authorizing at generation — so every generated order is queued for
-- one authorization at the provider.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE shop AS SELECT id FROM shops WHERE slug = 'mori-coffee-kichijoji';
CREATE TEMP TABLE member AS SELECT id FROM accounts WHERE email = 'member@demo.kaimono.jp';
CREATE TEMP TABLE coffee AS
SELECT v.id AS variant_id, v.sku, v.color, v.size, p.id AS product_id, p.name, p.tax_category,
  p.subscription_price AS price, row_number() OVER (ORDER BY v.id) - 1 AS k
FROM variants v JOIN products p ON p.id = v.product_id
WHERE p.shop_id = (SELECT id FROM shop) AND p.subscription_enabled;
CREATE TEMP TABLE today AS SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date AS d;

UPDATE subscription_settings SET auto_authorize = true WHERE shop_id = (SELECT id FROM shop);
INSERT INTO payment_customers (account_id, provider, customer_ref)
SELECT id, 'stripe', 'cus_bench' FROM member
ON CONFLICT DO NOTHING;
INSERT INTO payment_cards (id, account_id, provider, card_ref, brand, last4, exp_month, exp_year, is_default, created_at)
SELECT md5('bench-card')::uuid, id, 'stripe', 'pm_bench', 'visa', '4242', 12, 2035, false, now() FROM member;

INSERT INTO subscriptions (id, shop_id, account_id, number, status, cycle_kind, cycle_value, carrier, time_slot,
  payment_method, card_id, ship_postal_code, ship_prefecture, ship_city, ship_street, ship_building, ship_name,
  ship_name_kana, ship_phone, shipping_fee, fee, memo, deliveries, next_delivery_on, next_generation_on, skip_next,
  last_delivery_on, last_generated_at, confirmation, confirmation_sha256, search_text, created_at, updated_at, ended_at)
SELECT md5('subscription' || g)::uuid, (SELECT id FROM shop), (SELECT id FROM member), 'BENCH-' || lpad(g::text, 7, '0'),
  'active', 'every_days', 30, NULL, NULL, 'card', md5('bench-card')::uuid, '1800004', 13, '武蔵野市吉祥寺本町', '2-8-3', NULL,
  '山田 花子', 'ヤマダ ハナコ', '09012345678', 0, 0, '', 1, (SELECT d FROM today) + 5, (SELECT d FROM today), false,
  NULL, NULL, '{}', repeat('0', 64), 'bench-' || g, now(), now(), NULL
FROM generate_series(1, :items) g;

INSERT INTO subscription_items (id, subscription_id, product_id, variant_id, product_name, sku, color, size,
  tax_category, first_price, unit_price, quantity, max_deliveries, deliveries, active, created_at)
SELECT md5('item' || g)::uuid, md5('subscription' || g)::uuid, c.product_id, c.variant_id, c.name, c.sku, c.color, c.size,
  c.tax_category, c.price, c.price, 1, NULL, 1, true, now()
FROM generate_series(1, :items) g
JOIN coffee c ON c.k = g % (SELECT count(*) FROM coffee);
COMMIT;
ANALYZE subscriptions;
ANALYZE subscription_items;
