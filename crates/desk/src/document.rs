//! An article as an Automerge document: what the desk syncs between editors' libraries.
//!
//! The body is an Automerge Text, updated from the editor's Markdown by a character diff, so
//! that edits made apart in different places both survive a merge. Every other field of
//! [`ArticleContent`] is one value under its interchange name, held as its JSON text (a new
//! field of the interchange format travels without a change here); the same field changed on
//! both sides keeps both values as a conflict, which [`ArticleDoc::conflicts`] lists and a
//! later update resolves.

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{AutoCommit, ChangeHash, ObjType, ROOT, ReadDoc, Value};
use newsdesk_model::ArticleContent;
use serde::Serialize;

use crate::DeskError;

const BODY: &str = "body";

/// One field changed on two sides: every value it holds, the one shown first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldConflict {
    pub field: String,
    pub values: Vec<String>,
}

/// An article's shared document.
pub struct ArticleDoc {
    doc: AutoCommit,
}

fn broken(err: automerge::AutomergeError) -> DeskError {
    DeskError::Document(err.to_string())
}

/// The fields other than the body, each as (interchange name, JSON text).
fn fields(content: &ArticleContent) -> Result<Vec<(String, String)>, DeskError> {
    let value = serde_json::to_value(content).map_err(|e| DeskError::Document(e.to_string()))?;
    let serde_json::Value::Object(map) = value else {
        return Err(DeskError::Document(
            "an article is not a JSON object".into(),
        ));
    };
    Ok(map
        .into_iter()
        .filter(|(key, _)| key != BODY)
        .map(|(key, value)| (key, value.to_string()))
        .collect())
}

/// A field's JSON text as an editor reads it: a string as itself, anything else as JSON.
fn readable(json: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(serde_json::Value::String(text)) => text,
        _ => json.to_string(),
    }
}

impl ArticleDoc {
    /// A new document holding `content`, its first change made by `actor` (a member's name).
    pub fn new(content: &ArticleContent, actor: &str) -> Result<ArticleDoc, DeskError> {
        let mut doc = ArticleDoc {
            doc: AutoCommit::new(),
        };
        doc.set_actor(actor);
        doc.doc
            .put_object(ROOT, BODY, ObjType::Text)
            .map_err(broken)?;
        doc.update(content, "created")?;
        Ok(doc)
    }

    /// A document saved by [`ArticleDoc::save`].
    pub fn load(bytes: &[u8], actor: &str) -> Result<ArticleDoc, DeskError> {
        let mut doc = ArticleDoc {
            doc: AutoCommit::load(bytes).map_err(broken)?,
        };
        doc.set_actor(actor);
        Ok(doc)
    }

    /// A document with no change at all (the desk's side before the first sending).
    pub(crate) fn empty(actor: &str) -> ArticleDoc {
        let mut doc = ArticleDoc {
            doc: AutoCommit::new(),
        };
        doc.set_actor(actor);
        doc
    }

    /// The changes made since `heads`, in Automerge's compressed form.
    pub fn changes_since(&mut self, heads: &[ChangeHash]) -> Vec<u8> {
        self.doc.save_after(heads)
    }

    fn set_actor(&mut self, actor: &str) {
        self.doc
            .set_actor(automerge::ActorId::from(actor.as_bytes().to_vec()));
    }

    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// The document's current heads (equal on two sides that hold the same changes).
    pub fn heads(&mut self) -> Vec<ChangeHash> {
        self.doc.get_heads()
    }

    /// A copy that can change apart (another editor's library, offline).
    pub fn fork(&mut self, actor: &str) -> ArticleDoc {
        let mut copy = ArticleDoc {
            doc: self.doc.fork(),
        };
        copy.set_actor(actor);
        copy
    }

    /// Takes in every change of `other` that this document lacks.
    pub fn merge(&mut self, other: &mut ArticleDoc) -> Result<(), DeskError> {
        self.doc.merge(&mut other.doc).map_err(broken)?;
        Ok(())
    }

    fn body_id(&self) -> Result<automerge::ObjId, DeskError> {
        match self.doc.get(ROOT, BODY).map_err(broken)? {
            Some((Value::Object(ObjType::Text), id)) => Ok(id),
            _ => Err(DeskError::Document("the document has no body text".into())),
        }
    }

    /// Records the editor's `content` as one change: the body by a character diff, each other
    /// field only when its value differs from what the document shows (which also resolves a
    /// conflict on it). Returns false when nothing changed.
    pub fn update(&mut self, content: &ArticleContent, message: &str) -> Result<bool, DeskError> {
        let body = self.body_id()?;
        if self.doc.text(&body).map_err(broken)? != content.body {
            self.doc.update_text(&body, &content.body).map_err(broken)?;
        }
        for (field, json) in fields(content)? {
            let values = self.doc.get_all(ROOT, field.as_str()).map_err(broken)?;
            let shown = values
                .first()
                .and_then(|(value, _)| value.as_str().map(str::to_owned));
            if values.len() != 1 || shown.as_deref() != Some(json.as_str()) {
                self.doc.put(ROOT, field.as_str(), json).map_err(broken)?;
            }
        }
        Ok(self
            .doc
            .commit_with(CommitOptions::default().with_message(message.to_string()))
            .is_some())
    }

    /// The article as the document shows it (for a field in conflict, the value Automerge
    /// picks on every side alike).
    pub fn content(&self) -> Result<ArticleContent, DeskError> {
        let mut map = serde_json::Map::new();
        for key in self.doc.keys(ROOT) {
            if key == BODY {
                continue;
            }
            if let Some((value, _)) = self.doc.get(ROOT, key.as_str()).map_err(broken)?
                && let Some(json) = value.as_str()
            {
                let parsed = serde_json::from_str(json)
                    .map_err(|e| DeskError::Document(format!("field {key}: {e}")))?;
                map.insert(key, parsed);
            }
        }
        let body = self.doc.text(self.body_id()?).map_err(broken)?;
        map.insert(BODY.into(), serde_json::Value::String(body));
        serde_json::from_value(serde_json::Value::Object(map))
            .map_err(|e| DeskError::Document(e.to_string()))
    }

    /// Every field changed on two sides and not resolved since, with all its values.
    pub fn conflicts(&self) -> Result<Vec<FieldConflict>, DeskError> {
        let mut found = Vec::new();
        for key in self.doc.keys(ROOT) {
            let values = self.doc.get_all(ROOT, key.as_str()).map_err(broken)?;
            if values.len() > 1 {
                found.push(FieldConflict {
                    values: values
                        .iter()
                        .filter_map(|(value, _)| value.as_str().map(readable))
                        .collect(),
                    field: key,
                });
            }
        }
        Ok(found)
    }
}
