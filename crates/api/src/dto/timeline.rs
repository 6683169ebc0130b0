//! Wire type of an order's or reservation's timeline.

use chrono::{DateTime, Utc};
use kaimono_timeline::{By, Event};
use serde::Serialize;
use utoipa::ToSchema;

/// Who did something.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// The member who placed the order or reservation.
    Member,
    /// The shop's staff.
    Staff,
    /// The system: a job (an expired link or hold) or the payment provider.
    System,
}

/// One entry of a timeline, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEventResponse {
    /// When it happened.
    pub at: DateTime<Utc>,
    /// What happened: `placed` or `requested`, then each status it moved to (`awaiting_payment`,
    /// `paid`, `shipped`, `held`, `completed`, `cancelled`, `expired` …), and `paid` for a reservation.
    pub what: String,
    /// Who did it.
    pub by: ActorKind,
    /// The person's name: staff readers only, for people; absent for the system and for members reading.
    pub by_name: Option<String>,
    /// A short fact: the card used, a carrier and tracking number, a cancellation reason, or how many
    /// lines the stock check rejected (`rejected_lines=1`).
    pub note: Option<String>,
}

impl From<Event> for TimelineEventResponse {
    fn from(e: Event) -> Self {
        Self {
            at: e.at,
            what: e.what,
            by: match e.by {
                By::Member(_) => ActorKind::Member,
                By::Staff(_) => ActorKind::Staff,
                By::System => ActorKind::System,
            },
            by_name: e.by_name,
            note: e.note,
        }
    }
}
