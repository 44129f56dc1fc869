//! The settings kept in the library (table `settings`, migration 6): read as the values set,
//! written one at a time. Which keys exist and what each accepts is the model's rule
//! (`newsdesk_model::settings`); the store keeps values, never checks them.

use rusqlite::{OptionalExtension, params};

use crate::{Store, StoreError};

impl Store {
    /// The value set for `key`, if any.
    pub fn setting(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.reading(|conn| {
            Ok(conn
                .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?)
        })
    }

    /// Every `(key, value)` set, of the keys asked for.
    pub fn settings_of(&self, keys: &[&str]) -> Result<Vec<(String, String)>, StoreError> {
        let mut found = Vec::new();
        for key in keys {
            if let Some(value) = self.setting(key)? {
                found.push(((*key).to_string(), value));
            }
        }
        Ok(found)
    }

    /// Sets `key` to `value` (already checked by the caller).
    pub fn set_setting(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.writing(|tx| {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }
}
