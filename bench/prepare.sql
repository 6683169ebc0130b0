-- Prepared carts for the order-placement benchmark: :members members, each with a default address and a
-- cart of two deliverable variants (spread over the demo catalog), and plenty of stock everywhere.
UPDATE stock SET quantity = 1000000;

INSERT INTO accounts (id, email, password_hash, role, name, name_kana, phone, locale, created_at, updated_at)
SELECT gen_random_uuid(), 'bench' || n || '@bench.test', 'not-a-password-hash', 'member', '負荷 試験',
       'フカ シケン', '09000000000', 'ja', now(), now()
FROM generate_series(1, :members) AS n;

INSERT INTO addresses (id, account_id, postal_code, prefecture, city, street, building, recipient_name,
                       recipient_kana, phone, is_default, created_at, updated_at)
SELECT gen_random_uuid(), id, '1500001', 13, '渋谷区神宮前', '1-2-3', NULL, '負荷 試験', 'フカ シケン',
       '09000000000', true, now(), now()
FROM accounts WHERE email LIKE 'bench%@bench.test';

-- Deliverable, active variants, numbered.
CREATE TEMP TABLE bench_variants AS
SELECT row_number() OVER (ORDER BY v.id) AS n, v.id
FROM variants v JOIN products p ON p.id = v.product_id
WHERE p.deliverable AND p.active AND v.active;

INSERT INTO cart_items (account_id, variant_id, quantity, added_at)
SELECT a.id, bv.id, 1, now()
FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts WHERE email LIKE 'bench%@bench.test') a
JOIN bench_variants bv
  ON bv.n = 1 + (a.n * 7) % (SELECT count(*) FROM bench_variants)
  OR bv.n = 1 + (a.n * 7 + 3) % (SELECT count(*) FROM bench_variants);

-- The same carts, by member number, for the pgbench script.
CREATE TABLE bench_carts AS
SELECT a.n, a.id AS account_id, ad.id AS address_id,
       min(ci.variant_id::text)::uuid AS v1, max(ci.variant_id::text)::uuid AS v2
FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM accounts WHERE email LIKE 'bench%@bench.test') a
JOIN addresses ad ON ad.account_id = a.id
JOIN cart_items ci ON ci.account_id = a.id
GROUP BY a.n, a.id, ad.id;
CREATE UNIQUE INDEX ON bench_carts (n);

-- The members file the load generator reads: account id and address id per line.
\copy (SELECT a.id, ad.id FROM accounts a JOIN addresses ad ON ad.account_id = a.id WHERE a.email LIKE 'bench%@bench.test' ORDER BY a.email) TO 'members.tsv'
