//! Tags and categories: WordPress takes them as ids; Newsdesk knows them by name. Every list
//! is read to its end, page by page (`X-WP-TotalPages`), up to `MAX_PORTAL_PAGES` pages (a
//! search for one name up to `MAX_PORTAL_SEARCH_PAGES`).

use std::collections::HashMap;

use newsdesk_model::limits::{MAX_PORTAL_LIST_ITEMS, MAX_PORTAL_PAGES, MAX_PORTAL_SEARCH_PAGES};
use serde::Deserialize;
use serde_json::json;

use super::{PER_PAGE, WordPress, total_pages};
use crate::PublishError;
use crate::answer::{Bounded, Text};
use crate::http::Method;
use crate::text::decode_entities;

/// A term as Newsdesk asks for it (`_fields=id,name`).
#[derive(Deserialize)]
struct Term {
    id: u64,
    #[serde(default)]
    name: Text,
}

/// A page of terms.
type Terms = Bounded<Term, PER_PAGE>;

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
            let id = match self.search_term(&route, name)? {
                Some(id) => Some(id),
                None => self.create_term(&route, name)?,
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

    /// The id of the term named `name` (any case), searched page by page (at most
    /// `MAX_PORTAL_SEARCH_PAGES`: a name past them is created, which answers with the existing
    /// one's id).
    fn search_term(&self, route: &str, name: &str) -> Result<Option<u64>, PublishError> {
        let wanted = name.to_lowercase();
        for page in 1..=MAX_PORTAL_SEARCH_PAGES {
            let answer = self.call(
                Method::Get,
                route,
                &[
                    ("search", name.to_string()),
                    ("per_page", PER_PAGE.to_string()),
                    ("page", page.to_string()),
                    ("_fields", "id,name".into()),
                ],
                None,
            )?;
            let pages = total_pages(&answer) as usize;
            let terms: Terms = answer.ok_parse()?;
            let found = terms.0.iter().find(|t| {
                t.name
                    .0
                    .as_deref()
                    .is_some_and(|n| decode_entities(n).to_lowercase() == wanted)
            });
            if let Some(term) = found {
                return Ok(Some(term.id));
            }
            if page >= pages || terms.0.is_empty() {
                break;
            }
        }
        // Not among the results read: creating it answers with the existing one's id.
        Ok(None)
    }

    /// Creates the term; one that exists already (`term_exists`) gives its id.
    fn create_term(&self, route: &str, name: &str) -> Result<Option<u64>, PublishError> {
        #[derive(Deserialize)]
        struct Created {
            id: Option<u64>,
            #[serde(default)]
            code: Text,
            data: Option<Existing>,
        }
        #[derive(Deserialize)]
        struct Existing {
            term_id: Option<u64>,
        }
        let answer = self.call(Method::Post, route, &[], Some(&json!({"name": name})))?;
        let created: Option<Created> = answer.parse().ok();
        if answer.is_success() {
            return Ok(created.and_then(|c| c.id));
        }
        match created {
            Some(c) if c.code.0.as_deref() == Some("term_exists") => {
                Ok(c.data.and_then(|d| d.term_id))
            }
            _ => Err(answer.error()),
        }
    }

    /// The names of the terms with `ids`, by id: asked for 100 ids at a time (`include=`).
    pub(super) fn term_names(
        &self,
        taxonomy: &str,
        ids: &[u64],
    ) -> Result<HashMap<u64, String>, PublishError> {
        let mut unique = ids.to_vec();
        unique.sort_unstable();
        unique.dedup();
        if unique.len() > MAX_PORTAL_LIST_ITEMS {
            return Err(PublishError::TooLarge(format!(
                "the posts name more than {MAX_PORTAL_LIST_ITEMS} {taxonomy} \
                 (MAX_PORTAL_LIST_ITEMS)"
            )));
        }
        let mut names = HashMap::with_capacity(unique.len());
        for chunk in unique.chunks(PER_PAGE) {
            let include: Vec<String> = chunk.iter().map(u64::to_string).collect();
            let terms: Terms = self.get(
                &format!("/wp/v2/{taxonomy}"),
                &[
                    ("include", include.join(",")),
                    ("per_page", PER_PAGE.to_string()),
                    ("_fields", "id,name".into()),
                ],
            )?;
            for term in terms.0 {
                if let Some(name) = term.name.0 {
                    names.insert(term.id, decode_entities(&name));
                }
            }
        }
        Ok(names)
    }

    /// Every name of a taxonomy, page by page; where the pages run past `MAX_PORTAL_PAGES`, the
    /// rest is left out and `notes` says so.
    pub(super) fn all_names(
        &self,
        taxonomy: &str,
        notes: &mut Vec<String>,
    ) -> Result<Vec<String>, PublishError> {
        #[derive(Deserialize)]
        struct Name {
            #[serde(default)]
            name: Text,
        }
        let mut names = Vec::new();
        for page in 1..=MAX_PORTAL_PAGES {
            let answer = self.call(
                Method::Get,
                &format!("/wp/v2/{taxonomy}"),
                &[
                    ("per_page", PER_PAGE.to_string()),
                    ("page", page.to_string()),
                    ("_fields", "name".into()),
                ],
                None,
            )?;
            let pages = total_pages(&answer) as usize;
            let terms: Bounded<Name, PER_PAGE> = answer.ok_parse()?;
            let empty = terms.0.is_empty();
            names.extend(
                terms
                    .0
                    .into_iter()
                    .filter_map(|t| t.name.0)
                    .map(|n| decode_entities(&n)),
            );
            if page >= pages || empty {
                return Ok(names);
            }
        }
        notes.push(format!(
            "the portal's {taxonomy} run past {MAX_PORTAL_PAGES} pages: the first {} were read, \
             the rest left out (MAX_PORTAL_PAGES)",
            names.len()
        ));
        Ok(names)
    }
}
