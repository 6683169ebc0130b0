-- The order-placement transaction as the API runs it (CART-02), driven directly by pgbench: the ceiling.
-- Reads, as the API issues them: the cart, its variants, products, shops and stock, the address, the
-- member (for the email), and the placed order back; writes: the idempotency key, two conditional stock decrements in
-- ascending variant order, the order, its two lines, the outbox email, the emptied cart and the recorded
-- response. Members come from the half of the prepared carts that the HTTP runs do not use.
\set m random(:lo, :hi)
SELECT account_id AS acct, address_id AS addr, v1, v2 FROM bench_carts WHERE n = :m \gset
SELECT gen_random_uuid() AS oid \gset
BEGIN;
INSERT INTO idempotency_keys (account_id, key, request_hash, response_status, response_body, created_at)
  VALUES (:acct, :oid, 'fingerprint', NULL, NULL, now()) ON CONFLICT DO NOTHING;
SELECT * FROM cart_items WHERE account_id = :acct ORDER BY added_at, variant_id;
SELECT * FROM variants WHERE id IN (:v1, :v2);
SELECT * FROM products WHERE id IN (SELECT product_id FROM variants WHERE id IN (:v1, :v2));
SELECT * FROM shops WHERE id IN (SELECT p.shop_id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (:v1, :v2));
SELECT * FROM stock WHERE variant_id IN (:v1, :v2);
SELECT * FROM addresses WHERE id = :addr AND account_id = :acct;
UPDATE stock SET quantity = quantity - 1, updated_at = now()
  WHERE variant_id = :v1 AND shop_id = (SELECT p.shop_id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = :v1) AND quantity >= 1;
UPDATE stock SET quantity = quantity - 1, updated_at = now()
  WHERE variant_id = :v2 AND shop_id = (SELECT p.shop_id FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = :v2) AND quantity >= 1;
INSERT INTO orders (id, number, account_id, shop_id, status, ship_postal_code, ship_prefecture, ship_city,
    ship_street, ship_building, ship_name, ship_name_kana, ship_phone, delivery_date, delivery_time_slot, total,
    tax_standard, tax_reduced, created_at, updated_at)
  SELECT :oid, :oid, :acct, p.shop_id, 'awaiting_stock_check', '1500001', 13, '渋谷区神宮前', '1-2-3', NULL,
    '負荷 試験', 'フカ シケン', '09000000000', NULL, NULL, 3960, 360, 0, now(), now()
  FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id = :v1;
INSERT INTO order_lines (id, order_id, variant_id, sku, product_name, color, size, tax_category, unit_price, quantity, status)
  SELECT gen_random_uuid(), :oid, v.id, v.sku, p.name, v.color, v.size, p.tax_category, v.price, 1, 'held'
  FROM variants v JOIN products p ON p.id = v.product_id WHERE v.id IN (:v1, :v2);
SELECT * FROM accounts WHERE id = :acct;
INSERT INTO outbox_emails (id, to_address, subject, body_text, template, locale, status, attempts, next_attempt_at,
    locked_until, locked_by, last_error, created_at, sent_at)
  VALUES (gen_random_uuid(), 'bench@bench.test', '【kaimono】ご注文を受け付けました', repeat('本文', 200),
    'order_received', 'ja', 'pending', 0, now(), NULL, NULL, NULL, now(), NULL);
DELETE FROM cart_items WHERE account_id = :acct;
SELECT * FROM orders WHERE id IN (:oid) ORDER BY id DESC;
SELECT * FROM order_lines WHERE order_id IN (:oid) ORDER BY id;
SELECT * FROM shops WHERE id IN (SELECT shop_id FROM orders WHERE id = :oid);
UPDATE idempotency_keys SET response_status = 201, response_body = repeat('{}', 1000)
  WHERE account_id = :acct AND key = :oid;
COMMIT;
