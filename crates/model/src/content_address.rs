//! How an article names a picture of the library: by the content address of its file,
//! `sha256:` and the SHA-256 of the original in lower-case hex ("sha256:3f9a…e1"). Files
//! outside the library keep the name the article gave them.

/// The prefix of a content address. SQL that compares an article's picture with the
/// library's `images.hash` binds it as a parameter instead of spelling it.
pub const CONTENT_ADDRESS_PREFIX: &str = "sha256:";

/// The content address of the file whose SHA-256 (hex) is `hash`.
pub fn content_address(hash: &str) -> String {
    format!("{CONTENT_ADDRESS_PREFIX}{hash}")
}

/// The hash a content address names, or `None` for another file name.
pub fn content_hash(file: &str) -> Option<&str> {
    file.strip_prefix(CONTENT_ADDRESS_PREFIX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_and_hashes_round_trip() {
        assert_eq!(content_address("3f9a"), "sha256:3f9a");
        assert_eq!(content_hash("sha256:3f9a"), Some("3f9a"));
        assert_eq!(content_hash("foto.jpg"), None);
    }
}
