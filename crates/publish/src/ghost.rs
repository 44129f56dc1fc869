//! Ghost Admin API (`/ghost/api/admin`, a short-lived HS256 token from the Admin API key).
//!
//! - Pictures go to `/images/upload/`; Ghost keeps no texts with a picture, so the lead
//!   picture's caption (with the credit line) and alt text travel on the post
//!   (`feature_image_caption`, `feature_image_alt`), the others in the HTML's figures.
//! - Tags by name (Ghost creates them); Ghost has no sections: the section becomes the post's
//!   first tag, which Ghost calls its primary tag.
//! - Updates carry the `updated_at` Ghost last gave: a newer copy there answers 409, and
//!   nothing is overwritten (Ghost's own guard, on top of the outbox's comparison).
//! - Lists are read page by page (`meta.pagination.next`, up to `MAX_PORTAL_PAGES`); answers
//!   into the fields used only.

use std::sync::Arc;

use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, KeyInit, Mac};
use newsdesk_model::limits::{MAX_PORTAL_LIST_ITEMS, MAX_PORTAL_PAGES};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::{Value, json};
use sha2::Sha256;

use crate::adapter::{Credentials, PortalAdapter};
use crate::answer::{Bounded, First, Id, Text};
use crate::http::{Http, Method, Request, Response, origin_of};
use crate::text::{clip, encode, header_file_name};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

/// The most entries Newsdesk asks Ghost for in one page (`limit`).
const PER_PAGE: usize = 100;

/// A post as Ghost answers it (`formats=html&include=tags`), only the fields Newsdesk reads.
#[derive(Deserialize)]
struct GhostPost {
    id: Id,
    #[serde(default)]
    url: Text,
    updated_at: String,
    #[serde(default)]
    status: Text,
    #[serde(default)]
    slug: Text,
    #[serde(default)]
    title: Text,
    #[serde(default)]
    custom_excerpt: Text,
    #[serde(default)]
    html: Text,
    #[serde(default)]
    tags: Bounded<Named, MAX_PORTAL_LIST_ITEMS>,
    #[serde(default)]
    published_at: Text,
}

/// Anything with a name (a tag).
#[derive(Deserialize)]
struct Named {
    #[serde(default)]
    name: Text,
}

/// Where a list answer goes on: `meta.pagination.next`.
#[derive(Deserialize, Default)]
struct Meta {
    #[serde(default)]
    pagination: Pagination,
}

#[derive(Deserialize, Default)]
struct Pagination {
    next: Option<u64>,
}

pub struct Ghost {
    api: String,
    key_id: String,
    secret: Vec<u8>,
    http: Arc<dyn Http>,
}

impl Ghost {
    /// `credentials.secret` is the Admin API key as Ghost shows it: `<id>:<hex secret>`.
    pub fn new(
        base: String,
        credentials: &Credentials,
        http: Arc<dyn Http>,
    ) -> Result<Ghost, PublishError> {
        let invalid = || {
            PublishError::Invalid(newsdesk_model::text!(
                "a Ghost Admin API key looks like <id>:<secret> (Ghost Admin → Settings → \
                 Integrations)",
                "Ein Admin-API-Schlüssel von Ghost hat die Form <id>:<secret> (Ghost Admin → \
                 Settings → Integrations)"
            ))
        };
        let (key_id, secret) = credentials
            .secret
            .trim()
            .split_once(':')
            .ok_or_else(invalid)?;
        let secret = decode_hex(secret).ok_or_else(invalid)?;
        if key_id.is_empty() || secret.is_empty() {
            return Err(invalid());
        }
        Ok(Ghost {
            api: format!("{base}/ghost/api/admin"),
            key_id: key_id.to_string(),
            secret,
            http,
        })
    }

    /// A token valid for five minutes. It is stamped with the real clock: Ghost checks it
    /// against its own.
    fn token(&self) -> String {
        let b64 = |bytes: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let now = Utc::now().timestamp();
        let header = json!({"alg": "HS256", "typ": "JWT", "kid": self.key_id});
        let claims = json!({"iat": now, "exp": now + 300, "aud": "/admin/"});
        let signing = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(claims.to_string().as_bytes())
        );
        let mut mac = match Hmac::<Sha256>::new_from_slice(&self.secret) {
            Ok(mac) => mac,
            // HMAC takes a key of any length; kept as a branch rather than a panic.
            Err(_) => return signing,
        };
        mac.update(signing.as_bytes());
        format!("{signing}.{}", b64(&mac.finalize().into_bytes()))
    }

    fn send(&self, request: Request) -> Result<Response, PublishError> {
        let request = request
            .header("Authorization", format!("Ghost {}", self.token()))
            .header("Accept-Version", "v5.0");
        self.http.send(&request)
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.api)
    }

    fn post_body(&self, post: &Post, images: &[RemoteImage]) -> Value {
        let mut tags: Vec<String> = Vec::new();
        for tag in std::iter::once(&post.section).chain(&post.tags) {
            let tag = tag.trim();
            if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
                tags.push(tag.to_string());
            }
        }
        // Newsdesk's marker as an internal tag ("#…"): Ghost never shows those to readers, and
        // `find` looks the post up by it.
        let mut named: Vec<Value> = tags.iter().map(|t| json!({"name": t})).collect();
        named.push(json!({"name": internal_tag(&post.marker)}));
        let mut body = json!({
            "title": post.display_title(),
            "html": post.content(images),
            "custom_excerpt": clip(&post.excerpt, 300),
            "tags": named,
            "feature_image": images.first().map(|i| i.url.clone()),
            "feature_image_caption": post.lead_image().map(|i| crate::post::escape(&i.caption)),
            "feature_image_alt": post.lead_image().map(|i| clip(&i.alt, 191)),
        });
        // The newsroom's chosen address; without one Ghost makes it from the title.
        if !post.slug.is_empty() {
            body["slug"] = json!(post.slug);
        }
        if !post.description.is_empty() {
            body["meta_description"] = json!(clip(&post.description, 500));
        }
        // The picture a shared link shows, when the editor chose one (else Ghost's feature
        // image, the lead picture).
        if let Some(url) = post
            .social_image
            .and_then(|i| images.get(i))
            .map(|i| i.url.clone())
        {
            body["og_image"] = json!(url);
            body["twitter_image"] = json!(url);
        }
        match post.status {
            PostStatus::Publish => body["status"] = json!("published"),
            PostStatus::Draft => body["status"] = json!("draft"),
            PostStatus::Future(at) => {
                body["status"] = json!("scheduled");
                body["published_at"] = json!(at.to_rfc3339());
            }
        }
        body
    }

    fn one_post(&self, answer: Response) -> Result<RemotePost, PublishError> {
        #[derive(Deserialize)]
        struct One {
            posts: First<GhostPost>,
        }
        if answer.status == 409 {
            return Err(PublishError::Changed { remote: None });
        }
        let one: One = answer.ok_parse()?;
        let post = one
            .posts
            .0
            .ok_or_else(|| PublishError::Protocol("the answer holds no post".into()))?;
        Ok(remote(post))
    }

    fn get_post(&self, path: &str) -> Result<Option<RemotePost>, PublishError> {
        let answer = self.send(Request::new(
            Method::Get,
            self.url(&format!("{path}?formats=html&include=tags")),
        ))?;
        if answer.status == 404 {
            return Ok(None);
        }
        self.one_post(answer).map(Some)
    }
}

/// The internal tag that carries Newsdesk's marker (Ghost hides tags whose name starts with
/// `#`; its slug is `hash-` and the marker).
fn internal_tag(marker: &str) -> String {
    format!("#{marker}")
}

fn remote(post: GhostPost) -> RemotePost {
    // Internal tags (Newsdesk's marker among them) are not the article's tags.
    let mut tags: Vec<String> = post
        .tags
        .0
        .into_iter()
        .filter_map(|t| t.name.0)
        .filter(|name| !name.starts_with('#'))
        .collect();
    let section = if tags.is_empty() {
        String::new()
    } else {
        tags.remove(0)
    };
    RemotePost {
        id: post.id.0,
        url: post.url.0.unwrap_or_default(),
        modified: post.updated_at,
        status: post.status.0.unwrap_or_default(),
        slug: post.slug.0.unwrap_or_default(),
        fields: PostFields {
            title: post.title.0.unwrap_or_default(),
            excerpt: post.custom_excerpt.0.unwrap_or_default(),
            content: post.html.0.unwrap_or_default(),
            tags,
            section,
        },
        title_parts: None,
        published: post
            .published_at
            .0
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc)),
    }
}

impl PortalAdapter for Ghost {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        #[derive(Deserialize)]
        struct Site {
            site: Title,
        }
        #[derive(Deserialize)]
        struct Title {
            #[serde(default)]
            title: Text,
        }
        // A request only a valid key may make, where it is answered; then the site's name.
        let answer = self.send(Request::new(
            Method::Get,
            self.url("/posts/?limit=1&fields=id"),
        ))?;
        let address = origin_of(&answer.url);
        answer.ok_parse::<IgnoredAny>()?;
        let site: Site = self
            .send(Request::new(Method::Get, self.url("/site/")))?
            .ok_parse()?;
        Ok(SiteInfo {
            site: site.site.title.0.unwrap_or_default(),
            user: String::new(),
            address,
        })
    }

    fn find_image(&self, _image: &PostImage) -> Result<Option<RemoteImage>, PublishError> {
        // Ghost lists no uploaded pictures: one whose answer was lost is uploaded again.
        Ok(None)
    }

    fn upload_image(&self, image: &PostImage) -> Result<RemoteImage, PublishError> {
        let boundary = format!("newsdesk-{:016x}", fastrand::u64(..));
        let body = multipart(&boundary, image);
        let request = Request::new(Method::Post, self.url("/images/upload/"))
            .bytes(&format!("multipart/form-data; boundary={boundary}"), body);
        #[derive(Deserialize)]
        struct Uploaded {
            images: First<Image>,
        }
        #[derive(Deserialize)]
        struct Image {
            url: String,
        }
        let uploaded: Uploaded = self.send(request)?.ok_parse()?;
        let url = uploaded
            .images
            .0
            .ok_or_else(|| PublishError::Protocol("the answer lacks /images/0/url".into()))?
            .url;
        Ok(RemoteImage {
            id: url.clone(),
            url,
        })
    }

    fn update_image(&self, _remote: &RemoteImage, _image: &PostImage) -> Result<(), PublishError> {
        // The texts live on the post, sent with every update.
        Ok(())
    }

    fn fetch(&self, id: &str) -> Result<Option<RemotePost>, PublishError> {
        self.get_post(&format!("/posts/{}/", encode(id)))
    }

    fn find(&self, marker: &str) -> Result<Option<RemotePost>, PublishError> {
        // Posts of releases before the newsroom's own addresses carry the marker as their slug.
        if let Some(post) = self.get_post(&format!("/posts/slug/{}/", encode(marker)))? {
            return Ok(Some(post));
        }
        #[derive(Deserialize)]
        struct Found {
            posts: First<GhostPost>,
        }
        let filter = format!("tag:hash-{marker}");
        let answer = self.send(Request::new(
            Method::Get,
            self.url(&format!(
                "/posts/?filter={}&formats=html&include=tags&limit=1",
                encode(&filter)
            )),
        ))?;
        let found: Found = answer.ok_parse()?;
        Ok(found.posts.0.map(remote))
    }

    fn create(&self, post: &Post, images: &[RemoteImage]) -> Result<RemotePost, PublishError> {
        let body = json!({"posts": [self.post_body(post, images)]});
        let answer = self.send(
            Request::new(Method::Post, self.url("/posts/?source=html&include=tags")).json(&body),
        )?;
        self.one_post(answer)
    }

    fn update(
        &self,
        current: &RemotePost,
        post: &Post,
        images: &[RemoteImage],
    ) -> Result<RemotePost, PublishError> {
        // Without an address chosen in Newsdesk the post keeps the one it has there.
        let mut fields = self.post_body(post, images);
        fields["updated_at"] = json!(current.modified);
        let answer = self.send(
            Request::new(
                Method::Put,
                self.url(&format!(
                    "/posts/{}/?source=html&include=tags",
                    encode(&current.id)
                )),
            )
            .json(&json!({"posts": [fields]})),
        )?;
        self.one_post(answer)
    }

    fn withdraw(&self, current: &RemotePost) -> Result<RemotePost, PublishError> {
        let body = json!({"posts": [{"status": "draft", "updated_at": current.modified}]});
        let answer = self.send(
            Request::new(
                Method::Put,
                self.url(&format!("/posts/{}/?include=tags", encode(&current.id))),
            )
            .json(&body),
        )?;
        self.one_post(answer)
    }

    fn vocabulary(&self) -> Result<Vocabulary, PublishError> {
        #[derive(Deserialize)]
        struct Tags {
            tags: Bounded<Named, PER_PAGE>,
            #[serde(default)]
            meta: Meta,
        }
        let mut vocabulary = Vocabulary::default();
        let mut page = 1;
        for _ in 0..MAX_PORTAL_PAGES {
            let answer: Tags = self
                .send(Request::new(
                    Method::Get,
                    self.url(&format!("/tags/?limit={PER_PAGE}&page={page}&fields=name")),
                ))?
                .ok_parse()?;
            vocabulary
                .tags
                .extend(answer.tags.0.into_iter().filter_map(|t| t.name.0));
            match answer.meta.pagination.next {
                Some(next) if next > page => page = next,
                _ => return Ok(vocabulary),
            }
        }
        vocabulary.notes.push(format!(
            "the portal's tags run past {MAX_PORTAL_PAGES} pages: the first {} were read, the \
             rest left out (MAX_PORTAL_PAGES)",
            vocabulary.tags.len()
        ));
        Ok(vocabulary)
    }

    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError> {
        #[derive(Deserialize)]
        struct Posts {
            posts: Bounded<GhostPost, PER_PAGE>,
            #[serde(default)]
            meta: Meta,
        }
        let page: u64 = cursor.and_then(|c| c.parse().ok()).unwrap_or(1);
        let answer: Posts = self
            .send(Request::new(
                Method::Get,
                self.url(&format!(
                    "/posts/?filter=status:published&limit=20&page={page}&formats=html&include=tags"
                )),
            ))?
            .ok_parse()?;
        let posts = answer.posts.0.into_iter().map(remote).collect();
        let next = answer
            .meta
            .pagination
            .next
            .filter(|next| *next > page)
            .map(|n| n.to_string());
        Ok((posts, next))
    }

    fn preview(&self, post: &Post) -> Value {
        let uploads: Vec<RemoteImage> = post
            .images
            .iter()
            .map(|i| RemoteImage {
                id: i.file_name.clone(),
                url: i.file_name.clone(),
            })
            .collect();
        json!({"POST /ghost/api/admin/posts/?source=html": {"posts": [self.post_body(post, &uploads)]}})
    }
}

/// A `multipart/form-data` body with the picture as `file` and its marker as `ref`.
fn multipart(boundary: &str, image: &PostImage) -> Vec<u8> {
    let name = header_file_name(&image.file_name);
    let mut body = Vec::with_capacity(image.bytes.len() + 512);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n\
             Content-Type: {}\r\n\r\n",
            image.media_type
        )
        .as_bytes(),
    );
    body.extend_from_slice(&image.bytes);
    body.extend_from_slice(
        format!(
            "\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"ref\"\r\n\r\n{}\r\n\
             --{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nimage\r\n\
             --{boundary}--\r\n",
            image.marker
        )
        .as_bytes(),
    );
    body
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Nowhere;
    impl Http for Nowhere {
        fn send(&self, _: &Request) -> Result<Response, PublishError> {
            Err(PublishError::Unreachable(
                "no network in this unit test".into(),
            ))
        }
    }

    fn ghost(secret: &str) -> Result<Ghost, PublishError> {
        Ghost::new(
            "http://127.0.0.1:2368".into(),
            &Credentials {
                url: String::new(),
                user: String::new(),
                secret: secret.into(),
            },
            Arc::new(Nowhere),
        )
    }

    #[test]
    fn the_token_is_an_hs256_jwt_for_the_admin_api() {
        let ghost = ghost("6489f3b2c0ffee:a1b2c3d4e5f60718293a4b5c6d7e8f90").expect("valid key");
        let token = ghost.token();
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(parts.len(), 3, "header.claims.signature");
        let decode = |p: &str| {
            let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(p)
                .expect("base64url");
            serde_json::from_slice::<Value>(&bytes).expect("JSON")
        };
        assert_eq!(decode(parts[0])["kid"], "6489f3b2c0ffee");
        assert_eq!(decode(parts[0])["alg"], "HS256");
        let claims = decode(parts[1]);
        assert_eq!(claims["aud"], "/admin/");
        assert_eq!(
            claims["exp"]
                .as_i64()
                .map(|e| e - claims["iat"].as_i64().unwrap_or(0)),
            Some(300)
        );
        let mut mac = Hmac::<Sha256>::new_from_slice(
            &decode_hex("a1b2c3d4e5f60718293a4b5c6d7e8f90").expect("hex"),
        )
        .expect("any key length");
        mac.update(format!("{}.{}", parts[0], parts[1]).as_bytes());
        let signature = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(parts[2])
            .expect("base64url");
        assert!(
            mac.verify_slice(&signature).is_ok(),
            "signed with the hex-decoded secret"
        );
    }

    #[test]
    fn a_key_without_its_secret_is_refused_in_words() {
        for bad in ["no-colon", "id:", ":abcd", "id:xyz1"] {
            let err = ghost(bad).err().expect("refused");
            assert!(err.to_string().contains("<id>:<secret>"), "{bad}: {err}");
        }
    }
}
