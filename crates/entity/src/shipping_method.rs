use sea_orm::entity::prelude::*;

/// A carrier a shop ships with: its time slots (comma-separated) and its fee per region, in whole yen.
#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "shipping_methods")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub shop_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub carrier: String,
    pub position: i32,
    pub time_slots: String,
    pub fee_hokkaido: i64,
    pub fee_tohoku: i64,
    pub fee_kanto: i64,
    pub fee_chubu: i64,
    pub fee_kinki: i64,
    pub fee_chugoku: i64,
    pub fee_shikoku: i64,
    pub fee_kyushu: i64,
    pub fee_okinawa: i64,
}

impl ActiveModelBehavior for ActiveModel {}
