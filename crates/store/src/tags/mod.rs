//! Tags: the vocabulary shared by articles, pictures and portals, and what tag suggestions
//! read from the library and remember in it. Mirrors the API's `tags`.

pub(crate) mod model_queue;
pub(crate) mod schema;
pub(crate) mod usage;
pub(crate) mod vocabulary;
