//! Running exiftool, the reference reader.

use std::path::PathBuf;
use std::process::Command;

use serde_json::{Map, Value};

/// `exiftool -j ARGS FILES`, one JSON object per file, in the order given. Fails the test
/// with a clear message when exiftool is not installed.
pub fn run(args: &[&str], files: &[PathBuf]) -> Vec<Map<String, Value>> {
    let output = Command::new("exiftool")
        .arg("-j")
        .args(args)
        .args(files)
        .output()
        .unwrap_or_else(|e| {
            panic!(
                "exiftool could not be run ({e}). These tests compare our metadata with exiftool's: \
                 install it with `apt-get install libimage-exiftool-perl` (scripts/deps.sh does)."
            )
        });
    let json: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "exiftool printed no JSON ({e}); stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let Value::Array(items) = json else {
        panic!("exiftool -j printed no array")
    };
    let objects: Vec<Map<String, Value>> = items
        .into_iter()
        .map(|v| match v {
            Value::Object(o) => o,
            other => panic!("exiftool -j printed {other} instead of an object"),
        })
        .collect();
    assert_eq!(
        objects.len(),
        files.len(),
        "exiftool answered for every file"
    );
    objects
}

/// A tag's values as text: exiftool prints lists as arrays and numbers as numbers.
pub fn values(tags: &Map<String, Value>, key: &str) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    match tags.get(key) {
        None => Vec::new(),
        Some(Value::Array(items)) => items.iter().map(one).filter(|s| !s.is_empty()).collect(),
        Some(v) => Some(one(v)).filter(|s| !s.is_empty()).into_iter().collect(),
    }
}

pub fn value(tags: &Map<String, Value>, key: &str) -> Option<String> {
    let all = values(tags, key);
    (!all.is_empty()).then(|| all.join(", "))
}
