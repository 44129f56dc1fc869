//! Printing results as text or JSON.

use serde::Serialize;

use crate::Failure;

/// Prints `value` as pretty JSON on stdout.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Failure(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// A date or a dash.
pub fn date(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "—".to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// "Kicker: Title", or the title alone.
pub fn headline(kicker: &str, title: &str) -> String {
    if kicker.is_empty() {
        title.to_string()
    } else {
        format!("{kicker}: {title}")
    }
}
