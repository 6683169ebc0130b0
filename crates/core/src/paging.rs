//! Keyset pagination, one shape for every list: a page of items and an opaque cursor naming the last
//! item of the page. A cursor holds that item's id (UUIDv7, time-ordered) and, for lists sorted by
//! something else first (a visit date, a name), that sort key.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

/// Where the next page starts: after the item with this sort key and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The sort key before the id, for lists not sorted by id alone.
    pub key: Option<String>,
    pub id: Uuid,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the cursor is not one this server issued")]
pub struct CursorError;

impl Cursor {
    /// After the item with this id (lists sorted by id).
    pub fn after(id: Uuid) -> Self {
        Cursor { key: None, id }
    }

    /// After the item with this sort key and id.
    pub fn after_key(key: impl Into<String>, id: Uuid) -> Self {
        Cursor { key: Some(key.into()), id }
    }

    pub fn encode(&self) -> String {
        let mut bytes = self.id.as_bytes().to_vec();
        bytes.extend_from_slice(self.key.as_deref().unwrap_or_default().as_bytes());
        URL_SAFE_NO_PAD.encode(bytes)
    }

    pub fn decode(value: &str) -> Result<Self, CursorError> {
        let bytes = URL_SAFE_NO_PAD.decode(value).map_err(|_| CursorError)?;
        if bytes.len() < 16 {
            return Err(CursorError);
        }
        let (id, key) = bytes.split_at(16);
        let id = Uuid::from_slice(id).map_err(|_| CursorError)?;
        let key = String::from_utf8(key.to_vec()).map_err(|_| CursorError)?;
        Ok(Cursor { key: (!key.is_empty()).then_some(key), id })
    }
}

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page from up to `limit + 1` rows fetched in list order: the extra row only says there is more.
    pub fn from_rows(mut rows: Vec<T>, limit: u64, cursor_of: impl Fn(&T) -> Cursor) -> Self {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let next_cursor = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(|last| cursor_of(last).encode())
        } else {
            None
        };
        Page { items: rows, next_cursor }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Page<U> {
        Page { items: self.items.into_iter().map(f).collect(), next_cursor: self.next_cursor }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        let c = Cursor::after(Uuid::now_v7());
        assert_eq!(Cursor::decode(&c.encode()), Ok(c));
        let keyed = Cursor::after_key("2026-12-05", Uuid::now_v7());
        assert_eq!(Cursor::decode(&keyed.encode()), Ok(keyed));
        assert_eq!(Cursor::decode("not a cursor!"), Err(CursorError));
        assert_eq!(Cursor::decode("AAAA"), Err(CursorError));
    }

    #[test]
    fn a_page_keeps_limit_rows_and_points_after_the_last() {
        let ids: Vec<Uuid> = (0..3).map(|_| Uuid::now_v7()).collect();
        let page = Page::from_rows(ids.clone(), 2, |id| Cursor::after(*id));
        assert_eq!(page.items, ids[..2]);
        assert_eq!(page.next_cursor, Some(Cursor::after(ids[1]).encode()));
        assert_eq!(Page::from_rows(ids, 3, |id| Cursor::after(*id)).next_cursor, None);
    }
}

/// Which end of a list keyed by time-ordered ids comes first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    NewestFirst,
    OldestFirst,
}
