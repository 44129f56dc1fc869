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

mod terms;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use serde_json::{Value, json};

use crate::adapter::{Credentials, PortalAdapter};
use crate::http::{Http, Method, Request, Response};
use crate::post::{escape, text_field};
use crate::text::{decode_entities, encode, strip_tags};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

/// Every state a post of Newsdesk's can be in, for looking it up by slug.
const ANY_STATUS: &str = "publish,future,draft,pending,private";

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

    pub(super) fn get(&self, route: &str, query: &[(&str, String)]) -> Result<Value, PublishError> {
        self.call(Method::Get, route, query, None)?.ok_json()
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
            "slug": post.marker,
            "excerpt": escape(&post.excerpt),
            "content": post.content(images),
            "featured_media": images.first().and_then(|i| i.id.parse::<u64>().ok()).unwrap_or(0),
        });
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

    /// A post as WordPress answered it (context `edit`: the raw fields), its terms named.
    fn remote(
        &self,
        value: &Value,
        names: Option<(&[String], &str)>,
    ) -> Result<RemotePost, PublishError> {
        let ids = |key: &str| -> Vec<u64> {
            value
                .get(key)
                .and_then(Value::as_array)
                .map(|a| a.iter().filter_map(Value::as_u64).collect())
                .unwrap_or_default()
        };
        let (tags, section) = match names {
            Some((tags, section)) => (tags.to_vec(), section.to_string()),
            None => (
                self.term_names("tags", &ids("tags"))?,
                self.term_names("categories", &ids("categories"))?
                    .into_iter()
                    .next()
                    .unwrap_or_default(),
            ),
        };
        Ok(RemotePost {
            id: text_field(value, "/id")?,
            url: text_field(value, "/link").unwrap_or_default(),
            modified: text_field(value, "/modified_gmt")?,
            status: text_field(value, "/status").unwrap_or_default(),
            slug: text_field(value, "/slug").unwrap_or_default(),
            fields: PostFields {
                title: decode_entities(&raw_or_rendered(value, "title")),
                excerpt: strip_tags(&raw_or_rendered(value, "excerpt")),
                content: raw_or_rendered(value, "content"),
                tags,
                section,
            },
            published: value
                .get("date_gmt")
                .and_then(Value::as_str)
                .and_then(|d| NaiveDateTime::parse_from_str(d, "%Y-%m-%dT%H:%M:%S").ok())
                .map(|d| DateTime::<Utc>::from_naive_utc_and_offset(d, Utc)),
        })
    }
}

impl PortalAdapter for WordPress {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        let me = self.get("/wp/v2/users/me", &[("context", "edit".into())])?;
        let site = self
            .call(Method::Get, "/", &[], None)?
            .ok_json()
            .ok()
            .and_then(|root| {
                root.get("name")
                    .and_then(Value::as_str)
                    .map(decode_entities)
            })
            .unwrap_or_default();
        Ok(SiteInfo {
            site,
            user: me
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
        })
    }

    fn find_image(&self, image: &PostImage) -> Result<Option<RemoteImage>, PublishError> {
        let found = self.get("/wp/v2/media", &[("slug", image.marker.clone())])?;
        Ok(found
            .as_array()
            .and_then(|items| items.first())
            .and_then(|item| media(item).ok()))
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
        let answer = self.send(request)?;
        media(&answer.ok_json()?)
    }

    fn update_image(&self, remote: &RemoteImage, image: &PostImage) -> Result<(), PublishError> {
        self.call(
            Method::Post,
            &format!("/wp/v2/media/{}", remote.id),
            &[],
            Some(&json!({"caption": escape(&image.caption), "alt_text": image.alt})),
        )?
        .ok_json()
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
        self.remote(&answer.ok_json()?, None).map(Some)
    }

    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError> {
        let found = self.get(
            "/wp/v2/posts",
            &[
                ("slug", marker.to_string()),
                ("status", ANY_STATUS.into()),
                ("context", "edit".into()),
            ],
        )?;
        match found.as_array().and_then(|posts| posts.first()) {
            Some(post) => self.remote(post, None).map(Some),
            None => Ok(None),
        }
    }

    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError> {
        let body = self.body(post, images, true)?;
        let answer = self
            .call(Method::Post, "/wp/v2/posts", &[], Some(&body))?
            .ok_json()?;
        self.remote(&answer, Some((&post.tags, &post.section)))
    }

    fn update(
        &self,
        current: &RemotePost,
        post: &Post,
        images: &[RemoteImage],
    ) -> Result<RemotePost, PublishError> {
        let mut body = self.body(post, images, true)?;
        // The post keeps the slug it has there (an editor may have changed it on the portal).
        if let Some(fields) = body.as_object_mut() {
            fields.remove("slug");
        }
        let answer = self
            .call(
                Method::Post,
                &format!("/wp/v2/posts/{}", encode(&current.id)),
                &[],
                Some(&body),
            )?
            .ok_json()?;
        self.remote(&answer, Some((&post.tags, &post.section)))
    }

    fn withdraw(&self, current: &RemotePost) -> Result<RemotePost, PublishError> {
        let answer = self
            .call(
                Method::Post,
                &format!("/wp/v2/posts/{}", encode(&current.id)),
                &[],
                Some(&json!({"status": "draft"})),
            )?
            .ok_json()?;
        self.remote(
            &answer,
            Some((&current.fields.tags, &current.fields.section)),
        )
    }

    fn vocabulary(&self) -> Result<Vocabulary, PublishError> {
        Ok(Vocabulary {
            tags: self.all_names("tags")?,
            sections: self.all_names("categories")?,
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
                ("per_page", "20".into()),
                ("page", page.to_string()),
            ],
            None,
        )?;
        if answer.status == 400 && page > 1 {
            return Ok((Vec::new(), None)); // past the last page
        }
        let pages = total_pages(&answer);
        let posts = answer.ok_json()?;
        let posts = posts
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| self.remote(p, None))
            .collect::<Result<Vec<_>, _>>()?;
        let next = (page < pages).then(|| (page + 1).to_string());
        Ok((posts, next))
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

fn media(item: &Value) -> Result<RemoteImage, PublishError> {
    Ok(RemoteImage {
        id: text_field(item, "/id")?,
        url: text_field(item, "/source_url")?,
    })
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

fn raw_or_rendered(value: &Value, field: &str) -> String {
    value
        .pointer(&format!("/{field}/raw"))
        .or_else(|| value.pointer(&format!("/{field}/rendered")))
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string()
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
