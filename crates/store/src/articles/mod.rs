//! Articles: saving and loading them whole, the list and its filters, revisions, the trash,
//! search (the SQL side, and the queue that keeps the search index in step) and related
//! articles. Mirrors the API's `articles`, `revisions` and `search`.

pub(crate) mod article;
pub(crate) mod index_queue;
pub(crate) mod list;
pub(crate) mod reading;
pub(crate) mod related;
pub(crate) mod revisions;
pub(crate) mod schema;
pub(crate) mod search;
pub(crate) mod trash;
