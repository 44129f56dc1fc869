//! The one small interface every portal adapter implements. Adding a portal is adding one
//! file with an implementation, and one line in [`crate::connect`].

use serde_json::Value;

use crate::{
    Post, PostFields, PostImage, PublishError, RemoteImage, RemotePost, SiteInfo, Vocabulary,
};

/// A portal, logged in. Every call is one or a few HTTP requests; none retries by itself
/// (the outbox decides).
pub trait PortalAdapter: Send + Sync {
    /// Logs in and says which site answered and as whom.
    fn check(&self) -> Result<SiteInfo, PublishError>;

    /// A picture uploaded before (its answer maybe lost) found by its marker, where the portal
    /// can be asked.
    fn find_image(&self, image: &PostImage) -> Result<Option<RemoteImage>, PublishError>;

    /// Uploads a picture (the file with its credits, its caption and alt text).
    fn upload_image(&self, image: &PostImage) -> Result<RemoteImage, PublishError>;

    /// Gives a picture the portal has its current caption and alt text.
    fn update_image(&self, remote: &RemoteImage, image: &PostImage) -> Result<(), PublishError>;

    /// The post with this id; `None` when the portal no longer has it.
    fn fetch(&self, id: &str) -> Result<Option<RemotePost>, PublishError>;

    /// The post Newsdesk created with this marker (slug), if the portal has one.
    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError>;

    /// Creates the post (pictures uploaded already, in the order of `post.images`).
    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError>;

    /// Replaces the post `current` (just fetched) with `post`. Where the portal has a guard of
    /// its own, `current.modified` is sent with it and a newer copy there answers
    /// [`PublishError::Changed`].
    fn update(
        &self,
        current: &RemotePost,
        post: &Post,
        images: &[RemoteImage],
    ) -> Result<RemotePost, PublishError>;

    /// Takes the post off the public site (it stays on the portal, unpublished).
    fn withdraw(&self, current: &RemotePost) -> Result<RemotePost, PublishError>;

    /// The portal's tags and sections.
    fn vocabulary(&self) -> Result<Vocabulary, PublishError>;

    /// One page of the portal's published posts, newest first, and the cursor of the next page.
    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError>;

    /// The fields as the portal holds them once `post` is sent (what a later comparison
    /// with the portal's copy expects).
    fn sent_fields(&self, post: &Post, images: &[RemoteImage]) -> PostFields {
        post.fields(images)
    }

    /// What `create` would send, without sending (tags and sections by name, pictures by
    /// file name).
    fn preview(&self, post: &Post) -> Value;
}

/// Where a portal is and how to log in. The secret stays in memory only as long as the
/// adapter lives; `Debug` never shows it.
#[derive(Clone)]
pub struct Credentials {
    pub url: String,
    pub user: String,
    pub secret: String,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("secret", &"(hidden)")
            .finish()
    }
}

/// The portal's address without a trailing slash; only http and https.
pub fn base_url(url: &str) -> Result<String, PublishError> {
    let url = url.trim().trim_end_matches('/');
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| {
            PublishError::Invalid(newsdesk_model::text!(
                "the portal's address must start with https:// (or http://): '{url}'",
                "Die Adresse des Portals muss mit https:// (oder http://) beginnen: '{url}'"
            ))
        })?;
    if rest.is_empty() || rest.starts_with('/') || rest.contains(char::is_whitespace) {
        return Err(PublishError::Invalid(newsdesk_model::text!(
            "'{url}' is not a web address",
            "'{url}' ist keine Webadresse"
        )));
    }
    Ok(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_portal_address_must_be_web_address() {
        assert_eq!(
            base_url(" https://portal.example/ ").expect("plain https"),
            "https://portal.example"
        );
        assert_eq!(
            base_url("http://127.0.0.1:8080/api/newsdesk").expect("a path is kept"),
            "http://127.0.0.1:8080/api/newsdesk"
        );
        for bad in ["portal.example", "ftp://x", "https://", "https:// x"] {
            assert!(base_url(bad).is_err(), "{bad} is refused");
        }
    }

    #[test]
    fn credentials_never_show_the_secret() {
        let credentials = Credentials {
            url: "https://portal.example".into(),
            user: "ba".into(),
            secret: "abcd efgh ijkl".into(),
        };
        assert!(!format!("{credentials:?}").contains("abcd"));
    }
}
