use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shops")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub description: String,
    pub postal_code: String,
    pub prefecture: i16,
    pub address: String,
    pub phone: String,
    pub contact_email: String,
    pub opening_hours: String,
    pub closed_weekdays: i16,
    pub closed_on_holidays: bool,
    /// RSV-01: a visit may be planned from this many days ahead …
    pub reservation_min_days: i32,
    /// … up to this many days ahead.
    pub reservation_max_days: i32,
    /// RSV-02: a confirmed reservation is held until the end of the planned visit date plus this many days.
    pub hold_days: i32,
    /// ORD-05: a payment request expires after this many days.
    pub payment_limit_days: i32,
    pub delivery_preparation_days: i32,
    pub delivery_window_days: i32,
    pub invoice_registration_number: Option<String>,
    pub bank_name: Option<String>,
    pub bank_branch: Option<String>,
    pub bank_account_type: Option<String>,
    pub bank_account_number: Option<String>,
    pub bank_account_holder: Option<String>,
    /// Orders of at least this many yen ship free; `None`: never free.
    pub free_shipping_over: Option<i64>,
    /// `retail` or `proxy`.
    pub kind: String,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
