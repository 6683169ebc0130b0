//! Typed ids. Every id is a UUIDv7, so ids sort in creation order and double as paging cursors.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

macro_rules! id_type {
    ($($(#[$meta:meta])* $name:ident),* $(,)?) => {$(
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl From<Uuid> for $name {
            fn from(value: Uuid) -> Self {
                Self(value)
            }
        }

        impl From<$name> for Uuid {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

id_type!(
    /// A member's or a staff member's account.
    AccountId,
    /// A shop of the mall.
    ShopId,
    /// A product, owned by one shop.
    ProductId,
    /// A variant (color / size) of a product.
    VariantId,
    /// A member's delivery address.
    AddressId,
    /// An email in the outbox.
    EmailId,
);

/// A number people can read out (`261202-9F3A0C1B`): the day (in UTC) and the random tail of a v7 id;
/// `prefix` tells kinds apart (`P` for proxy orders).
pub fn display_number(prefix: &str, id: Uuid, now: chrono::DateTime<chrono::Utc>) -> String {
    let random = id.simple().to_string();
    format!("{prefix}{}-{}", now.format("%y%m%d"), random[24..].to_uppercase())
}
