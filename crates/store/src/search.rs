//! Full-text search over kicker, title, teaser, body and tags.

use newsdesk_model::SearchHit;
use rusqlite::types::Value;

use crate::articles::{parse_date, parse_status};
use crate::{SearchQuery, Store, StoreError};

/// Column weights for bm25: kicker, title, teaser, body, tags. A hit in the title counts most.
const WEIGHTS: &str = "2.0, 6.0, 2.0, 1.0, 4.0";

/// Characters of context the snippet shows (trigram tokens are single characters).
const SNIPPET_TOKENS: u32 = 48;

fn like_pattern(term: &str) -> String {
    let escaped = term
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Finds articles, best first; at most `limit` hits.
    pub fn search(&self, input: &str, limit: usize) -> Result<Vec<SearchHit>, StoreError> {
        self.search_query(&SearchQuery::parse(input), limit)
    }

    /// As [`Store::search`], for an already parsed query.
    pub fn search_query(
        &self,
        query: &SearchQuery,
        limit: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        if query.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut args: Vec<Value> = Vec::new();
        let mut clauses = Vec::new();
        let fts = query.fts_match();
        if let Some(expr) = &fts {
            args.push(Value::Text(expr.clone()));
            clauses.push(format!("article_search MATCH ?{}", args.len()));
        }
        for term in query.short_terms() {
            args.push(Value::Text(like_pattern(term)));
            let n = args.len();
            clauses.push(format!(
                "(s.kicker LIKE ?{n} ESCAPE '\\' OR s.title LIKE ?{n} ESCAPE '\\'
                  OR s.teaser LIKE ?{n} ESCAPE '\\' OR s.body LIKE ?{n} ESCAPE '\\'
                  OR s.tags LIKE ?{n} ESCAPE '\\')"
            ));
        }
        let (snippet, score, order) = if fts.is_some() {
            (
                format!("snippet(article_search, -1, '[', ']', '…', {SNIPPET_TOKENS})"),
                format!("-bm25(article_search, {WEIGHTS})"),
                format!("bm25(article_search, {WEIGHTS}), a.date DESC"),
            )
        } else {
            (
                "substr(s.teaser, 1, 160)".into(),
                "0.0".into(),
                "a.date DESC".into(),
            )
        };
        args.push(Value::Integer(limit as i64));
        let sql = format!(
            "SELECT a.id, a.kicker, a.title, a.status, a.date, {snippet}, {score}
             FROM article_search s JOIN articles a ON a.id = s.rowid
             WHERE {}
             ORDER BY {order}
             LIMIT ?{}",
            clauses.join(" AND "),
            args.len()
        );
        let conn = self.read();
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, f64>(6)?,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (id, kicker, title, status, date, snippet, score) = row?;
            hits.push(SearchHit {
                id,
                kicker,
                title,
                status: parse_status(&status)?,
                date: parse_date(date)?,
                snippet,
                score,
            });
        }
        Ok(hits)
    }
}
