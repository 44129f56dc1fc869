//! Portal secrets in the operating system's keyring, behind a small interface. On Linux the
//! real one is the Secret Service (GNOME Keyring, KWallet, KeePassXC) over D-Bus; the secret
//! never touches the library, a log or an error message.

use std::sync::{Arc, OnceLock};

use keyring_core::api::CredentialStoreApi;

/// The keyring's service name for every Newsdesk secret.
const SERVICE: &str = "Newsdesk portal";

/// Which secret: the account (`user`, may be empty) on the portal at `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretKey {
    pub url: String,
    pub user: String,
}

impl SecretKey {
    /// The keyring entry's user attribute: `user@url` (or the url alone).
    fn account(&self) -> String {
        if self.user.is_empty() {
            self.url.clone()
        } else {
            format!("{}@{}", self.user, self.url)
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "no keyring is available ({0}); Newsdesk keeps portal secrets only in the system's \
         keyring (Secret Service: GNOME Keyring, KWallet or KeePassXC must be running and \
         unlocked)"
    )]
    Unavailable(String),
    #[error("the keyring refused: {0}")]
    Refused(String),
}

/// Where secrets live.
pub trait Secrets: Send + Sync {
    fn get(&self, key: &SecretKey) -> Result<Option<String>, SecretError>;
    fn set(&self, key: &SecretKey, secret: &str) -> Result<(), SecretError>;
    /// Removes the secret; fine when there is none.
    fn delete(&self, key: &SecretKey) -> Result<(), SecretError>;
}

/// The system's keyring (Secret Service), connected on first use.
#[derive(Default)]
pub struct OsKeyring {
    store: OnceLock<Result<Arc<zbus_secret_service_keyring_store::Store>, String>>,
}

impl OsKeyring {
    fn entry(&self, key: &SecretKey) -> Result<keyring_core::Entry, SecretError> {
        let store = self
            .store
            .get_or_init(|| {
                zbus_secret_service_keyring_store::Store::new().map_err(|e| e.to_string())
            })
            .as_ref()
            .map_err(|e| SecretError::Unavailable(e.clone()))?;
        store
            .build(SERVICE, &key.account(), None)
            .map_err(|e| SecretError::Refused(e.to_string()))
    }
}

fn refused(err: keyring_core::Error) -> SecretError {
    match err {
        keyring_core::Error::NoStorageAccess(e) => SecretError::Unavailable(e.to_string()),
        keyring_core::Error::PlatformFailure(e) => SecretError::Unavailable(e.to_string()),
        other => SecretError::Refused(other.to_string()),
    }
}

impl Secrets for OsKeyring {
    fn get(&self, key: &SecretKey) -> Result<Option<String>, SecretError> {
        match self.entry(key)?.get_password() {
            Ok(secret) => Ok(Some(secret)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(refused(e)),
        }
    }

    fn set(&self, key: &SecretKey, secret: &str) -> Result<(), SecretError> {
        self.entry(key)?.set_password(secret).map_err(refused)
    }

    fn delete(&self, key: &SecretKey) -> Result<(), SecretError> {
        match self.entry(key)?.delete_credential() {
            Ok(()) | Err(keyring_core::Error::NoEntry) => Ok(()),
            Err(e) => Err(refused(e)),
        }
    }
}
