//! Store-pickup reservations (取り置き, seed 000): a member reserves a variant at a shop for a planned
//! visit date (RSV-01); the shop confirms and the goods are held until the hold deadline with a pickup
//! number mailed (RSV-02); staff find it by pickup number and hand it over, taking payment in store or
//! checking the online payment (RSV-03, RSV-04); the member may cancel before pickup (RSV-06); lapsed
//! holds expire (RSV-05).

mod cancel;
mod desk;
mod error;
mod messages;
mod model;
mod queries;
mod request;
mod settle;

pub use cancel::{cancel_reservation, expire_lapsed_holds};
pub use desk::{complete_reservation, confirm_reservation, reject_reservation};
pub use error::ReservationError;
pub use kaimono_timeline::By;
pub use messages::{reservation_attachment, reservation_messages, send_reservation_message};
pub use model::*;
pub use queries::{
    Actor, ReservationFilter, ReservationQueues, find_by_pickup_number, list_member_reservations,
    list_shop_reservations, reservation_for, reservation_queues, reservation_timeline,
};
pub use request::{NewReservation, check_visit_date, request_reservation};
pub use settle::ReservationPayments;
