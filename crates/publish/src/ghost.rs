//! Ghost Admin API (`/ghost/api/admin`, a short-lived HS256 token from the Admin API key).
//!
//! - Pictures go to `/images/upload/`; Ghost keeps no texts with a picture, so the lead
//!   picture's caption (with the credit line) and alt text travel on the post
//!   (`feature_image_caption`, `feature_image_alt`), the others in the HTML's figures.
//! - Tags by name (Ghost creates them); Ghost has no sections: the section becomes the post's
//!   first tag, which Ghost calls its primary tag.
//! - Updates carry the `updated_at` Ghost last gave: a newer copy there answers 409, and
//!   nothing is overwritten (Ghost's own guard, on top of the outbox's comparison).

use std::sync::Arc;

use base64::Engine;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::adapter::{Credentials, PortalAdapter};
use crate::http::{Http, Method, Request, Response};
use crate::post::text_field;
use crate::text::{clip, encode, header_file_name};
use crate::{
    Post, PostFields, PostImage, PostStatus, PublishError, RemoteImage, RemotePost, SiteInfo,
    Vocabulary,
};

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
            PublishError::Invalid(
                "a Ghost Admin API key looks like <id>:<secret> (Ghost Admin → Settings → \
                 Integrations)"
                    .into(),
            )
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
        let mut body = json!({
            "title": post.display_title(),
            "slug": post.marker,
            "html": post.content(images),
            "custom_excerpt": clip(&post.excerpt, 300),
            "tags": tags.iter().map(|t| json!({"name": t})).collect::<Vec<_>>(),
            "feature_image": images.first().map(|i| i.url.clone()),
            "feature_image_caption": post.lead_image().map(|i| crate::post::escape(&i.caption)),
            "feature_image_alt": post.lead_image().map(|i| clip(&i.alt, 191)),
        });
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
        if answer.status == 409 {
            return Err(PublishError::Changed { remote: None });
        }
        let body = answer.ok_json()?;
        let post = body
            .pointer("/posts/0")
            .ok_or_else(|| PublishError::Protocol("the answer holds no post".into()))?;
        remote(post)
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

fn remote(post: &Value) -> Result<RemotePost, PublishError> {
    let mut tags: Vec<String> = post
        .get("tags")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let section = if tags.is_empty() {
        String::new()
    } else {
        tags.remove(0)
    };
    Ok(RemotePost {
        id: text_field(post, "/id")?,
        url: text_field(post, "/url").unwrap_or_default(),
        modified: text_field(post, "/updated_at")?,
        status: text_field(post, "/status").unwrap_or_default(),
        slug: text_field(post, "/slug").unwrap_or_default(),
        fields: PostFields {
            title: text_field(post, "/title").unwrap_or_default(),
            excerpt: post
                .get("custom_excerpt")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            content: post
                .get("html")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            tags,
            section,
        },
        published: post
            .get("published_at")
            .and_then(Value::as_str)
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map(|t| t.with_timezone(&Utc)),
    })
}

impl PortalAdapter for Ghost {
    fn check(&self) -> Result<SiteInfo, PublishError> {
        // A request only a valid key may make, then the site's name.
        self.send(Request::new(
            Method::Get,
            self.url("/posts/?limit=1&fields=id"),
        ))?
        .ok_json()?;
        let site = self
            .send(Request::new(Method::Get, self.url("/site/")))?
            .ok_json()?;
        Ok(SiteInfo {
            site: site
                .pointer("/site/title")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string(),
            user: String::new(),
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
        let answer = self.send(request)?.ok_json()?;
        let url = text_field(&answer, "/images/0/url")?;
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
        self.get_post(&format!("/posts/slug/{}/", encode(marker)))
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
        let mut fields = self.post_body(post, images);
        fields["updated_at"] = json!(current.modified);
        if let Some(fields) = fields.as_object_mut() {
            fields.remove("slug");
        }
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
        let answer = self
            .send(Request::new(
                Method::Get,
                self.url("/tags/?limit=all&fields=name"),
            ))?
            .ok_json()?;
        Ok(Vocabulary {
            tags: answer
                .get("tags")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|t| t.get("name").and_then(Value::as_str).map(str::to_owned))
                .collect(),
            sections: Vec::new(),
        })
    }

    fn published(
        &self,
        cursor: Option<&str>,
    ) -> Result<(Vec<RemotePost>, Option<String>), PublishError> {
        let page: u32 = cursor.and_then(|c| c.parse().ok()).unwrap_or(1);
        let answer = self
            .send(Request::new(
                Method::Get,
                self.url(&format!(
                    "/posts/?filter=status:published&limit=20&page={page}&formats=html&include=tags"
                )),
            ))?
            .ok_json()?;
        let posts = answer
            .get("posts")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(remote)
            .collect::<Result<Vec<_>, _>>()?;
        let next = answer
            .pointer("/meta/pagination/next")
            .and_then(Value::as_u64)
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
