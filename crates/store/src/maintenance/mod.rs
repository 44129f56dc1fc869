//! Keeping the library sound: the integrity check, backup and restore, and the leftovers of
//! interrupted writes. Mirrors the API's `maintenance`.

pub(crate) mod backup;
pub(crate) mod database_file;
pub(crate) mod leftovers;
pub(crate) mod restore;
pub(crate) mod sizes;
