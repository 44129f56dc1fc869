//! The settings that are lists: the photo desk's credit presets and an editor's saved searches.
//! Their value is JSON (what `settings get` prints and `settings set` takes), checked and
//! normalised here like every other setting's value.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::LicenseKind;

/// The most credit presets kept; the picker shows them all.
pub const MAX_CREDIT_PRESETS: usize = 100;
/// The most saved searches kept, newest first.
pub const MAX_SAVED_SEARCHES: usize = 50;
/// The longest saved search or preset field, in characters.
const MAX_ENTRY_CHARS: usize = 500;

/// One credit preset: one click sets the credit (and, where given, source and license) on the
/// selected pictures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CreditPreset {
    pub credit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub license: Option<LicenseKind>,
}

/// The presets as stored: trimmed, one per credit (the later wins, case ignored), bounded.
pub fn credit_presets(value: &str) -> Result<String, String> {
    let presets: Vec<CreditPreset> = serde_json::from_str(value.trim()).map_err(|e| {
        format!(
            "the value must be a JSON list like [{{\"credit\": \"dpa\", \"source\": \"dpa\", \"license\": \"agency\"}}] ({e})"
        )
    })?;
    let mut kept: Vec<CreditPreset> = Vec::new();
    for preset in presets {
        let credit = one_line(&preset.credit, "a preset's credit")?;
        if credit.is_empty() {
            return Err("a preset needs a credit".to_string());
        }
        let source = match preset
            .source
            .as_deref()
            .map(|s| one_line(s, "a preset's source"))
        {
            Some(Ok(s)) if !s.is_empty() => Some(s),
            Some(Err(why)) => return Err(why),
            _ => None,
        };
        kept.retain(|p| p.credit.to_lowercase() != credit.to_lowercase());
        kept.push(CreditPreset {
            credit,
            source,
            license: preset.license,
        });
    }
    if kept.len() > MAX_CREDIT_PRESETS {
        return Err(format!(
            "at most {MAX_CREDIT_PRESETS} credit presets are kept, not {}",
            kept.len()
        ));
    }
    to_json(&kept)
}

/// The saved searches as stored: trimmed, without empties and repeats (the first wins), bounded.
pub fn saved_searches(value: &str) -> Result<String, String> {
    let searches: Vec<String> = serde_json::from_str(value.trim()).map_err(|e| {
        format!(
            "the value must be a JSON list of searches like [\"Landtag\", \"author:Müller\"] ({e})"
        )
    })?;
    let mut kept: Vec<String> = Vec::new();
    for search in searches {
        let search = one_line(&search, "a saved search")?;
        if !search.is_empty() && !kept.contains(&search) {
            kept.push(search);
        }
    }
    if kept.len() > MAX_SAVED_SEARCHES {
        return Err(format!(
            "at most {MAX_SAVED_SEARCHES} searches are kept, not {}",
            kept.len()
        ));
    }
    to_json(&kept)
}

fn one_line(text: &str, what: &str) -> Result<String, String> {
    let text = text.trim();
    if text.chars().count() > MAX_ENTRY_CHARS || text.chars().any(char::is_control) {
        Err(format!(
            "{what} must be one line of at most {MAX_ENTRY_CHARS} characters"
        ))
    } else {
        Ok(text.to_string())
    }
}

fn to_json<T: Serialize>(value: &T) -> Result<String, String> {
    serde_json::to_string(value).map_err(|e| format!("the list cannot be written: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_trimmed_and_one_per_credit() {
        let stored = credit_presets(
            r#"[{"credit":" dpa ","source":"dpa","license":"agency"},{"credit":"DPA","source":" "}]"#,
        );
        assert_eq!(
            stored.as_deref(),
            Ok(r#"[{"credit":"DPA"}]"#),
            "the later preset for the same credit wins; an empty source is no source"
        );
    }

    #[test]
    fn presets_that_are_not_presets_are_refused_in_words() {
        for bad in [
            "dpa",
            r#"[{"credit":""}]"#,
            r#"[{"credit":"x","license":"stolen"}]"#,
            r#"[{"credit":"a\nb"}]"#,
        ] {
            let why = credit_presets(bad).err().unwrap_or_default();
            assert!(!why.is_empty(), "{bad:?} must be refused");
        }
        let many = format!(
            "[{}]",
            (0..=MAX_CREDIT_PRESETS)
                .map(|i| format!(r#"{{"credit":"c{i}"}}"#))
                .collect::<Vec<_>>()
                .join(",")
        );
        assert!(credit_presets(&many).is_err(), "beyond the bound");
    }

    #[test]
    fn searches_keep_their_order_without_repeats() {
        assert_eq!(
            saved_searches(r#"[" Landtag ","","Landtag","author:Müller"]"#).as_deref(),
            Ok(r#"["Landtag","author:Müller"]"#)
        );
        assert!(saved_searches("Landtag").is_err(), "not JSON");
        assert!(saved_searches(r#"[1]"#).is_err(), "not a text");
    }
}
