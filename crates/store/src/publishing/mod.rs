//! Publishing: portal profiles and their sections, where each article stands on each portal,
//! and the outbox. Mirrors the API's `publish`.

pub(crate) mod embargo;
pub(crate) mod outbox;
pub(crate) mod portals;
pub(crate) mod publications;
pub(crate) mod schema;
