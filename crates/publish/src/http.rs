//! HTTP behind a small interface: adapters build [`Request`]s and read [`Response`]s; the real
//! client is [`UreqHttp`] (blocking, rustls). Tests put faults between it and a real server
//! (a TCP proxy), not in place of it.

use std::time::Duration;

use serde_json::Value;

use crate::PublishError;

/// The largest answer read from a portal (a page of posts with their HTML).
const MAX_ANSWER: u64 = 64 * 1024 * 1024;

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

    /// The body as JSON.
    pub fn json(&self) -> Result<Value, PublishError> {
        serde_json::from_slice(&self.body).map_err(|e| {
            PublishError::Protocol(format!(
                "expected JSON, got {} ({e})",
                describe_body(&self.body)
            ))
        })
    }

    /// The JSON body of a successful answer; any other status becomes its [`PublishError`].
    pub fn ok_json(self) -> Result<Value, PublishError> {
        if self.is_success() {
            self.json()
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
        if let Ok(json) = serde_json::from_slice::<Value>(&self.body) {
            let text = json
                .get("message")
                .or_else(|| json.pointer("/errors/0/message"))
                .or_else(|| json.get("error"))
                .and_then(Value::as_str);
            if let Some(text) = text {
                return clip(text, 300);
            }
        }
        describe_body(&self.body)
    }
}

fn describe_body(body: &[u8]) -> String {
    if body.is_empty() {
        return "an empty answer".into();
    }
    let text = String::from_utf8_lossy(body);
    format!("“{}”", clip(text.trim(), 120))
}

fn clip(text: &str, max: usize) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(max).collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
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
}

impl Http for UreqHttp {
    fn send(&self, request: &Request) -> Result<Response, PublishError> {
        let mut builder = ureq::http::Request::builder()
            .method(request.method.as_str())
            .uri(&request.url);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let built = builder.body(request.body.clone()).map_err(|e| {
            PublishError::Invalid(format!("the portal's address is not usable: {e}"))
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
        let body = answer
            .body_mut()
            .with_config()
            .limit(MAX_ANSWER)
            .read_to_vec()
            .map_err(|e| transport_error(e, self.timeout))?;
        Ok(Response {
            status,
            headers,
            body,
        })
    }
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
        ureq::Error::BadUri(uri) => {
            PublishError::Invalid(format!("the portal's address is not usable: {uri}"))
        }
        ureq::Error::BodyExceedsLimit(limit) => PublishError::Protocol(format!(
            "the answer is larger than {} MiB",
            limit / (1024 * 1024)
        )),
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
        let err = page.ok_json().expect_err("HTML is not JSON");
        assert!(
            err.to_string().contains("Hotel Wi-Fi"),
            "the start of what came: {err}"
        );
        assert_eq!(err.retry(), crate::Retry::Server, "a captive portal passes");
    }
}
