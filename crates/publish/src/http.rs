//! HTTP behind a small interface: adapters build [`Request`]s and read [`Response`]s; the real
//! client is [`UreqHttp`] (blocking, rustls). Tests put faults between it and a real server
//! (a TCP proxy), not in place of it.
//!
//! Every answer is read up to [`MAX_PORTAL_ANSWER_BYTES`] and parsed into typed values
//! ([`Response::parse`]); a redirect is followed only within the portal's own address (scheme,
//! host and port), up to [`MAX_PORTAL_REDIRECTS`] times: the request carries the login, and a
//! portal that moved is named to the editor instead ([`PublishError::Redirected`]).

use std::io::Read;
use std::time::Duration;

use newsdesk_model::limits::{MAX_PORTAL_ANSWER_BYTES, MAX_PORTAL_REDIRECTS, human_bytes};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::PublishError;
use crate::answer::{First, Text, clip, describe_body, read};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        }
    }
}

/// One request to a portal.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub fn new(method: Method, url: impl Into<String>) -> Request {
        Request {
            method,
            url: url.into(),
            headers: vec![("Accept".into(), "application/json".into())],
            body: Vec::new(),
        }
    }

    pub fn header(mut self, name: &str, value: impl Into<String>) -> Request {
        self.headers.push((name.to_string(), value.into()));
        self
    }

    pub fn json(mut self, body: &Value) -> Request {
        self.body = body.to_string().into_bytes();
        self.header("Content-Type", "application/json; charset=utf-8")
    }

    pub fn bytes(mut self, content_type: &str, body: Vec<u8>) -> Request {
        self.body = body;
        self.header("Content-Type", content_type.to_string())
    }
}

/// A portal's answer, whatever its status.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The address that answered: the request's, or where a redirect within the portal led.
    pub url: String,
}

impl Response {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The JSON body as `T` (the fields an adapter uses; the rest is skipped, not kept).
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, PublishError> {
        read(&self.body)
    }

    /// The JSON body of a successful answer as `T`; any other status becomes its
    /// [`PublishError`].
    pub fn ok_parse<T: DeserializeOwned>(self) -> Result<T, PublishError> {
        if self.is_success() {
            self.parse()
        } else {
            Err(self.error())
        }
    }

    /// A successful answer (its body unread); any other status becomes its [`PublishError`].
    pub fn ok(self) -> Result<Response, PublishError> {
        if self.is_success() {
            Ok(self)
        } else {
            Err(self.error())
        }
    }

    /// What a failed answer means, with the portal's own message where it gave one.
    pub fn error(&self) -> PublishError {
        let message = self.message();
        match self.status {
            401 | 403 => PublishError::Unauthorized {
                status: self.status,
                message,
            },
            408 | 500..=599 => PublishError::Server {
                status: self.status,
                message,
            },
            429 => PublishError::RateLimited {
                retry_after: self
                    .header("Retry-After")
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs),
            },
            _ => PublishError::Rejected {
                status: self.status,
                message,
            },
        }
    }

    /// The portal's own words for a failure: `message` (WordPress), `errors[0].message`
    /// (Ghost), `error` (ninjs), else the start of the body.
    fn message(&self) -> String {
        #[derive(Deserialize)]
        struct Failure {
            #[serde(default)]
            message: Text,
            #[serde(default)]
            errors: First<GhostError>,
            #[serde(default)]
            error: Text,
        }
        #[derive(Deserialize)]
        struct GhostError {
            #[serde(default)]
            message: Text,
        }
        if let Ok(failure) = read::<Failure>(&self.body) {
            let text = failure
                .message
                .0
                .or_else(|| failure.errors.0.and_then(|e| e.message.0))
                .or(failure.error.0);
            if let Some(text) = text {
                return clip(&text, 300);
            }
        }
        describe_body(&self.body)
    }
}

/// What sends requests. `Send + Sync`: the outbox shares one between jobs.
pub trait Http: Send + Sync {
    fn send(&self, request: &Request) -> Result<Response, PublishError>;
}

/// The real client: ureq over rustls (certificates checked against the system's store).
pub struct UreqHttp {
    agent: ureq::Agent,
    timeout: Duration,
}

impl UreqHttp {
    /// A client whose every request is given up after `timeout` (connecting included).
    pub fn new(timeout: Duration) -> UreqHttp {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(timeout))
            .timeout_connect(Some(timeout.min(Duration::from_secs(10))))
            .http_status_as_error(false)
            // Redirects are followed by `send`, within the portal's address only.
            .max_redirects(0)
            .user_agent(concat!("Newsdesk/", env!("CARGO_PKG_VERSION")))
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                    .build(),
            )
            .build();
        UreqHttp {
            agent: config.into(),
            timeout,
        }
    }

    /// One request, no redirect followed.
    fn send_once(&self, request: &Request, url: &str) -> Result<Response, PublishError> {
        let mut builder = ureq::http::Request::builder()
            .method(request.method.as_str())
            .uri(url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = builder.body(request.body.clone()).map_err(|e| {
            PublishError::Invalid(newsdesk_model::text!(
                "the portal's address is not usable: {e}",
                "Die Adresse des Portals ist nicht verwendbar: {e}"
            ))
        })?;
        let mut answer = self
            .agent
            .run(built)
            .map_err(|e| transport_error(e, self.timeout))?;
        let status = answer.status().as_u16();
        let headers = answer
            .headers()
            .iter()
            .map(|(n, v)| {
                (
                    n.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let body = answer.body_mut();
        let announced = body.content_length();
        if let Some(length) = announced.filter(|l| *l > MAX_PORTAL_ANSWER_BYTES) {
            return Err(too_large(Some(length)));
        }
        // Room for what the answer announces (compressed, it may grow: read on up to the cap).
        let capacity = announced.unwrap_or(0).min(MAX_PORTAL_ANSWER_BYTES) as usize;
        let mut bytes = Vec::with_capacity(capacity);
        body.with_config()
            .limit(MAX_PORTAL_ANSWER_BYTES)
            .reader()
            .read_to_end(&mut bytes)
            .map_err(|e| transport_error(ureq::Error::from(e), self.timeout))?;
        Ok(Response {
            status,
            headers,
            body: bytes,
            url: url.to_string(),
        })
    }
}

impl Http for UreqHttp {
    fn send(&self, request: &Request) -> Result<Response, PublishError> {
        let mut url = request.url.clone();
        let mut request = request.clone();
        for _ in 0..=MAX_PORTAL_REDIRECTS {
            let answer = self.send_once(&request, &url)?;
            let Some(location) = redirect_location(&answer) else {
                return Ok(answer);
            };
            let target = resolve(&url, location);
            let keeps_method = matches!(answer.status, 307 | 308);
            if !same_origin(&url, &target) || !(keeps_method || request.method == Method::Get) {
                return Err(PublishError::Redirected {
                    status: answer.status,
                    to: clip(&target, 200),
                });
            }
            if !keeps_method {
                request.body.clear();
            }
            url = target;
        }
        Err(PublishError::Protocol(format!(
            "the portal redirected more than {MAX_PORTAL_REDIRECTS} times within its own \
             address (MAX_PORTAL_REDIRECTS), last to {}",
            clip(&url, 200)
        )))
    }
}

/// The `Location` of a redirect (301, 302, 303, 307, 308); `None` for any other answer.
fn redirect_location(answer: &Response) -> Option<&str> {
    matches!(answer.status, 301 | 302 | 303 | 307 | 308)
        .then(|| answer.header("Location"))
        .flatten()
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// `location` as an absolute address, read against the request's address `base`.
fn resolve(base: &str, location: &str) -> String {
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return location.to_string();
    }
    let (scheme, rest) = base.split_once("://").unwrap_or(("http", base));
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if let Some(other) = location.strip_prefix("//") {
        return format!("{scheme}://{other}");
    }
    if location.starts_with('/') {
        return format!("{scheme}://{authority}{location}");
    }
    // Relative to the request's folder.
    let path = rest[authority.len()..]
        .split(['?', '#'])
        .next()
        .unwrap_or_default();
    let folder = path.rsplit_once('/').map(|(f, _)| f).unwrap_or_default();
    format!("{scheme}://{authority}{folder}/{location}")
}

/// Whether `a` and `b` have the same scheme, host and port (80 and 443 where none is said).
fn same_origin(a: &str, b: &str) -> bool {
    fn origin(url: &str) -> Option<(String, String, u16)> {
        let uri: ureq::http::Uri = url.parse().ok()?;
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let default = match scheme.as_str() {
            "http" => 80,
            "https" => 443,
            _ => return None,
        };
        let host = uri.host()?.to_ascii_lowercase();
        Some((scheme, host, uri.port_u16().unwrap_or(default)))
    }
    match (origin(a), origin(b)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// Where `url` is: its scheme, host and port (`https://portal.example:8443`), without a path
/// or anything written before an `@`.
pub(crate) fn origin_of(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
            let host = authority.rsplit('@').next().unwrap_or(authority);
            format!("{scheme}://{host}")
        }
        None => url.to_string(),
    }
}

fn too_large(length: Option<u64>) -> PublishError {
    let size = length
        .map(|l| format!(" ({})", human_bytes(l)))
        .unwrap_or_default();
    PublishError::TooLarge(format!(
        "the answer{size} is larger than {} (MAX_PORTAL_ANSWER_BYTES)",
        human_bytes(MAX_PORTAL_ANSWER_BYTES)
    ))
}

/// A failure below HTTP, in the outbox's terms.
fn transport_error(err: ureq::Error, timeout: Duration) -> PublishError {
    match err {
        ureq::Error::Timeout(_) => PublishError::Timeout(timeout),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            PublishError::Timeout(timeout)
        }
        ureq::Error::Io(e) => PublishError::Unreachable(e.to_string()),
        ureq::Error::HostNotFound => {
            PublishError::Unreachable("its address cannot be resolved".into())
        }
        ureq::Error::ConnectionFailed => PublishError::Unreachable("the connection failed".into()),
        ureq::Error::Tls(reason) => PublishError::Tls(reason.to_string()),
        ureq::Error::Rustls(e) => PublishError::Tls(e.to_string()),
        ureq::Error::BadUri(uri) => PublishError::Invalid(newsdesk_model::text!(
            "the portal's address is not usable: {uri}",
            "Die Adresse des Portals ist nicht verwendbar: {uri}"
        )),
        ureq::Error::BodyExceedsLimit(_) => too_large(None),
        other => PublishError::Unreachable(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(status: u16, body: &str) -> Response {
        Response {
            status,
            headers: vec![("Retry-After".into(), "7".into())],
            body: body.as_bytes().to_vec(),
            url: "https://portal.example/wp-json/wp/v2/posts".into(),
        }
    }

    #[test]
    fn a_portals_own_message_is_kept_and_the_status_decides_the_retry() {
        let wordpress = answer(
            400,
            r#"{"code":"rest_invalid_param","message":"Ungültiger Parameter: tags"}"#,
        );
        assert!(
            matches!(&wordpress.error(), PublishError::Rejected { status: 400, message } if message == "Ungültiger Parameter: tags"),
            "WordPress's message: {:?}",
            wordpress.error()
        );
        let ghost = answer(
            409,
            r#"{"errors":[{"message":"Saving failed! Someone else is editing this post.","type":"UpdateCollisionError"}]}"#,
        );
        assert!(ghost.error().to_string().contains("Someone else"));
        assert_eq!(answer(503, "").error().retry(), crate::Retry::Server);
        assert_eq!(answer(408, "").error().retry(), crate::Retry::Server);
        assert_eq!(answer(401, "").error().retry(), crate::Retry::Never);
        assert_eq!(answer(404, "").error().retry(), crate::Retry::Never);
        assert_eq!(
            answer(429, "").error().retry_after(),
            Some(Duration::from_secs(7)),
            "Retry-After is honoured"
        );
    }

    #[test]
    fn an_html_page_instead_of_json_is_said_briefly() {
        let page = answer(200, "<html><body>Hotel Wi-Fi: please log in</body></html>");
        let err = page
            .ok_parse::<serde::de::IgnoredAny>()
            .expect_err("HTML is not JSON");
        assert!(
            err.to_string().contains("Hotel Wi-Fi"),
            "the start of what came: {err}"
        );
        assert_eq!(err.retry(), crate::Retry::Server, "a captive portal passes");
    }

    #[test]
    fn a_redirect_is_read_against_the_address_that_answered() {
        let base = "https://portal.example:8443/api/newsdesk/items?limit=1";
        assert_eq!(resolve(base, "/login"), "https://portal.example:8443/login");
        assert_eq!(
            resolve(base, "items2?x=1"),
            "https://portal.example:8443/api/newsdesk/items2?x=1"
        );
        assert_eq!(
            resolve(base, "//other.example/x"),
            "https://other.example/x"
        );
        assert_eq!(resolve(base, "HTTP://Other/x"), "HTTP://Other/x");
    }

    #[test]
    fn only_the_same_scheme_host_and_port_is_the_portals_own_address() {
        let portal = "https://portal.example/wp-json/wp/v2/posts";
        for same in [
            "https://portal.example/other",
            "https://PORTAL.example:443/x",
            "https://portal.example/?rest_route=/",
        ] {
            assert!(same_origin(portal, same), "{same} is the portal");
        }
        for other in [
            "http://portal.example/x",
            "https://portal.example:8443/x",
            "https://evil.example/x",
            "https://portal.example.evil.example/x",
            "https://portal.example@evil.example/x",
            "ftp://portal.example/x",
            "not an address",
        ] {
            assert!(!same_origin(portal, other), "{other} is elsewhere");
        }
        assert!(same_origin("http://127.0.0.1:80/a", "http://127.0.0.1/b"));
        assert!(!same_origin(
            "http://127.0.0.1:8080/a",
            "http://localhost:8080/b"
        ));
        assert_eq!(
            origin_of("https://ba:pw@portal.example:8443/wp-json/x?y"),
            "https://portal.example:8443"
        );
    }
}
