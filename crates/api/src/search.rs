//! Searching the library.

use newsdesk_model::SearchHit;

use crate::{ApiError, App};

impl App {
    /// Full-text search, best first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, ApiError> {
        Ok(self.store.search(query, limit)?)
    }
}
