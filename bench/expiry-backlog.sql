-- The expiry backlog for bench/expiry-backlog.sh: :items lapsed items for the demo member, spread over
-- every stocked variant of the demo mall. Half are delivery orders secured by the shop with an open
-- payment link that expired an hour ago; half are in-store reservations held past their deadline. Their
-- units are off the shelf, as the real flows leave them.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE picks AS
SELECT g AS n, v.id AS variant_id, v.sku, v.price, p.name, p.shop_id, p.tax_category, v.color, v.size
FROM generate_series(1, :items) g
JOIN LATERAL (
  SELECT v.* FROM variants v JOIN stock s ON s.variant_id = v.id
  ORDER BY v.id OFFSET (g % (SELECT count(*) FROM stock)) LIMIT 1
) v ON true
JOIN products p ON p.id = v.product_id;
CREATE TEMP TABLE member AS SELECT id FROM accounts WHERE email = 'member@demo.kaimono.jp';

-- Orders (odd n): awaiting payment, one secured line, a lapsed open payment link.
INSERT INTO orders (id, number, account_id, shop_id, status, ship_postal_code, ship_prefecture, ship_city,
  ship_street, ship_name, ship_name_kana, ship_phone, total, tax_standard, tax_reduced, created_at, updated_at)
SELECT md5('order' || n)::uuid, 'B' || lpad(n::text, 9, '0'), (SELECT id FROM member), shop_id, 'awaiting_payment',
  '1500001', 13, '渋谷区', '神宮前1-1', '山田 花子', 'ヤマダ ハナコ', '09012345678', price, 0, 0,
  now() - interval '4 days', now() - interval '4 days'
FROM picks WHERE n % 2 = 1;
INSERT INTO order_lines (id, order_id, variant_id, sku, product_name, color, size, tax_category, unit_price, quantity, status)
SELECT md5('line' || n)::uuid, md5('order' || n)::uuid, variant_id, sku, name, color, size, tax_category, price, 1, 'secured'
FROM picks WHERE n % 2 = 1;
INSERT INTO payment_requests (id, token_hash, account_id, shop_id, order_id, amount, status, expires_at, created_at)
SELECT md5('request' || n)::uuid, md5('token' || n), (SELECT id FROM member), shop_id, md5('order' || n)::uuid,
  price, 'open', now() - interval '1 hour', now() - interval '4 days'
FROM picks WHERE n % 2 = 1;

-- Reservations (even n): held, paid in store, past their hold deadline.
INSERT INTO reservations (id, pickup_number, account_id, shop_id, variant_id, sku, product_name, color, size,
  tax_category, unit_price, quantity, total, payment, visit_date, hold_deadline, status, paid_in_store, created_at, updated_at)
SELECT md5('hold' || n)::uuid, 'B' || lpad(n::text, 9, '0'), (SELECT id FROM member), shop_id, variant_id, sku, name,
  color, size, tax_category, price, 1, price, 'in_store', current_date - 4, now() - interval '1 hour', 'held', false,
  now() - interval '8 days', now() - interval '8 days'
FROM picks WHERE n % 2 = 0;

COMMIT;
