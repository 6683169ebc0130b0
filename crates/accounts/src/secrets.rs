//! Random tokens, their digests, and password hashes.

use crate::error::AccountError;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// 256 random bits, URL-safe: for email links and refresh tokens.
pub(crate) fn new_token() -> Result<String, AccountError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| AccountError::Hashing(e.to_string()))?;
    Ok(URL_SAFE_NO_PAD.encode(bytes))
}

/// The refresh token that replaces `token`, derived with a server key: a retry of the same refresh (two
/// tabs, a lost response) gets the same successor back, and nobody without the key can compute it.
pub(crate) fn successor_token(key: &[u8], token: &str) -> Result<String, AccountError> {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<Sha256>::new_from_slice(key).map_err(|e| AccountError::Hashing(e.to_string()))?;
    mac.update(b"kaimono refresh successor\0");
    mac.update(token.as_bytes());
    Ok(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

/// The form a token is stored and looked up in. Tokens carry 256 bits, so a fast hash suffices.
pub(crate) fn token_digest(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// An Argon2id hash in PHC string form.
pub fn hash_password(password: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hashing(e.to_string()))
}

pub(crate) fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok())
}

/// A valid hash of no one's password, verified against when the email is unknown so that a login
/// for an unknown email takes as long as one with a wrong password.
pub(crate) const DUMMY_HASH: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$2Bq3mBmzuGk5ctLG8aRTAaDmFX+4QxP2hD9cGv3s0Bk";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_with_argon2id_and_verify() {
        let hash = hash_password("correct horse").unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse", &hash));
        assert!(!verify_password("wrong horse", &hash));
        assert!(!verify_password("anything", DUMMY_HASH));
        assert!(PasswordHash::new(DUMMY_HASH).is_ok());
    }

    #[test]
    fn tokens_are_unique_and_stored_as_digests() {
        let a = new_token().unwrap();
        assert_ne!(a, new_token().unwrap());
        assert_eq!(a.len(), 43);
        assert_eq!(token_digest(&a).len(), 64);
        assert_ne!(token_digest(&a), a);
    }

    #[test]
    fn a_successor_is_stable_for_one_key_and_differs_across_keys() {
        let token = new_token().unwrap();
        let next = successor_token(b"key one", &token).unwrap();
        assert_eq!(next, successor_token(b"key one", &token).unwrap());
        assert_ne!(next, successor_token(b"key two", &token).unwrap());
        assert_eq!(next.len(), 43);
    }
}
