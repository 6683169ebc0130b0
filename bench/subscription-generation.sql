-- The generation backlog for bench/subscription-generation.sh (SUB-04, issue 12): :items active
-- subscriptions of the demo coffee shop, one per member, all due today (Japan), paid cash on delivery, each with one item
-- of a subscription-enabled coffee (the 2nd+ price), every 30 days, as checkout leaves them after the
-- first order.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE shop AS SELECT id FROM shops WHERE slug = 'mori-coffee-kichijoji';
-- One member per subscription, as in a real shop: no member's rows (points, purchase figures) are shared
-- between subscriptions, so workers never wait on each other's.
INSERT INTO accounts (id, email, password_hash, role, name, name_kana, phone, locale, created_at, updated_at, token_version)
SELECT md5('member' || g)::uuid, 'bench-' || g || '@example.jp', 'x', 'member', '山田 花子', 'ヤマダ ハナコ',
  '09012345678', 'ja', now(), now(), 0
FROM generate_series(1, :items) g;
CREATE TEMP TABLE coffee AS
SELECT v.id AS variant_id, v.sku, v.color, v.size, p.id AS product_id, p.name, p.tax_category,
  p.subscription_first_price AS first_price, p.subscription_price AS price, row_number() OVER (ORDER BY v.id) - 1 AS k
FROM variants v JOIN products p ON p.id = v.product_id
WHERE p.shop_id = (SELECT id FROM shop) AND p.subscription_enabled;
CREATE TEMP TABLE today AS SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date AS d;

INSERT INTO subscriptions (id, shop_id, account_id, number, status, cycle_kind, cycle_value, carrier, time_slot,
  payment_method, card_id, ship_postal_code, ship_prefecture, ship_city, ship_street, ship_building, ship_name,
  ship_name_kana, ship_phone, shipping_fee, fee, memo, deliveries, next_delivery_on, next_generation_on, skip_next,
  last_delivery_on, last_generated_at, confirmation, confirmation_sha256, search_text, created_at, updated_at, ended_at)
SELECT md5('subscription' || g)::uuid, (SELECT id FROM shop), md5('member' || g)::uuid, 'BENCH-' || lpad(g::text, 7, '0'),
  'active', 'every_days', 30, NULL, NULL, 'cash_on_delivery', NULL, '1800004', 13, '武蔵野市吉祥寺本町', '2-8-3', NULL,
  '山田 花子', 'ヤマダ ハナコ', '09012345678', 0, 330, '', 1, (SELECT d FROM today) + 5, (SELECT d FROM today), false,
  NULL, NULL, '{}', repeat('0', 64), 'bench-' || g, now(), now(), NULL
FROM generate_series(1, :items) g;

INSERT INTO subscription_items (id, subscription_id, product_id, variant_id, product_name, sku, color, size,
  tax_category, first_price, unit_price, quantity, max_deliveries, deliveries, active, created_at)
SELECT md5('item' || g)::uuid, md5('subscription' || g)::uuid, c.product_id, c.variant_id, c.name, c.sku, c.color, c.size,
  c.tax_category, c.first_price, c.price, 1, NULL, 1, true, now()
FROM generate_series(1, :items) g
JOIN coffee c ON c.k = g % (SELECT count(*) FROM coffee);
COMMIT;
ANALYZE subscriptions;
ANALYZE subscription_items;
