//! Portal secrets in the operating system's keyring, behind a small interface. On Linux the
//! real one is the Secret Service (GNOME Keyring, KWallet, KeePassXC) over D-Bus; the secret
//! never touches the library, a log or an error message. Each portal has an entry of its own
//! ([`SecretKey::Portal`]).

use std::sync::{Arc, OnceLock};

use keyring_core::api::CredentialStoreApi;

/// The keyring's service name for every Newsdesk secret.
const SERVICE: &str = "Newsdesk portal";

/// Which secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SecretKey {
    /// A portal's own entry (account `portal:<id>`), named by the id the library gave the
    /// portal when it was added: no other portal — in this library or another — shares it.
    Portal {
        id: String,
        /// What the keyring shows for it ("Newsdesk portal “wp” (https://portal.example)").
        label: String,
    },
    /// The entry releases before issue 19 kept a secret in (account `user@url`), shared by
    /// every portal with that address and user. Only read — to copy a secret into its
    /// portal's own entry — and removed with the last portal that could still need it.
    Shared { url: String, user: String },
}

impl SecretKey {
    /// The entry of the portal `name` at `url` whose secret id is `id`.
    pub fn portal(id: &str, name: &str, url: &str) -> SecretKey {
        SecretKey::Portal {
            id: id.to_string(),
            label: format!("{SERVICE} “{name}” ({url})"),
        }
    }

    /// The keyring entry's user attribute.
    fn account(&self) -> String {
        match self {
            SecretKey::Portal { id, .. } => format!("portal:{id}"),
            SecretKey::Shared { url, user } if user.is_empty() => url.clone(),
            SecretKey::Shared { url, user } => format!("{user}@{url}"),
        }
    }

    fn label(&self) -> Option<&str> {
        match self {
            SecretKey::Portal { label, .. } => Some(label.as_str()).filter(|l| !l.is_empty()),
            SecretKey::Shared { .. } => None,
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

impl newsdesk_model::Localized for SecretError {
    fn german(&self) -> String {
        match self {
            SecretError::Unavailable(why) => format!(
                "Kein Schlüsselbund verfügbar ({why}). Newsdesk bewahrt die Geheimnisse der \
                 Portale nur im Schlüsselbund des Systems auf (Secret Service: GNOME Keyring, \
                 KWallet oder KeePassXC müssen laufen und entsperrt sein)."
            ),
            SecretError::Refused(why) => format!("Der Schlüsselbund hat abgelehnt: {why}"),
        }
    }
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
        let modifiers: Option<std::collections::HashMap<&str, &str>> = key
            .label()
            .map(|label| [("label", label)].into_iter().collect());
        store
            .build(SERVICE, &key.account(), modifiers.as_ref())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portals_entry_is_its_own_and_the_shared_one_keeps_its_old_name() {
        let one = SecretKey::portal("0a1b", "wp", "https://portal.example");
        let two = SecretKey::portal("9f8e", "wp", "https://portal.example");
        assert_ne!(
            one.account(),
            two.account(),
            "same name and address, two entries"
        );
        assert_eq!(one.account(), "portal:0a1b");
        assert_eq!(
            one.label(),
            Some("Newsdesk portal “wp” (https://portal.example)")
        );
        let shared = SecretKey::Shared {
            url: "https://portal.example".into(),
            user: "ba".into(),
        };
        assert_eq!(
            shared.account(),
            "ba@https://portal.example",
            "as releases before issue 19 wrote it"
        );
    }
}
