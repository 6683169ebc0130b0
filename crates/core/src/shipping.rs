//! Shipping in Japan: carriers, delivery time slots, and the regions shipping fees are set by (CART-02).

/// The carriers a shop ships with (配送会社).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carrier {
    Yamato,
    Sagawa,
    JapanPost,
    Seino,
    Other,
}

impl Carrier {
    pub const ALL: [Carrier; 5] =
        [Carrier::Yamato, Carrier::Sagawa, Carrier::JapanPost, Carrier::Seino, Carrier::Other];

    pub fn as_str(self) -> &'static str {
        match self {
            Carrier::Yamato => "yamato",
            Carrier::Sagawa => "sagawa",
            Carrier::JapanPost => "japan_post",
            Carrier::Seino => "seino",
            Carrier::Other => "other",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == value)
    }

    /// The name members know, in their language.
    pub fn display_name(self, locale: crate::Locale) -> &'static str {
        use crate::Locale::*;
        match (self, locale) {
            (Carrier::Yamato, Ja) => "ヤマト運輸",
            (Carrier::Yamato, En) => "Yamato Transport",
            (Carrier::Sagawa, Ja) => "佐川急便",
            (Carrier::Sagawa, En) => "Sagawa Express",
            (Carrier::JapanPost, Ja) => "日本郵便",
            (Carrier::JapanPost, En) => "Japan Post",
            (Carrier::Seino, Ja) => "西濃運輸",
            (Carrier::Seino, En) => "Seino Transportation",
            (Carrier::Other, Ja) => "その他",
            (Carrier::Other, En) => "Other",
        }
    }
}

/// The delivery time slots (時間帯指定) a carrier may offer: `morning` (午前中) and two-hour windows.
pub const TIME_SLOTS: [&str; 6] = ["morning", "12-14", "14-16", "16-18", "18-20", "19-21"];

/// The regions of Japan shipping fees are set by (北海道 … 沖縄), each a range of JIS prefecture codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Region {
    Hokkaido,
    Tohoku,
    Kanto,
    Chubu,
    Kinki,
    Chugoku,
    Shikoku,
    Kyushu,
    Okinawa,
}

impl Region {
    pub const ALL: [Region; 9] = [
        Region::Hokkaido,
        Region::Tohoku,
        Region::Kanto,
        Region::Chubu,
        Region::Kinki,
        Region::Chugoku,
        Region::Shikoku,
        Region::Kyushu,
        Region::Okinawa,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::Hokkaido => "hokkaido",
            Region::Tohoku => "tohoku",
            Region::Kanto => "kanto",
            Region::Chubu => "chubu",
            Region::Kinki => "kinki",
            Region::Chugoku => "chugoku",
            Region::Shikoku => "shikoku",
            Region::Kyushu => "kyushu",
            Region::Okinawa => "okinawa",
        }
    }

    /// The region of a JIS prefecture code (1 北海道 … 47 沖縄県).
    pub fn of_prefecture(code: i16) -> Option<Region> {
        Some(match code {
            1 => Region::Hokkaido,
            2..=7 => Region::Tohoku,
            8..=14 => Region::Kanto,
            15..=23 => Region::Chubu,
            24..=30 => Region::Kinki,
            31..=35 => Region::Chugoku,
            36..=39 => Region::Shikoku,
            40..=46 => Region::Kyushu,
            47 => Region::Okinawa,
            _ => return None,
        })
    }

    /// Its place in [`Region::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cart02_every_prefecture_is_in_one_region() {
        assert_eq!(Region::of_prefecture(13), Some(Region::Kanto), "東京都");
        assert_eq!(Region::of_prefecture(27), Some(Region::Kinki), "大阪府");
        assert_eq!(Region::of_prefecture(1), Some(Region::Hokkaido));
        assert_eq!(Region::of_prefecture(47), Some(Region::Okinawa));
        assert_eq!(Region::of_prefecture(0), None);
        assert!((1..=47).all(|p| Region::of_prefecture(p).is_some()));
        for (i, region) in Region::ALL.iter().enumerate() {
            assert_eq!(region.index(), i);
        }
    }
}

/// Where goods go, copied from the member's address book when an order is placed (so later edits of the
/// address book do not move it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShippingAddress {
    pub postal_code: String,
    pub prefecture: i16,
    pub city: String,
    pub street: String,
    pub building: Option<String>,
    pub recipient_name: String,
    pub recipient_kana: String,
    pub phone: String,
}
