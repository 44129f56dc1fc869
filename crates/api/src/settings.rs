//! The settings domain: what the window's settings view and `newsdesk settings` show and
//! change. The keys, defaults and rules are the model's (`newsdesk_model::settings`); the
//! values live in the library, so a backup carries them.

use newsdesk_model::Setting;
use newsdesk_model::settings::{SETTINGS, SettingSpec, check_setting, spec};

use crate::{ApiError, App};

impl App {
    /// Every setting with the value in force, in the order the settings view shows them.
    pub fn settings(&self) -> Result<Vec<Setting>, ApiError> {
        let keys: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        let set = self.store.settings_of(&keys)?;
        Ok(SETTINGS
            .iter()
            .map(|spec| {
                let value = set
                    .iter()
                    .find(|(key, _)| key == spec.key)
                    .map(|(_, value)| value.clone());
                setting(spec, value)
            })
            .collect())
    }

    /// The setting `key` with the value in force; an unknown key is refused in words.
    pub fn setting(&self, key: &str) -> Result<Setting, ApiError> {
        let spec =
            spec(key).map_err(ApiError::refused_by_rule("Diese Einstellung gibt es nicht"))?;
        Ok(setting(spec, self.store.setting(key)?))
    }

    /// How long a teaser may be before the readiness check says so (`teaser_max_chars`).
    pub(crate) fn teaser_limit(&self) -> Result<u32, ApiError> {
        let value = self.setting("teaser_max_chars")?.value;
        Ok(value
            .parse()
            .unwrap_or(newsdesk_model::ArticleStats::TEASER_LIMIT))
    }

    /// Sets `key` to `value` once the setting's rule accepts it (normalised: " EN " is "en");
    /// an unknown key or a value the rule refuses is said in one sentence.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<Setting, ApiError> {
        let stored = check_setting(key, value).map_err(ApiError::refused_by_rule(
            "Der Wert der Einstellung wird abgelehnt",
        ))?;
        self.store.set_setting(key, &stored)?;
        self.setting(key)
    }
}

fn setting(spec: &SettingSpec, value: Option<String>) -> Setting {
    Setting {
        key: spec.key.to_string(),
        value: value.unwrap_or_else(|| spec.default.to_string()),
        default: spec.default.to_string(),
        about: spec.about.to_string(),
    }
}
