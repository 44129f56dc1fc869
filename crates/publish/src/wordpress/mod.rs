//! WordPress REST API (`/wp-json/wp/v2`, Basic auth with an application password).
//!
//! - Pictures go to `/media` as the file itself (credits embedded by Newsdesk), with caption
//!   (carrying the credit line: WordPress has no credit field), alt text and a slug that finds
//!   them again; the lead picture becomes the post's featured image.
//! - Tags and the section (a category) are sent as ids, looked up by name and created when
//!   missing (`term_exists` answers with the id of the existing one).
//! - WordPress has no overwrite guard: the outbox compares `modified_gmt` before an update.
//! - A site without pretty permalinks answers `/wp-json/` with its 404 page; the adapter then
//!   uses `?rest_route=`, which every WordPress serves.
//! - Every list is read page by page (`X-WP-TotalPages`, up to `MAX_PORTAL_PAGES`), a post's
//!   terms by id in chunks of 100 (`include=`); answers are read into the fields used only.

mod terms;

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use newsdesk_model::limits::MAX_PORTAL_LIST_ITEMS;
use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::{Value, json};

use crate::adapter::{Credentials, PortalAdapter};
use crate::answer::{Bounded, First, Id, RawOrRendered, Text};
use crate::http::{Http, Method, Request, Response, origin_of};
use crate::post::escape;
use crate::text::{decode_entities, encode, strip_tags};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

/// Newsdesk's mark inside a post's content: an HTML comment, never shown to readers (the post's
/// public address is the newsroom's own); [`WordPress::find`] searches for it.
fn marker_comment(marker: &str) -> String {
    format!("<!-- newsdesk:{marker} -->")
}

/// The content as WordPress gets it: the post's HTML with the marker's comment.
fn content_with_marker(post: &Post, images: &[RemoteImage]) -> String {
    format!("{}\n{}", post.content(images), marker_comment(&post.marker))
}

/// Every state a post of Newsdesk's can be in, for looking it up by slug.
const ANY_STATUS: &str = "publish,future,draft,pending,private";

/// Posts read when searching for a marker (it is unique: one is expected).
const SEARCH_HITS: usize = 10;

/// The most entries WordPress gives in one page (`per_page`).
const PER_PAGE: usize = 100;

/// Posts per page of a pull.
const POSTS_PER_PAGE: usize = 20;

/// A post as WordPress answers it (context `edit`), only the fields Newsdesk reads.
#[derive(Deserialize)]
struct WpPost {
    id: Id,
    #[serde(default)]
    link: Text,
    modified_gmt: String,
    #[serde(default)]
    status: Text,
    #[serde(default)]
    slug: Text,
    #[serde(default)]
    title: RawOrRendered,
    #[serde(default)]
    excerpt: RawOrRendered,
    #[serde(default)]
    content: RawOrRendered,
    #[serde(default)]
    tags: Bounded<u64, MAX_PORTAL_LIST_ITEMS>,
    #[serde(default)]
    categories: Bounded<u64, MAX_PORTAL_LIST_ITEMS>,
    #[serde(default)]
    date_gmt: Text,
}

/// A media item: where the picture is.
#[derive(Deserialize)]
struct Media {
    id: Id,
    source_url: String,
}

pub struct WordPress {
    base: String,
    authorization: String,
    http: Arc<dyn Http>,
    /// Set once `/wp-json/` turned out not to be served (no pretty permalinks).
    query_route: AtomicBool,
}

impl WordPress {
    pub fn new(base: String, credentials: &Credentials, http: Arc<dyn Http>) -> WordPress {
        let token = base64::engine::general_purpose::STANDARD
            .encode(format!("{}:{}", credentials.user, credentials.secret));
        WordPress {
            base,
            authorization: format!("Basic {token}"),
            http,
            query_route: AtomicBool::new(false),
        }
    }

    /// The address of `route` (`/wp/v2/posts`) with `query` (already encoded pairs).
    fn url(&self, route: &str, query: &[(&str, String)]) -> String {
        let query: Vec<String> = query
            .iter()
            .map(|(k, v)| format!("{k}={}", encode(v)))
            .collect();
        if self.query_route.load(Ordering::Relaxed) {
            let mut url = format!("{}/?rest_route={}", self.base, encode(route));
            for pair in query {
                url.push('&');
                url.push_str(&pair);
            }
            url
        } else {
            let mut url = format!("{}/wp-json{route}", self.base);
            if !query.is_empty() {
                url.push('?');
                url.push_str(&query.join("&"));
            }
            url
        }
    }

    fn send(&self, request: Request) -> Result<Response, PublishError> {
        let request = request.header("Authorization", self.authorization.clone());
        let answer = self.http.send(&request)?;
        Ok(answer)
    }

    /// One call of the REST API; falls back to `?rest_route=` when `/wp-json/` is not served.
    pub(super) fn call(
        &self,
        method: Method,
        route: &str,
        query: &[(&str, String)],
        body: Option<&Value>,
    ) -> Result<Response, PublishError> {
        let build = |url: String| {
            let request = Request::new(method, url);
            match body {
                Some(body) => request.json(body),
                None => request,
            }
        };
        let answer = self.send(build(self.url(route, query)))?;
        if answer.status == 404
            && !self.query_route.load(Ordering::Relaxed)
            && !answer.body.trim_ascii_start().starts_with(b"{")
        {
            self.query_route.store(true, Ordering::Relaxed);
            return self.send(build(self.url(route, query)));
        }
        Ok(answer)
    }

    pub(super) fn get<T: DeserializeOwned>(
        &self,
        route: &str,
        query: &[(&str, String)],
    ) -> Result<T, PublishError> {
        self.call(Method::Get, route, query, None)?.ok_parse()
    }

    /// The post's body as WordPress wants it.
    fn body(
        &self,
        post: &Post,
        images: &[RemoteImage],
        with_terms: bool,
    ) -> Result<Value, PublishError> {
        // WordPress keeps titles and excerpts as HTML (for a user allowed unfiltered HTML,
        // unchecked): the editor's text goes as text, escaped.
        let mut body = json!({
            "title": escape(&post.display_title()),
            "excerpt": escape(&post.excerpt),
            "content": content_with_marker(post, images),
            "featured_media": images.first().and_then(|i| i.id.parse::<u64>().ok()).unwrap_or(0),
        });
        // The newsroom's chosen address; without one WordPress makes it from the title.
        if !post.slug.is_empty() {
            body["slug"] = json!(post.slug);
        }
        match post.status {
            PostStatus::Publish => body["status"] = json!("publish"),
            PostStatus::Draft => body["status"] = json!("draft"),
            PostStatus::Future(at) => {
                body["status"] = json!("future");
                body["date_gmt"] = json!(at.format("%Y-%m-%dT%H:%M:%S").to_string());
            }
        }
        if with_terms {
            body["tags"] = json!(self.term_ids("tags", &post.tags)?);
            if !post.section.trim().is_empty() {
                body["categories"] =
                    json!(self.term_ids("categories", std::slice::from_ref(&post.section))?);
            }
        }
        Ok(body)
    }

    /// Posts as WordPress answered them (context `edit`: the raw fields), their terms named:
    /// `names` where the caller knows them (what it just sent), else looked up, for all the
    /// posts at once.
    fn remote(
        &self,
        posts: Vec<WpPost>,
        names: Option<(&[String], &str)>,
    ) -> Result<Vec<RemotePost>, PublishError> {
        let (tags, categories) = match names {
            Some(_) => (HashMap::new(), HashMap::new()),
            None => {
                let ids = |f: fn(&WpPost) -> &[u64]| -> Vec<u64> {
                    posts.iter().flat_map(|p| f(p).iter().copied()).collect()
                };
                (
                    self.term_names("tags", &ids(|p| &p.tags.0))?,
                    self.term_names("categories", &ids(|p| &p.categories.0))?,
                )
            }
        };
        let named = |names: &HashMap<u64, String>, ids: &[u64]| -> Vec<String> {
            ids.iter().filter_map(|id| names.get(id).cloned()).collect()
        };
        Ok(posts
            .into_iter()
            .map(|post| {
                let (tags, section) = match names {
                    Some((tags, section)) => (tags.to_vec(), section.to_string()),
                    None => (
                        named(&tags, &post.tags.0),
                        named(&categories, &post.categories.0)
                            .into_iter()
                            .next()
                            .unwrap_or_default(),
                    ),
                };
                RemotePost {
                    id: post.id.0,
                    url: post.link.0.unwrap_or_default(),
                    modified: post.modified_gmt,
                    status: post.status.0.unwrap_or_default(),
                    slug: post.slug.0.unwrap_or_default(),
                    fields: PostFields {
                        title: decode_entities(&post.title.0),
                        excerpt: strip_tags(&post.excerpt.0),
                        content: post.content.0,
                        tags,
                        section,
                    },
                    title_parts: None,
                    published: post
                        .date_gmt
                        .0
                        .and_then(|d| NaiveDateTime::parse_from_str(&d, "%Y-%m-%dT%H:%M:%S").ok())
                        .map(|d| DateTime::<Utc>::from_naive_utc_and_offset(d, Utc)),
                }
            })
            .collect())
    }

    /// One post as WordPress answered it.
    fn one(
        &self,
        post: WpPost,
        names: Option<(&[String], &str)>,
    ) -> Result<RemotePost, PublishError> {
        self.remote(vec![post], names)?
            .pop()
            .ok_or_else(|| PublishError::Protocol("the answer holds no post".into()))
    }
}

impl PortalAdapter for WordPress {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        // Only a logged-in user may read its own record with context `edit`: the login is
        // proven where the answer came from.
        #[derive(Deserialize)]
        struct Me {
            #[allow(dead_code)]
            id: Id,
            #[serde(default)]
            name: Text,
        }
        #[derive(Deserialize)]
        struct Root {
            #[serde(default)]
            name: Text,
        }
        let answer = self.call(
            Method::Get,
            "/wp/v2/users/me",
            &[("context", "edit".into())],
            None,
        )?;
        let address = origin_of(&answer.url);
        let me: Me = answer.ok_parse()?;
        let site = self
            .call(Method::Get, "/", &[], None)?
            .ok_parse::<Root>()
            .ok()
            .and_then(|root| root.name.0)
            .map(|name| decode_entities(&name))
            .unwrap_or_default();
        Ok(SiteInfo {
            site,
            user: me.name.0.unwrap_or_default(),
            address,
        })
    }

    fn find_image(&self, image: &PostImage) -> Result<Option<RemoteImage>, PublishError> {
        #[derive(Deserialize)]
        struct Found {
            id: Option<Id>,
            #[serde(default)]
            source_url: Text,
        }
        let found: First<Found> = self.get(
            "/wp/v2/media",
            &[
                ("slug", image.marker.clone()),
                ("_fields", "id,source_url".into()),
            ],
        )?;
        Ok(found.0.and_then(|item| {
            Some(RemoteImage {
                id: item.id?.0,
                url: item.source_url.0?,
            })
        }))
    }

    fn upload_image(&self, image: &PostImage) -> Result<RemoteImage, PublishError> {
        let query = [
            ("slug", image.marker.clone()),
            ("title", escape(&title_of(image))),
            ("caption", escape(&image.caption)),
            ("alt_text", image.alt.clone()),
        ];
        let request = Request::new(Method::Post, self.url("/wp/v2/media", &query))
            .bytes(&image.media_type, image.bytes.clone())
            .header(
                "Content-Disposition",
                format!(
                    "attachment; filename=\"{}\"",
                    ascii_file_name(&image.file_name)
                ),
            );
        let media: Media = self.send(request)?.ok_parse()?;
        Ok(RemoteImage {
            id: media.id.0,
            url: media.source_url,
        })
    }

    fn update_image(&self, remote: &RemoteImage, image: &PostImage) -> Result<(), PublishError> {
        self.call(
            Method::Post,
            &format!("/wp/v2/media/{}", remote.id),
            &[],
            Some(&json!({"caption": escape(&image.caption), "alt_text": image.alt})),
        )?
        .ok_parse::<IgnoredAny>()
        .map(|_| ())
    }

    fn fetch(&self, id: &str) -> Result<Option<RemotePost>, PublishError> {
        let answer = self.call(
            Method::Get,
            &format!("/wp/v2/posts/{}", encode(id)),
            &[("context", "edit".into())],
            None,
        )?;
        if answer.status == 404 || answer.status == 410 {
            return Ok(None);
        }
        self.one(answer.ok_parse()?, None).map(Some)
    }

    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError> {
        // Posts of releases before the newsroom's own addresses carry the marker as their slug.
        let by_slug: First<WpPost> = self.get(
            "/wp/v2/posts",
            &[
                ("slug", marker.to_string()),
                ("status", ANY_STATUS.into()),
                ("context", "edit".into()),
            ],
        )?;
        if let Some(post) = by_slug.0 {
            return self.one(post, None).map(Some);
        }
        // Since then it is a comment in the content, which WordPress's search reads.
        let found: Bounded<WpPost, SEARCH_HITS> = self.get(
            "/wp/v2/posts",
            &[
                ("search", marker.to_string()),
                ("status", ANY_STATUS.into()),
                ("context", "edit".into()),
                ("per_page", SEARCH_HITS.to_string()),
            ],
        )?;
        let comment = marker_comment(marker);
        match found.0.into_iter().find(|p| p.content.0.contains(&comment)) {
            Some(post) => self.one(post, None).map(Some),
            None => Ok(None),
        }
    }

    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError> {
        let body = self.body(post, images, true)?;
        let answer = self
            .call(Method::Post, "/wp/v2/posts", &[], Some(&body))?
            .ok_parse()?;
        self.one(answer, Some((&post.tags, &post.section)))
    }

    fn update(
        &self,
        current: &RemotePost,
        post: &Post,
        images: &[RemoteImage],
    ) -> Result<RemotePost, PublishError> {
        // Without an address chosen in Newsdesk the post keeps the one it has there (an editor
        // may have changed it on the portal); a chosen one is sent again.
        let body = self.body(post, images, true)?;
        let answer = self
            .call(
                Method::Post,
                &format!("/wp/v2/posts/{}", encode(&current.id)),
                &[],
                Some(&body),
            )?
            .ok_parse()?;
        self.one(answer, Some((&post.tags, &post.section)))
    }

    fn withdraw(&self, current: &RemotePost) -> Result<RemotePost, PublishError> {
        let answer = self
            .call(
                Method::Post,
                &format!("/wp/v2/posts/{}", encode(&current.id)),
                &[],
                Some(&json!({"status": "draft"})),
            )?
            .ok_parse()?;
        self.one(
            answer,
            Some((&current.fields.tags, &current.fields.section)),
        )
    }

    fn vocabulary(&self) -> Result<Vocabulary, PublishError> {
        let mut notes = Vec::new();
        let tags = self.all_names("tags", &mut notes)?;
        let sections = self.all_names("categories", &mut notes)?;
        Ok(Vocabulary {
            tags,
            sections,
            notes,
        })
    }

    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError> {
        let page: u32 = cursor.and_then(|c| c.parse().ok()).unwrap_or(1);
        let answer = self.call(
            Method::Get,
            "/wp/v2/posts",
            &[
                ("status", "publish".into()),
                ("context", "edit".into()),
                ("per_page", POSTS_PER_PAGE.to_string()),
                ("page", page.to_string()),
            ],
            None,
        )?;
        if answer.status == 400 && page > 1 {
            return Ok((Vec::new(), None)); // past the last page
        }
        let pages = total_pages(&answer);
        let posts: Bounded<WpPost, PER_PAGE> = answer.ok_parse()?;
        let posts = self.remote(posts.0, None)?;
        let next = (page < pages).then(|| (page + 1).to_string());
        Ok((posts, next))
    }

    fn sent_fields(&self, post: &Post, images: &[RemoteImage]) -> PostFields {
        PostFields {
            content: content_with_marker(post, images),
            ..post.fields(images)
        }
    }

    fn preview(&self, post: &Post) -> Value {
        let uploads: Vec<RemoteImage> = post
            .images
            .iter()
            .map(|i| RemoteImage {
                id: "0".into(),
                url: i.file_name.clone(),
            })
            .collect();
        let mut body = self
            .body(post, &uploads, false)
            .unwrap_or_else(|_| json!({}));
        body["tags"] = json!(post.tags);
        if !post.section.is_empty() {
            body["categories"] = json!([post.section]);
        }
        body["featured_media"] = json!(post.lead_image().map(|i| i.file_name.clone()));
        json!({"POST /wp-json/wp/v2/posts": body})
    }
}

/// The media item's title: the caption's first words, else the file name.
fn title_of(image: &PostImage) -> String {
    let base = if image.alt.trim().is_empty() {
        image.file_name.clone()
    } else {
        image.alt.clone()
    };
    base.chars().take(80).collect()
}

pub(super) fn total_pages(answer: &Response) -> u32 {
    answer
        .header("X-WP-TotalPages")
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
}

/// A file name WordPress stores as sent (ASCII letters, digits, dot, dash, underscore).
fn ascii_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if cleaned.trim_matches(['-', '.']).is_empty() {
        "picture.jpg".into()
    } else {
        cleaned
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_become_ascii() {
        assert_eq!(ascii_file_name("Schubert Kerst.jpg"), "Schubert-Kerst.jpg");
        assert_eq!(ascii_file_name("äöü.jpg"), "---.jpg");
        assert_eq!(ascii_file_name("..."), "picture.jpg");
    }
}
