//! Tags and categories: WordPress takes them as ids; Newsdesk knows them by name.

use serde_json::{Value, json};

use super::{WordPress, total_pages};
use crate::PublishError;
use crate::http::Method;
use crate::text::decode_entities;

impl WordPress {
    /// The ids of `names` among the portal's `taxonomy` ("tags", "categories"), created
    /// when missing.
    pub(super) fn term_ids(
        &self,
        taxonomy: &str,
        names: &[String],
    ) -> Result<Vec<u64>, PublishError> {
        let mut ids = Vec::new();
        for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let route = format!("/wp/v2/{taxonomy}");
            let found = self.get(
                &route,
                &[("search", name.to_string()), ("per_page", "100".into())],
            )?;
            let existing = found.as_array().and_then(|terms| {
                terms.iter().find(|t| {
                    t.get("name")
                        .and_then(Value::as_str)
                        .is_some_and(|n| decode_entities(n).to_lowercase() == name.to_lowercase())
                })
            });
            let id = match existing {
                Some(term) => term.get("id").and_then(Value::as_u64),
                None => {
                    let answer =
                        self.call(Method::Post, &route, &[], Some(&json!({"name": name})))?;
                    let body = answer.json().unwrap_or(Value::Null);
                    if answer.is_success() {
                        body.get("id").and_then(Value::as_u64)
                    } else if body.get("code").and_then(Value::as_str) == Some("term_exists") {
                        body.pointer("/data/term_id").and_then(Value::as_u64)
                    } else {
                        return Err(answer.error());
                    }
                }
            };
            let id = id.ok_or_else(|| {
                PublishError::Protocol(format!("the {taxonomy} '{name}' came without an id"))
            })?;
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        Ok(ids)
    }

    /// The names of terms by id.
    pub(super) fn term_names(
        &self,
        taxonomy: &str,
        ids: &[u64],
    ) -> Result<Vec<String>, PublishError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let include: Vec<String> = ids.iter().map(u64::to_string).collect();
        let found = self.get(
            &format!("/wp/v2/{taxonomy}"),
            &[
                ("include", include.join(",")),
                ("per_page", "100".into()),
                ("_fields", "id,name".into()),
            ],
        )?;
        let terms = found.as_array().cloned().unwrap_or_default();
        Ok(ids
            .iter()
            .filter_map(|id| {
                terms
                    .iter()
                    .find(|t| t.get("id").and_then(Value::as_u64) == Some(*id))
                    .and_then(|t| t.get("name").and_then(Value::as_str))
                    .map(decode_entities)
            })
            .collect())
    }

    /// Every name of a taxonomy, page by page.
    pub(super) fn all_names(&self, taxonomy: &str) -> Result<Vec<String>, PublishError> {
        let mut names = Vec::new();
        for page in 1..=100u32 {
            let answer = self.call(
                Method::Get,
                &format!("/wp/v2/{taxonomy}"),
                &[
                    ("per_page", "100".into()),
                    ("page", page.to_string()),
                    ("_fields", "name".into()),
                ],
                None,
            )?;
            let pages = total_pages(&answer);
            let terms = answer.ok_json()?;
            names.extend(
                terms
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|t| t.get("name").and_then(Value::as_str))
                    .map(decode_entities),
            );
            if page >= pages {
                break;
            }
        }
        Ok(names)
    }
}
