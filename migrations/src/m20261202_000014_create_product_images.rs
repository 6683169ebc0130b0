//! Product images (CAT-02): several per product, ordered, with alt text; the files themselves live in
//! storage under the rendition names listed here. The typed-in `products.image_url` goes.

use crate::{fk, index};
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("product_images")
                .col(uuid("id").primary_key())
                .col(uuid("product_id"))
                .col(integer("position"))
                .col(string("alt_text"))
                .col(integer("width"))
                .col(integer("height"))
                // JSON: [{"width":320,"height":240,"name":"…-320w-….jpg"}, …], narrowest first.
                .col(text("renditions"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("product_images", "product_id", "products", true))
                .to_owned(),
        )
        .await?;
        m.create_index(index("product_images_by_product", "product_images", &["product_id", "position"]).to_owned())
            .await?;
        // Pictures were a URL typed in by staff; they are uploads now.
        m.alter_table(Table::alter().table("products").drop_column("image_url").to_owned()).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(Table::alter().table("products").add_column(string_null("image_url")).to_owned()).await?;
        m.drop_table(Table::drop().table("product_images").to_owned()).await
    }
}
