#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("shop not found")]
    ShopNotFound,
    #[error("product not found")]
    ProductNotFound,
    #[error("variant not found")]
    VariantNotFound,
    #[error("the shop URL name {slug} is taken")]
    SlugTaken { slug: String },
    #[error("image not found")]
    ImageNotFound,
    #[error("a product has at most {max} images")]
    TooManyImages { max: usize },
    #[error(transparent)]
    Image(#[from] kaimono_media::ImageError),
    #[error(transparent)]
    Storage(#[from] kaimono_media::StorageError),
    #[error("the SKU {sku} is already in use")]
    SkuTaken { sku: String },
    #[error("the product already has a {color} / {size} variant")]
    VariantExists { color: String, size: String },
    #[error("a price must be a whole, non-negative number of yen")]
    InvalidPrice,
    #[error("not enough stock: {available} available")]
    InsufficientStock { available: i32 },
    #[error("a shop holds at most {max} units of a variant; it holds {current} now")]
    StockLimit { max: i32, current: i32 },
    #[error("the shop does not ship with this carrier")]
    CarrierNotOffered,
    #[error("unknown prefecture {0}")]
    UnknownPrefecture(i16),
    #[error("{field} {message}")]
    InvalidSetting { field: &'static str, message: String },
    /// A stored value no rule could have written.
    #[error("corrupt catalog data: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
}
