//! The image library: the pictures' records, lists and the credit report, and their files
//! beside the library. Mirrors the API's `images`.

pub(crate) mod files;
pub(crate) mod image;
pub(crate) mod list;
pub(crate) mod schema;
