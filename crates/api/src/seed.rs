//! The demo mall: three shops with calendars, thirty products with color/size variants across both tax
//! rates, stock, an owner and a staff login per shop, an operator and a member. Loaded only into an
//! empty database.

use chrono::{DateTime, NaiveDate, Utc, Weekday, WeekdaySet};
use kaimono_accounts::{PersonDetails, Role, ShopRole, bind_to_shop, create_account};
use kaimono_catalog::{CalendarDate, Fulfilment, NewProduct, NewShop, NewVariant, ReservationPayment, ShopCalendar};
use kaimono_core::{BusinessCalendar, Locale, Money, TaxCategory};
use sea_orm::DatabaseConnection;

/// The password of every demo login.
pub const DEMO_PASSWORD: &str = "kaimono-demo";

/// A login printed at start-up.
pub struct DemoLogin {
    pub role: String,
    pub email: String,
}

/// Name, category, tax category, base price in yen, colors, sizes.
type ProductSeed = (&'static str, &'static str, TaxCategory, i64, &'static [&'static str], &'static [&'static str]);

struct ShopSeed {
    slug: &'static str,
    name: &'static str,
    description: &'static str,
    prefecture: i16,
    postal_code: &'static str,
    address: &'static str,
    phone: &'static str,
    hours: &'static str,
    closed: &'static [Weekday],
    products: &'static [ProductSeed],
}

const SHOPS: [ShopSeed; 3] = [
    ShopSeed {
        slug: "opa-closet-shibuya",
        name: "オーパ クローゼット 渋谷店",
        description: "毎日着たいベーシックと季節のアイテム。お取り置き・配送どちらも承ります。",
        prefecture: 13,
        postal_code: "1500042",
        address: "渋谷区宇田川町 21-1",
        phone: "0312345678",
        hours: "11:00〜21:00",
        closed: &[],
        products: &[
            (
                "オックスフォードシャツ",
                "トップス",
                TaxCategory::Standard,
                4990,
                &["ホワイト", "サックス", "ピンク"],
                &["S", "M", "L"],
            ),
            (
                "ワイドデニムパンツ",
                "ボトムス",
                TaxCategory::Standard,
                6990,
                &["インディゴ", "ブラック"],
                &["S", "M", "L", "XL"],
            ),
            (
                "ウールブレンドコート",
                "アウター",
                TaxCategory::Standard,
                19800,
                &["キャメル", "チャコール"],
                &["M", "L"],
            ),
            (
                "リブニットカーディガン",
                "トップス",
                TaxCategory::Standard,
                5990,
                &["アイボリー", "グリーン", "ブラウン"],
                &["F"],
            ),
            ("プリーツスカート", "ボトムス", TaxCategory::Standard, 5490, &["ネイビー", "ベージュ"], &["S", "M"]),
            ("スウェットパーカー", "トップス", TaxCategory::Standard, 4490, &["グレー", "ネイビー"], &["M", "L", "XL"]),
            ("レザーベルト", "小物", TaxCategory::Standard, 2990, &["ブラック", "ブラウン"], &["F"]),
            ("キャンバストートバッグ", "バッグ", TaxCategory::Standard, 3290, &["ナチュラル", "ブラック"], &["F"]),
            (
                "ボーダーTシャツ",
                "トップス",
                TaxCategory::Standard,
                1980,
                &["ネイビー", "レッド", "ブラック"],
                &["S", "M", "L"],
            ),
            ("ダウンベスト", "アウター", TaxCategory::Standard, 12800, &["ブラック", "オリーブ"], &["M", "L"]),
        ],
    },
    ShopSeed {
        slug: "mori-coffee-kichijoji",
        name: "森珈琲 吉祥寺",
        description: "自家焙煎のコーヒー豆と焼き菓子、器の店。水曜定休。",
        prefecture: 13,
        postal_code: "1800004",
        address: "武蔵野市吉祥寺本町 2-8-3",
        phone: "0422123456",
        hours: "10:00〜19:00",
        closed: &[Weekday::Wed],
        products: &[
            ("ブレンドコーヒー豆", "コーヒー", TaxCategory::Reduced, 1480, &["中煎り", "深煎り"], &["200g", "500g"]),
            ("エチオピア シングルオリジン", "コーヒー", TaxCategory::Reduced, 1980, &["浅煎り"], &["200g"]),
            ("ドリップバッグ 10袋", "コーヒー", TaxCategory::Reduced, 1200, &["ブレンド", "デカフェ"], &["10袋"]),
            ("バターサブレ", "焼き菓子", TaxCategory::Reduced, 864, &["プレーン", "抹茶"], &["8枚入"]),
            ("パウンドケーキ", "焼き菓子", TaxCategory::Reduced, 1620, &["レモン", "ショコラ"], &["1本"]),
            ("ほうじ茶ラテの素", "お茶", TaxCategory::Reduced, 972, &["ほうじ茶"], &["150g"]),
            ("波佐見焼マグカップ", "器", TaxCategory::Standard, 2420, &["藍", "白", "灰"], &["300ml"]),
            ("ハンドドリップケトル", "器具", TaxCategory::Standard, 6600, &["シルバー", "ブラック"], &["0.9L"]),
            ("セラミックドリッパー", "器具", TaxCategory::Standard, 2750, &["白", "黒"], &["1〜2杯", "2〜4杯"]),
            ("コーヒーキャニスター", "器具", TaxCategory::Standard, 3300, &["ステンレス"], &["S", "L"]),
        ],
    },
    ShopSeed {
        slug: "hanamichi-zakka-osaka",
        name: "はなみち雑貨 大阪本店",
        description: "暮らしの道具と手みやげ。祝日と月曜はお休みです。",
        prefecture: 27,
        postal_code: "5300001",
        address: "大阪市北区梅田 1-2-3",
        phone: "0661234567",
        hours: "10:30〜20:00",
        closed: &[Weekday::Mon],
        products: &[
            (
                "今治タオル フェイス",
                "タオル",
                TaxCategory::Standard,
                1320,
                &["ホワイト", "グレー", "ピンク", "ブルー"],
                &["34×85cm"],
            ),
            ("手ぬぐい", "布もの", TaxCategory::Standard, 1100, &["桜", "麻の葉", "青海波"], &["90cm"]),
            ("竹のお箸", "キッチン", TaxCategory::Standard, 1650, &["天然", "拭き漆"], &["21cm", "23cm"]),
            ("ガラスのコップ", "キッチン", TaxCategory::Standard, 1870, &["クリア", "アンバー"], &["240ml"]),
            ("帆布ポーチ", "布もの", TaxCategory::Standard, 2200, &["生成り", "カーキ", "ネイビー"], &["S", "M"]),
            ("アロマキャンドル", "インテリア", TaxCategory::Standard, 2860, &["ゆず", "ひのき"], &["100g"]),
            ("金平糖 詰め合わせ", "手みやげ", TaxCategory::Reduced, 756, &["季節の彩り"], &["60g"]),
            ("京番茶ティーバッグ", "手みやげ", TaxCategory::Reduced, 648, &["京番茶"], &["10包"]),
            ("いちごジャム", "手みやげ", TaxCategory::Reduced, 1080, &["いちご", "ブルーベリー"], &["140g"]),
            ("一筆箋セット", "文具", TaxCategory::Standard, 660, &["花", "動物"], &["3冊"]),
        ],
    },
];

/// The demo proxy-buying service (代行, PRX-01): its slug and name.
const PROXY_SLUG: &str = "kaimono-daiko";
const PROXY_NAME: &str = "かいもの代行 上海倉庫";

/// The demo logins, all with [`DEMO_PASSWORD`].
fn demo_logins() -> Vec<DemoLogin> {
    let mut logins = vec![
        DemoLogin { role: "operator".into(), email: "operator@demo.kaimono.jp".into() },
        DemoLogin { role: "member".into(), email: "member@demo.kaimono.jp".into() },
    ];
    for shop in &SHOPS {
        logins.push(DemoLogin {
            role: format!("owner of {}", shop.name),
            email: format!("owner@{}.demo.kaimono.jp", shop.slug),
        });
        logins.push(DemoLogin {
            role: format!("staff of {}", shop.name),
            email: format!("staff@{}.demo.kaimono.jp", shop.slug),
        });
    }
    logins.push(DemoLogin {
        role: format!("owner of {PROXY_NAME}"),
        email: format!("owner@{PROXY_SLUG}.demo.kaimono.jp"),
    });
    logins
}

/// The proxy-buying service of the demo mall: a shop of the proxy kind with a transfer account and the
/// default fee rule, run by its owner (the last demo login).
async fn seed_proxy_service(
    txn: &impl sea_orm::ConnectionTrait,
    staff_email: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let shop = kaimono_catalog::create_shop(
        txn,
        NewShop {
            slug: PROXY_SLUG.into(),
            name: PROXY_NAME.into(),
            description: "中国の通販サイトの商品を代わりに購入し、検品・撮影してお届けします。".into(),
            postal_code: "1030027".into(),
            prefecture: 13,
            address: "中央区日本橋 1-1-1".into(),
            phone: "0312340000".into(),
            contact_email: format!("shop@{PROXY_SLUG}.demo.kaimono.jp"),
            opening_hours: "10:00〜18:00（土日祝休み）".into(),
        },
        kaimono_catalog::ShopKind::Proxy,
        ShopCalendar {
            rules: BusinessCalendar {
                closed_weekdays: [Weekday::Sat, Weekday::Sun].into_iter().collect(),
                closed_on_holidays: true,
                closed_dates: Default::default(),
                open_dates: Default::default(),
            },
            closed_dates: Vec::new(),
            open_dates: Vec::new(),
        },
        now,
    )
    .await?;
    let current = kaimono_catalog::get_shop(txn, shop.id).await?;
    let settings = kaimono_catalog::ShopSettings {
        policy: current.policy,
        contact_email: current.contact_email,
        invoice_registration_number: None,
        bank_account: Some(kaimono_catalog::BankAccount {
            bank_name: "かいもの銀行".into(),
            branch_name: "日本橋支店".into(),
            account_type: kaimono_catalog::AccountType::Ordinary,
            account_number: "1234567".into(),
            account_holder: "カ)カイモノダイコウ".into(),
        }),
    };
    kaimono_catalog::update_settings(txn, shop.id, settings).await?;
    let person =
        PersonDetails {
            name: "代行 三郎".into(), name_kana: "ダイコウ サブロウ".into(), phone: "0312340000".into()
        };
    let staff = create_account(txn, staff_email, DEMO_PASSWORD, Role::Staff, person, Locale::Ja, now).await?;
    bind_to_shop(txn, staff.id, shop.id, ShopRole::Owner).await?;
    Ok(())
}

/// The demo logins that exist and still have the published password (production refuses to start with
/// any).
pub async fn demo_logins_present(db: &DatabaseConnection) -> anyhow::Result<Vec<String>> {
    let mut present = Vec::new();
    for login in demo_logins() {
        if kaimono_accounts::has_password(db, &login.email, DEMO_PASSWORD).await? {
            present.push(login.email);
        }
    }
    Ok(present)
}

/// Shipping of every demo shop: Yamato (the default, all time slots) and Japan Post, by region, free
/// from ¥5,500 (CART-02).
/// CAT-05: coffee sells on subscription — about 20 % off the first delivery, 10 % off the later ones.
fn subscription_terms(category: &str, price: i64) -> Option<kaimono_catalog::SubscriptionTerms> {
    (category == "コーヒー").then(|| kaimono_catalog::SubscriptionTerms {
        first_price: Money::yen(price * 8 / 10 / 10 * 10),
        price: Money::yen(price * 9 / 10 / 10 * 10),
        max_deliveries: None,
    })
}

/// SUB-08, SUB-09: the coffee shop's subscription settings — every 14 to 60 days or monthly, card, cash
/// on delivery or its own bank transfer (PAY-08), free shipping, orders made 5 days ahead, numbers
/// `MORI-000001`.
async fn seed_subscriptions(
    db: &impl sea_orm::ConnectionTrait,
    shop: kaimono_core::ShopId,
    now: chrono::DateTime<chrono::Utc>,
) -> anyhow::Result<()> {
    use kaimono_subscriptions::{Benefits, CustomMethod, NumberRule, PaymentMethod, SubscriptionSettings};
    let settings = SubscriptionSettings {
        enabled: true,
        interval_min: 14,
        interval_max: 60,
        payment_methods: vec![PaymentMethod::Card, PaymentMethod::CashOnDelivery],
        custom_methods: vec![CustomMethod {
            id: uuid::Uuid::now_v7(),
            name: "銀行振込（前払い）".into(),
            fee: kaimono_core::Money::ZERO,
            carriers: Vec::new(),
            description:
                "お届けの前に、ご注文ごとにお送りする口座へお振り込みください（振込手数料はお客様のご負担です）。"
                    .into(),
        }],
        benefits: Benefits { free_shipping: true, ..Benefits::default() },
        points_rate_bp: 100,
        number_rule: NumberRule::Prefix { prefix: "MORI-".into(), digits: 6 },
        ..SubscriptionSettings::default()
    };
    kaimono_subscriptions::update_subscription_settings(db, shop, settings, None, now).await?;
    Ok(())
}

fn demo_shipping() -> kaimono_catalog::Shipping {
    use kaimono_core::{Carrier, Money, TIME_SLOTS};
    // 北海道, 東北, 関東, 中部, 近畿, 中国, 四国, 九州, 沖縄
    let yamato = [1300, 900, 800, 800, 900, 1000, 1000, 1100, 1600].map(Money::yen);
    let post = [900, 600, 600, 600, 600, 600, 600, 600, 900].map(Money::yen);
    kaimono_catalog::Shipping {
        methods: vec![
            kaimono_catalog::ShippingMethod {
                carrier: Carrier::Yamato,
                time_slots: TIME_SLOTS.iter().map(|s| (*s).to_owned()).collect(),
                fees: yamato,
            },
            kaimono_catalog::ShippingMethod { carrier: Carrier::JapanPost, time_slots: Vec::new(), fees: post },
        ],
        free_over: Some(Money::yen(5500)),
    }
}

/// Loads the demo mall if the database has no shops yet. Returns the demo logins either way.
pub async fn seed_demo(
    db: &DatabaseConnection,
    storage: &kaimono_media::Storage,
    now: DateTime<Utc>,
) -> anyhow::Result<Vec<DemoLogin>> {
    let logins = demo_logins();
    if !kaimono_catalog::list_shops(db, None, 1).await?.items.is_empty() {
        return Ok(logins);
    }
    let txn = crate::database::begin_write(db).await?;
    let person = |name: &str, kana: &str| PersonDetails {
        name: name.into(),
        name_kana: kana.into(),
        phone: "09012345678".into(),
    };
    create_account(
        &txn,
        &logins[0].email,
        DEMO_PASSWORD,
        Role::Operator,
        person("運営 太郎", "ウンエイ タロウ"),
        Locale::Ja,
        now,
    )
    .await?;
    let member = create_account(
        &txn,
        &logins[1].email,
        DEMO_PASSWORD,
        Role::Member,
        person("山田 花子", "ヤマダ ハナコ"),
        Locale::Ja,
        now,
    )
    .await?;
    kaimono_accounts::create_address(
        &txn,
        member.id,
        kaimono_accounts::AddressInput {
            postal_code: "1500001".into(),
            prefecture: 13,
            city: "渋谷区神宮前".into(),
            street: "1-2-3".into(),
            building: Some("かいものハイツ 101".into()),
            recipient_name: "山田 花子".into(),
            recipient_kana: "ヤマダ ハナコ".into(),
            phone: "09012345678".into(),
            is_default: true,
        },
        now,
    )
    .await?;

    let this_year = chrono::Datelike::year(&now.date_naive());
    for (index, seed) in SHOPS.iter().enumerate() {
        let mut closed_weekdays = WeekdaySet::EMPTY;
        for day in seed.closed {
            closed_weekdays.insert(*day);
        }
        let stocktake = NaiveDate::from_ymd_opt(this_year + 1, 1, 2 + u32::try_from(index).unwrap_or(0));
        let closed_dates: Vec<CalendarDate> =
            stocktake.into_iter().map(|date| CalendarDate { date, note: Some("棚卸しのため休業".into()) }).collect();
        let calendar = ShopCalendar {
            rules: BusinessCalendar {
                closed_weekdays,
                closed_on_holidays: index == 2,
                closed_dates: closed_dates.iter().map(|d| d.date).collect(),
                open_dates: Default::default(),
            },
            closed_dates,
            open_dates: Vec::new(),
        };
        let shop = kaimono_catalog::create_shop(
            &txn,
            NewShop {
                slug: seed.slug.into(),
                name: seed.name.into(),
                description: seed.description.into(),
                postal_code: seed.postal_code.into(),
                prefecture: seed.prefecture,
                address: seed.address.into(),
                phone: seed.phone.into(),
                contact_email: format!("shop@{}.demo.kaimono.jp", seed.slug),
                opening_hours: seed.hours.into(),
            },
            kaimono_catalog::ShopKind::Retail,
            calendar,
            now,
        )
        .await?;
        let owner = create_account(
            &txn,
            &logins[2 + index * 2].email,
            DEMO_PASSWORD,
            Role::Staff,
            person("店長 一郎", "テンチョウ イチロウ"),
            Locale::Ja,
            now,
        )
        .await?;
        let staff = create_account(
            &txn,
            &logins[3 + index * 2].email,
            DEMO_PASSWORD,
            Role::Staff,
            person("店員 次郎", "テンイン ジロウ"),
            Locale::Ja,
            now,
        )
        .await?;
        bind_to_shop(&txn, owner.id, shop.id, ShopRole::Owner).await?;
        bind_to_shop(&txn, staff.id, shop.id, ShopRole::Staff).await?;
        kaimono_catalog::set_shipping(&txn, shop.id, demo_shipping()).await?;

        if seed.products.iter().any(|(_, category, ..)| subscription_terms(category, 0).is_some()) {
            seed_subscriptions(&txn, shop.id, now).await?;
        }
        for (p, (name, category, tax, price, colors, sizes)) in seed.products.iter().enumerate() {
            let mut variants = Vec::new();
            for (c, color) in colors.iter().enumerate() {
                for (s, size) in sizes.iter().enumerate() {
                    // Larger sizes cost a little more, as they often do for goods sold by weight.
                    let step = if *tax == TaxCategory::Reduced { i64::try_from(s).unwrap_or(0) * 500 } else { 0 };
                    variants.push(NewVariant {
                        sku: format!(
                            "{}-{:02}-{c}{s}",
                            seed.slug.split('-').next().unwrap_or("sku").to_uppercase(),
                            p + 1
                        ),
                        color: (*color).into(),
                        size: (*size).into(),
                        price: Money::yen(price + step),
                    });
                }
            }
            let product = kaimono_catalog::create_product(
                &txn,
                shop.id,
                NewProduct {
                    name: (*name).into(),
                    description: format!("{name}。{}のおすすめ商品です。", seed.name),
                    category: (*category).into(),
                    tax_category: *tax,
                    fulfilment: Fulfilment {
                        reservable: true,
                        deliverable: p % 4 != 3,
                        reservation_payment: if p % 3 == 0 {
                            ReservationPayment::Prepaid
                        } else {
                            ReservationPayment::InStore
                        },
                        subscription: subscription_terms(category, *price),
                    },
                    variants,
                },
                now,
            )
            .await?;
            for (v, variant) in product.variants.iter().enumerate() {
                // A spread of stock: plenty, a few, and now and then none.
                let quantity = match (p + v) % 7 {
                    0 => 0,
                    1 | 2 => 2,
                    _ => 5 + i32::try_from((p * 3 + v) % 20).unwrap_or(0),
                };
                kaimono_catalog::set_stock(&txn, shop.id, variant.id, quantity, now).await?;
            }
            // Pictures the project draws (free to redistribute): one per product, two for some.
            let pictures = if p % 3 == 0 { 2 } else { 1 };
            for picture in 0..pictures {
                let seed = u32::try_from(index * 100 + p * 7 + picture * 3).unwrap_or(0);
                let drawn = kaimono_media::images::drawn_sample(seed, 960, 960);
                let alt = if picture == 0 { (*name).to_owned() } else { format!("{name}（別の色）") };
                kaimono_catalog::add_image(&txn, storage, shop.id, product.product.id, drawn.into(), alt, now).await?;
            }
        }
    }
    if let Some(proxy_staff) = logins.last() {
        seed_proxy_service(&txn, &proxy_staff.email, now).await?;
    }
    txn.commit().await?;
    Ok(logins)
}
