//! Store-pickup reservations (取り置き, seed 000): a member reserves a variant at a shop for a planned
//! visit date (RSV-01); the shop confirms and the goods are held until the hold deadline with a pickup
//! number mailed (RSV-02); staff find it by pickup number and hand it over, taking payment in store or
//! checking the online payment (RSV-03, RSV-04); the member may cancel before pickup (RSV-06); lapsed
//! holds expire (RSV-05).

mod error;
mod model;
mod reservations;

pub use error::ReservationError;
pub use model::*;
pub use reservations::{
    Actor, NewReservation, ReservationFilter, ReservationQueues, cancel_reservation, check_visit_date,
    claim_lapsed_holds, complete_reservation, confirm_reservation, expire_reservation, find_by_pickup_number,
    list_member_reservations, list_shop_reservations, mark_reservation_paid, reject_reservation, request_reservation,
    reservation_for, reservation_queues,
};
