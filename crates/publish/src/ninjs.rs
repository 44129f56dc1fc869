//! The generic ninjs endpoint, for a portal with its own API (docs/portal-api/: the OpenAPI
//! description a portal team implements, and a reference server).
//!
//! - Pictures: `PUT {base}/media/{sha256}`, content-addressed, so a repeat is harmless.
//! - The article: `PUT {base}/items/{uri}` with the IPTC ninjs 2.1 item; `If-None-Match: *`
//!   creates, `If-Match: <etag>` updates only the version last seen (412 otherwise: a
//!   conflict, nothing overwritten). The uri is Newsdesk's own, so a create whose answer was
//!   lost is found again by a GET of the same uri.
//! - Withdraw: the item as the portal holds it, with `pubstatus: canceled`.
//! - A pulled item keeps its kicker (subheadline) and title (headline) apart, however long.
//! - Answers are read into the fields used only: an item's headlines, summary and body by
//!   role, its subjects; the list's items by uri (`next` followed by the pull).

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use newsdesk_model::limits::MAX_PORTAL_LIST_ITEMS;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Value, json};

use crate::adapter::{Credentials, PortalAdapter};
use crate::answer::{Bounded, Capped, Text, read};
use crate::http::{Http, Method, Request, Response, origin_of};
use crate::post::{TitleParts, display_title};
use crate::text::{encode, header_file_name};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

/// Items per page of a pull; the contract allows up to 200.
const PER_PAGE: usize = 50;

/// The most items a page may hold (the contract's `maxItems`).
const MAX_PER_PAGE: usize = 200;

/// A ninjs item as the portal answers it: only what Newsdesk reads.
#[derive(Deserialize)]
struct Item {
    uri: String,
    #[serde(default)]
    headlines: Roles,
    #[serde(default)]
    descriptions: Roles,
    #[serde(default)]
    bodies: Roles,
    #[serde(default)]
    subjects: Subjects,
    #[serde(default)]
    pubstatus: Text,
    #[serde(default)]
    embargoed: Text,
    #[serde(default)]
    versioncreated: Text,
}

/// The values of a list of `{role, value}` Newsdesk reads (`main`, `subheadline`,
/// `summary`), the first of each; and the first without a role. Others are skipped.
#[derive(Default)]
struct Roles {
    main: Option<String>,
    subheadline: Option<String>,
    summary: Option<String>,
    unnamed: Option<String>,
}

impl<'de> Deserialize<'de> for Roles {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Entry {
            #[serde(default)]
            role: Text,
            #[serde(default)]
            value: Text,
        }
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Roles;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of {role, value}")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Roles, A::Error> {
                let mut roles = Roles::default();
                while let Some(entry) = seq.next_element::<Entry>()? {
                    let slot = match entry.role.0.as_deref() {
                        Some("main") => &mut roles.main,
                        Some("subheadline") => &mut roles.subheadline,
                        Some("summary") => &mut roles.summary,
                        None => &mut roles.unnamed,
                        Some(_) => continue,
                    };
                    if slot.is_none() {
                        *slot = entry.value.0;
                    }
                }
                Ok(roles)
            }
        }
        deserializer.deserialize_seq(List)
    }
}

/// An item's subjects: tags, and the section (`rel: section`). Names are kept up to
/// `MAX_PORTAL_LIST_ITEMS`; an item with more is refused.
#[derive(Default)]
struct Subjects {
    tags: Vec<String>,
    section: Option<String>,
}

impl<'de> Deserialize<'de> for Subjects {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Subject {
            #[serde(default)]
            name: Text,
            #[serde(default)]
            rel: Text,
        }
        struct List;
        impl<'de> Visitor<'de> for List {
            type Value = Subjects;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of subjects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Subjects, A::Error> {
                let mut subjects = Subjects::default();
                while let Some(subject) = seq.next_element::<Subject>()? {
                    let Some(name) = subject.name.0 else { continue };
                    if subject.rel.0.as_deref() == Some("section") {
                        subjects.section.get_or_insert(name);
                    } else if subjects.tags.len() < MAX_PORTAL_LIST_ITEMS {
                        subjects.tags.push(name);
                    } else {
                        return Err(de::Error::custom(format!(
                            "{}an item holds more than {MAX_PORTAL_LIST_ITEMS} subjects \
                             (MAX_PORTAL_LIST_ITEMS)",
                            crate::answer::OVER_LIMIT
                        )));
                    }
                }
                Ok(subjects)
            }
        }
        deserializer.deserialize_seq(List)
    }
}

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
        item: &[u8],
        uri: &str,
        precondition: (&str, String),
    ) -> Result<Response, PublishError> {
        self.send(
            Request::new(Method::Put, self.item_url(uri))
                .header(precondition.0, precondition.1)
                .bytes("application/json; charset=utf-8", item.to_vec()),
        )
    }

    /// The post as a successful PUT of `item` (the JSON sent) left it.
    fn written(&self, answer: Response, item: &[u8]) -> Result<RemotePost, PublishError> {
        #[derive(Deserialize)]
        struct Stored {
            #[serde(default)]
            href: Text,
            #[serde(default)]
            etag: Text,
        }
        if answer.status == 412 {
            return Err(PublishError::Changed { remote: None });
        }
        let etag = answer.header("ETag").map(str::to_owned);
        let stored: Stored = answer.ok_parse()?;
        let mut post = remote_post(read(item)?, etag.or(stored.etag.0))?;
        post.url = stored.href.0.unwrap_or_default();
        Ok(post)
    }
}

/// A ninjs item as a post: headline and subheadline (kicker) apart and as the shown title,
/// summary, the HTML body, subjects (rel `section` the section), the ETag as its version.
fn remote_post(item: Item, etag: Option<String>) -> Result<RemotePost, PublishError> {
    let kicker = item.headlines.subheadline.unwrap_or_default();
    let title = item
        .headlines
        .main
        .or(item.headlines.unnamed)
        .unwrap_or_default();
    Ok(RemotePost {
        slug: item.uri.rsplit(':').next().unwrap_or_default().to_string(),
        url: String::new(),
        modified: etag.ok_or_else(|| PublishError::Protocol("the answer has no ETag".into()))?,
        status: item.pubstatus.0.unwrap_or_else(|| "usable".into()),
        fields: PostFields {
            title: display_title(&kicker, &title),
            excerpt: item.descriptions.summary.unwrap_or_default(),
            content: item.bodies.main.unwrap_or_default(),
            tags: item.subjects.tags,
            section: item.subjects.section.unwrap_or_default(),
        },
        title_parts: Some(TitleParts { kicker, title }),
        published: item
            .embargoed
            .0
            .or(item.versioncreated.0)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)),
        id: item.uri,
    })
}

impl PortalAdapter for Ninjs {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        #[derive(Deserialize)]
        struct Root {
            #[serde(default)]
            name: Text,
        }
        let root: Root = self
            .send(Request::new(Method::Get, format!("{}/", self.base)))?
            .ok_parse()?;
        // The items need the token (on every path, the contract says; this one surely):
        // the login is proven where the answer came from.
        let answer = self.send(Request::new(
            Method::Get,
            format!("{}/items?limit=1", self.base),
        ))?;
        let address = origin_of(&answer.url);
        answer.ok_parse::<IgnoredAny>()?;
        Ok(SiteInfo {
            site: root.name.0.unwrap_or_default(),
            user: String::new(),
            address,
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
        #[derive(Deserialize)]
        struct Stored {
            id: String,
            href: String,
        }
        let stored: Stored = self.send(request)?.ok_parse()?;
        Ok(RemoteImage {
            id: stored.id,
            url: stored.href,
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
        remote_post(answer.ok_parse()?, etag).map(Some)
    }

    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError> {
        self.fetch(&format!("urn:newsdesk:{marker}"))
    }

    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError> {
        let item = self.item(post, images).to_string().into_bytes();
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
        let item = self.item(post, images).to_string().into_bytes();
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
        // Sent back as the portal holds it (each property's JSON as it came), canceled.
        let mut item: BTreeMap<String, Box<RawValue>> = answer.ok_parse()?;
        let canceled = RawValue::from_string(r#""canceled""#.into()).map_err(|e| {
            PublishError::Invalid(newsdesk_model::text!(
                "cannot write the item: {e}",
                "Das ninjs-Objekt lässt sich nicht schreiben: {e}"
            ))
        })?;
        item.insert("pubstatus".into(), canceled);
        let item = serde_json::to_vec(&item).map_err(|e| {
            PublishError::Invalid(newsdesk_model::text!(
                "cannot write the item: {e}",
                "Das ninjs-Objekt lässt sich nicht schreiben: {e}"
            ))
        })?;
        let answer = self.put(&item, &current.id, ("If-Match", current.modified.clone()))?;
        self.written(answer, &item)
    }

    fn vocabulary(&self) -> Result<Vocabulary, PublishError> {
        type Names = Capped<Text, MAX_PORTAL_LIST_ITEMS>;
        #[derive(Deserialize)]
        struct Answer {
            #[serde(default)]
            tags: Names,
            #[serde(default)]
            sections: Names,
        }
        let answer: Answer = self
            .send(Request::new(
                Method::Get,
                format!("{}/vocabulary", self.base),
            ))?
            .ok_parse()?;
        let mut notes = Vec::new();
        let mut names = |list: Names, what: &str| -> Vec<String> {
            if list.more {
                notes.push(format!(
                    "the portal's vocabulary lists more than {MAX_PORTAL_LIST_ITEMS} {what}: the \
                     first {MAX_PORTAL_LIST_ITEMS} were read, the rest left out \
                     (MAX_PORTAL_LIST_ITEMS)"
                ));
            }
            list.items.into_iter().filter_map(|t| t.0).collect()
        };
        Ok(Vocabulary {
            tags: names(answer.tags, "tags"),
            sections: names(answer.sections, "sections"),
            notes,
        })
    }

    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError> {
        #[derive(Deserialize)]
        struct Page {
            items: Bounded<Listed, MAX_PER_PAGE>,
            #[serde(default)]
            next: Text,
        }
        #[derive(Deserialize)]
        struct Listed {
            uri: String,
            #[serde(default)]
            pubstatus: Text,
        }
        let mut url = format!("{}/items?limit={PER_PAGE}", self.base);
        if let Some(cursor) = cursor {
            url.push_str(&format!("&cursor={}", encode(cursor)));
        }
        let page: Page = self.send(Request::new(Method::Get, url))?.ok_parse()?;
        let mut posts = Vec::new();
        for item in page.items.0 {
            if item.pubstatus.0.as_deref() == Some("canceled") {
                continue;
            }
            // The list carries no ETags: each item is read once for its version.
            if let Some(post) = self.fetch(&item.uri)? {
                posts.push(post);
            }
        }
        let next = page.next.0.filter(|next| Some(next.as_str()) != cursor);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_items_kicker_and_title_stay_apart_however_long() {
        let kicker = format!("{}: Anhörung", "Untersuchungsausschuss ".repeat(40).trim());
        let title = "Zeugen: Der zweite Tag ".repeat(20);
        let item = json!({
            "uri": "urn:newsdesk:x-nd1",
            "headlines": [
                {"role": "other", "value": "skipped"},
                {"role": "main", "value": title},
                {"role": "subheadline", "value": kicker},
                {"role": "main", "value": "a second main is not the title"}
            ],
            "descriptions": [{"role": "summary", "value": "Kurz."}],
            "bodies": [{"role": "main", "value": "<p>Text</p>"}],
            "subjects": [{"name": "Politik", "rel": "section"}, {"name": "Landtag"}, {"rel": "x"}],
            "unused": [[[1, 2, 3]], {"a": "b"}]
        });
        let item = Item::deserialize(&item).expect("an item");
        let post = remote_post(item, Some("\"v1\"".into())).expect("a post");
        assert_eq!(
            post.kicker_and_title(""),
            TitleParts {
                kicker: kicker.clone(),
                title: title.trim().to_string(),
            },
            "the subheadline is the kicker, whole"
        );
        assert_eq!(post.fields.title, display_title(&kicker, &title));
        assert_eq!(post.fields.excerpt, "Kurz.");
        assert_eq!(post.fields.content, "<p>Text</p>");
        assert_eq!(post.fields.section, "Politik");
        assert_eq!(
            post.fields.tags,
            vec!["Landtag"],
            "a subject without a name is no tag"
        );
    }
}
