//! The language a member reads: Japanese by default, English when chosen.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Ja,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Ja => "ja",
            Locale::En => "en",
        }
    }

    /// Unknown values fall back to Japanese, the product's default language.
    pub fn parse_or_default(value: &str) -> Self {
        match value {
            "en" => Locale::En,
            _ => Locale::Ja,
        }
    }
}
