//! `/invitations`: reading and accepting an emailed invitation to a shop's staff (ACC-04).

mod accept_invitation;
mod preview_invitation;

use utoipa_actix_web::service_config::ServiceConfig;

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(preview_invitation::preview_invitation).service(accept_invitation::accept_invitation);
}
