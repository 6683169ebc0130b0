//! Accounts: member sign-up by emailed link, login with rotating refresh tokens, password reset,
//! profile and delivery addresses (ACC-01 … ACC-05), and staff bindings to shops (ACC-04).
//!
//! Secrets never reach the database in the clear: passwords are Argon2id hashes, and email links and
//! refresh tokens are stored as SHA-256 digests. Nothing here knows about HTTP or JWTs.

mod addresses;
mod directory;
mod email_tokens;
mod error;
mod housekeeping;
mod invitations;
mod links;
mod model;
mod password_reset;
mod points;
mod profile;
mod purchases;
mod rate_limit;
mod secrets;
mod sessions;
mod signup;
mod staff;

pub use addresses::{create_address, delete_address, get_address, list_addresses, update_address};
pub use directory::{MemberContact, member_contact, member_locale, member_names, notify_member, search_members};
pub use email_tokens::LinkPurpose;
pub use error::AccountError;
pub use housekeeping::prune;
pub use invitations::{
    INVITATION_TTL, Invitation, InvitationPreview, Joining, StaffAdmin, StaffMember, accept_invitation, invite_staff,
    preview_invitation, remove_staff, revoke_invitation, shop_staff,
};
pub use links::{is_return_path, request_link, send_requested_links};
pub use model::*;
pub use password_reset::complete_password_reset;
pub use points::{
    Award, PointBalance, PointEntry, PointKind, award_points, award_points_many, point_balance, point_ledger,
    points_of, return_points, use_points,
};
pub use profile::{find_account, update_profile};
pub use purchases::{count_purchase, count_purchases};
pub use rate_limit::Limit;
pub use secrets::hash_password;
pub use sessions::{LoginThrottle, REFRESH_GRACE, has_password, login, logout, refresh, start_session};
pub use signup::complete_signup;
pub use staff::{bind_to_shop, create_account, shop_memberships};
