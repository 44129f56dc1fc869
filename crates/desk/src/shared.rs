//! The desk's copy of every shared document, in PostgreSQL: the document as Automerge saved
//! it, and a log of the changes each member sent (which member sent which change, when).
//! A document is taken in and stored in one transaction: what the desk acknowledges is
//! stored.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::{ArticleDoc, Desk, DeskError, Member};

/// What one member's sending did to a document at the desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Received {
    /// The desk had not seen the document before.
    pub created: bool,
    /// The sending held changes the desk lacked (false: it knew them all already).
    pub changed: bool,
    /// The document's heads at the desk afterwards (hex).
    pub heads: Vec<String>,
}

/// One entry of a document's log at the desk.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sent {
    pub member: String,
    pub received_at: DateTime<Utc>,
    /// Bytes of the changes (Automerge's compressed form).
    pub bytes: i64,
}

impl Desk {
    /// Takes in article document `id` as current member `member` sent it: the desk's copy
    /// and the member's merged, the changes the desk lacked logged under the member's name.
    /// A member revoked meanwhile is refused and nothing is stored. On return, `doc` holds
    /// the desk's whole document (the member's side is up to date).
    pub fn receive_article(
        &mut self,
        member: &Member,
        id: &str,
        doc: &mut ArticleDoc,
    ) -> Result<Received, DeskError> {
        let mut tx = self.client.transaction()?;
        let current = tx.query_opt(
            "SELECT 1 FROM members WHERE id = $1 AND revoked_at IS NULL FOR SHARE",
            &[&member.id],
        )?;
        if current.is_none() {
            return Err(DeskError::UnknownToken);
        }
        let stored = tx.query_opt(
            "SELECT snapshot FROM documents WHERE id = $1 AND kind = 'article' FOR UPDATE",
            &[&id],
        )?;
        let created = stored.is_none();
        let mut desk_copy = match &stored {
            Some(row) => ArticleDoc::load(row.get::<_, &[u8]>(0), "desk")?,
            None => ArticleDoc::empty("desk"),
        };
        let before = desk_copy.heads();
        desk_copy.merge(doc)?;
        let changes = desk_copy.changes_since(&before);
        let changed = desk_copy.heads() != before;
        let heads: Vec<String> = desk_copy.heads().iter().map(|h| h.to_string()).collect();
        if changed {
            let snapshot = desk_copy.save();
            tx.execute(
                "INSERT INTO documents (id, kind, snapshot) VALUES ($1, 'article', $2)
                 ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, updated_at = now()",
                &[&id, &snapshot],
            )?;
            tx.execute(
                "INSERT INTO changes (document_id, member_id, bytes, heads) VALUES ($1, $2, $3, $4)",
                &[&id, &member.id, &changes, &heads],
            )?;
        }
        tx.commit()?;
        doc.merge(&mut desk_copy)?;
        Ok(Received {
            created,
            changed,
            heads,
        })
    }

    /// The desk's copy of article document `id`, for `actor` to go on with.
    pub fn article(&mut self, id: &str, actor: &str) -> Result<Option<ArticleDoc>, DeskError> {
        self.client
            .query_opt(
                "SELECT snapshot FROM documents WHERE id = $1 AND kind = 'article'",
                &[&id],
            )?
            .map(|row| ArticleDoc::load(row.get::<_, &[u8]>(0), actor))
            .transpose()
    }

    /// Who sent which changes of document `id`, oldest first.
    pub fn history(&mut self, id: &str) -> Result<Vec<Sent>, DeskError> {
        Ok(self
            .client
            .query(
                "SELECT m.name, c.received_at, length(c.bytes)::bigint FROM changes c
                 JOIN members m ON m.id = c.member_id WHERE c.document_id = $1 ORDER BY c.seq",
                &[&id],
            )?
            .iter()
            .map(|row| Sent {
                member: row.get(0),
                received_at: row.get(1),
                bytes: row.get(2),
            })
            .collect())
    }
}
