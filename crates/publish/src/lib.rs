//! Publishing to a news portal: one adapter per portal API behind [`PortalAdapter`] —
//! WordPress REST ([`wordpress`]), Ghost Admin ([`ghost`]), a generic IPTC ninjs endpoint
//! ([`ninjs`], documented in `docs/portal-api/`) — over HTTP ([`Http`], real: [`UreqHttp`]),
//! with secrets in the system's keyring ([`Secrets`], real: [`OsKeyring`]) and the outbox's
//! retry timing ([`Backoff`]).
//!
//! ```no_run
//! # fn main() -> Result<(), newsdesk_publish::PublishError> {
//! use std::sync::Arc;
//! use newsdesk_publish::{Credentials, UreqHttp, connect};
//! let portal = connect(
//!     newsdesk_model::PortalKind::Wordpress,
//!     Credentials { url: "https://portal.example".into(), user: "ba".into(), secret: "…".into() },
//!     Arc::new(UreqHttp::new(std::time::Duration::from_secs(30))),
//! )?;
//! println!("{}", portal.check()?.site);
//! # Ok(()) }
//! ```
//!
//! Nothing here retries, stores or decides: the application API's outbox does, with the
//! library. The crate never links Tauri.

mod adapter;
mod answer;
mod backoff;
mod connect;
mod error;
pub mod ghost;
mod http;
mod keyring;
pub mod ninjs;
mod post;
mod text;
pub mod wordpress;

pub use adapter::{Credentials, PortalAdapter, base_url};
pub use backoff::Backoff;
pub use connect::connect;
pub use error::{PublishError, Retry};
pub use http::{Http, Method, Request, Response, UreqHttp};
pub use keyring::{OsKeyring, SecretError, SecretKey, Secrets};
pub use post::{
    CREDIT_LABEL, Post, PostFields, PostImage, PostStatus, RemoteImage, RemotePost, SiteInfo,
    TitleParts, Vocabulary, caption_with_credit, display_title, marker_for, new_token,
    split_display_title,
};
