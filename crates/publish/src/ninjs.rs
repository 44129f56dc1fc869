//! The generic ninjs endpoint, for a portal with its own API (docs/portal-api/: the OpenAPI
//! description a portal team implements, and a reference server).
//!
//! - Pictures: `PUT {base}/media/{sha256}`, content-addressed, so a repeat is harmless.
//! - The article: `PUT {base}/items/{uri}` with the IPTC ninjs 2.1 item; `If-None-Match: *`
//!   creates, `If-Match: <etag>` updates only the version last seen (412 otherwise: a
//!   conflict, nothing overwritten). The uri is Newsdesk's own, so a create whose answer was
//!   lost is found again by a GET of the same uri.
//! - Withdraw: the same item with `pubstatus: canceled`.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::adapter::{Credentials, PortalAdapter};
use crate::http::{Http, Method, Request, Response};
use crate::post::{display_title, text_field};
use crate::text::{encode, header_file_name};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

pub struct Ninjs {
    base: String,
    authorization: String,
    http: Arc<dyn Http>,
}

impl Ninjs {
    pub fn new(base: String, credentials: &Credentials, http: Arc<dyn Http>) -> Ninjs {
        Ninjs {
            base,
            authorization: format!("Bearer {}", credentials.secret.trim()),
            http,
        }
    }

    fn send(&self, request: Request) -> Result<Response, PublishError> {
        self.http
            .send(&request.header("Authorization", self.authorization.clone()))
    }

    fn item_url(&self, uri: &str) -> String {
        format!("{}/items/{}", self.base, encode(uri))
    }

    /// The item as this post sends it: pubstatus and embargo from the status, every
    /// picture's rendition with the address the portal gave it.
    fn item(&self, post: &Post, images: &[RemoteImage]) -> Value {
        let mut item = post.ninjs.clone();
        item["pubstatus"] = json!(match post.status {
            PostStatus::Draft => "canceled",
            PostStatus::Publish | PostStatus::Future(_) => "usable",
        });
        if let PostStatus::Future(at) = post.status {
            item["embargoed"] = json!(at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        }
        if let Some(associations) = item.get_mut("associations").and_then(Value::as_array_mut) {
            for association in associations {
                let Some(renditions) = association
                    .get_mut("renditions")
                    .and_then(Value::as_array_mut)
                else {
                    continue;
                };
                for rendition in renditions {
                    let name = rendition.get("title").and_then(Value::as_str);
                    let uploaded = post
                        .images
                        .iter()
                        .zip(images)
                        .find(|(image, _)| Some(image.file_name.as_str()) == name);
                    if let Some((_, remote)) = uploaded {
                        rendition["href"] = json!(remote.url);
                    }
                }
            }
        }
        item
    }

    /// PUT of the item under a precondition; 412 means the portal's version is not the one
    /// named (or, creating, that the item exists).
    fn put(
        &self,
        item: &Value,
        uri: &str,
        precondition: (&str, String),
    ) -> Result<Response, PublishError> {
        self.send(
            Request::new(Method::Put, self.item_url(uri))
                .header(precondition.0, precondition.1)
                .json(item),
        )
    }

    /// The post as a successful PUT left it.
    fn written(&self, answer: Response, item: &Value) -> Result<RemotePost, PublishError> {
        if answer.status == 412 {
            return Err(PublishError::Changed { remote: None });
        }
        let etag = answer.header("ETag").map(str::to_owned);
        let body = answer.ok_json()?;
        let mut post = remote_post(
            item,
            etag.or_else(|| body.get("etag").and_then(Value::as_str).map(str::to_owned)),
        )?;
        post.url = body
            .get("href")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        Ok(post)
    }
}

/// A ninjs item as a post: headline with subheadline as the shown title, summary, the HTML
/// body, subjects (rel `section` the section), the ETag as its version.
fn remote_post(item: &Value, etag: Option<String>) -> Result<RemotePost, PublishError> {
    let uri = text_field(item, "/uri")?;
    let role = |list: &str, role: &str| -> String {
        item.get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .find(|h| h.get("role").and_then(Value::as_str) == Some(role))
            .and_then(|h| h.get("value").and_then(Value::as_str))
            .unwrap_or_default()
            .to_string()
    };
    let subjects: Vec<&Value> = item
        .get("subjects")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .collect();
    let named = |s: &&Value| s.get("name").and_then(Value::as_str).map(str::to_owned);
    let is_section = |s: &&&Value| s.get("rel").and_then(Value::as_str) == Some("section");
    Ok(RemotePost {
        slug: uri.rsplit(':').next().unwrap_or_default().to_string(),
        id: uri,
        url: String::new(),
        modified: etag.ok_or_else(|| PublishError::Protocol("the answer has no ETag".into()))?,
        status: item
            .get("pubstatus")
            .and_then(Value::as_str)
            .unwrap_or("usable")
            .to_string(),
        fields: PostFields {
            title: display_title(
                &role("headlines", "subheadline"),
                &role("headlines", "main"),
            ),
            excerpt: role("descriptions", "summary"),
            content: role("bodies", "main"),
            tags: subjects
                .iter()
                .filter(|s| !is_section(s))
                .filter_map(named)
                .collect(),
            section: subjects
                .iter()
                .find(is_section)
                .and_then(named)
                .unwrap_or_default(),
        },
        published: item
            .get("embargoed")
            .or_else(|| item.get("versioncreated"))
            .and_then(Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc)),
    })
}

impl PortalAdapter for Ninjs {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        let root = self
            .send(Request::new(Method::Get, format!("{}/", self.base)))?
            .ok_json()?;
        Ok(SiteInfo {
            site: root
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            user: String::new(),
        })
    }

    fn find_image(&self, _image: &PostImage) -> Result<Option<RemoteImage>, PublishError> {
        // The upload is a PUT by digest: repeating it is the lookup.
        Ok(None)
    }

    fn upload_image(&self, image: &PostImage) -> Result<RemoteImage, PublishError> {
        let name = header_file_name(&image.file_name);
        let request = Request::new(Method::Put, format!("{}/media/{}", self.base, image.digest))
            .bytes(&image.media_type, image.bytes.clone())
            .header(
                "Content-Disposition",
                format!("attachment; filename=\"{name}\""),
            );
        let answer = self.send(request)?.ok_json()?;
        Ok(RemoteImage {
            id: text_field(&answer, "/id")?,
            url: text_field(&answer, "/href")?,
        })
    }

    fn update_image(&self, _remote: &RemoteImage, _image: &PostImage) -> Result<(), PublishError> {
        // Caption and alt text travel in the item's associations.
        Ok(())
    }

    fn fetch(&self, id: &str) -> Result<Option<RemotePost>, PublishError> {
        let answer = self.send(Request::new(Method::Get, self.item_url(id)))?;
        if answer.status == 404 || answer.status == 410 {
            return Ok(None);
        }
        let etag = answer.header("ETag").map(str::to_owned);
        let item = answer.ok_json()?;
        remote_post(&item, etag).map(Some)
    }

    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError> {
        self.fetch(&format!("urn:newsdesk:{marker}"))
    }

    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError> {
        let item = self.item(post, images);
        let answer = self.put(&item, &post.uri(), ("If-None-Match", "*".into()))?;
        if answer.status == 412 {
            // Created before, the answer lost: the uri is this article's alone.
            let current = self.fetch(&post.uri())?.ok_or_else(|| {
                PublishError::Protocol("the portal says the item exists but has none".into())
            })?;
            return self.update(&current, post, images);
        }
        self.written(answer, &item)
    }

    fn update(
        &self,
        current: &RemotePost,
        post: &Post,
        images: &[RemoteImage],
    ) -> Result<RemotePost, PublishError> {
        let item = self.item(post, images);
        let answer = self.put(&item, &current.id, ("If-Match", current.modified.clone()))?;
        self.written(answer, &item)
    }

    fn withdraw(&self, current: &RemotePost) -> Result<RemotePost, PublishError> {
        let answer = self.send(Request::new(Method::Get, self.item_url(&current.id)))?;
        if answer.status == 404 {
            return Err(PublishError::Rejected {
                status: 404,
                message: "the portal no longer has the item".into(),
            });
        }
        let mut item = answer.ok_json()?;
        item["pubstatus"] = json!("canceled");
        let answer = self.put(&item, &current.id, ("If-Match", current.modified.clone()))?;
        self.written(answer, &item)
    }

    fn vocabulary(&self) -> Result<Vocabulary, PublishError> {
        let answer = self
            .send(Request::new(
                Method::Get,
                format!("{}/vocabulary", self.base),
            ))?
            .ok_json()?;
        let list = |key: &str| -> Vec<String> {
            answer
                .get(key)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        };
        Ok(Vocabulary {
            tags: list("tags"),
            sections: list("sections"),
        })
    }

    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError> {
        let mut url = format!("{}/items?limit=50", self.base);
        if let Some(cursor) = cursor {
            url.push_str(&format!("&cursor={}", encode(cursor)));
        }
        let answer = self.send(Request::new(Method::Get, url))?.ok_json()?;
        let mut posts = Vec::new();
        for item in answer
            .get("items")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if item.get("pubstatus").and_then(Value::as_str) == Some("canceled") {
                continue;
            }
            // The list carries no ETags: each item is read once for its version.
            if let Some(post) = self.fetch(&text_field(item, "/uri")?)? {
                posts.push(post);
            }
        }
        let next = answer
            .get("next")
            .and_then(Value::as_str)
            .map(str::to_owned);
        Ok((posts, next))
    }

    fn sent_fields(&self, post: &Post, _images: &[RemoteImage]) -> PostFields {
        // The item's body is the article's body; pictures and links are associations.
        PostFields {
            title: post.display_title(),
            excerpt: post.excerpt.clone(),
            content: post.body_html.clone(),
            tags: post.tags.clone(),
            section: post.section.clone(),
        }
    }

    fn preview(&self, post: &Post) -> Value {
        let uploads: Vec<RemoteImage> = post
            .images
            .iter()
            .map(|i| RemoteImage {
                id: i.digest.clone(),
                url: format!("{}/media/{}", self.base, i.digest),
            })
            .collect();
        json!({format!("PUT {}", self.item_url(&post.uri())): self.item(post, &uploads)})
    }
}
