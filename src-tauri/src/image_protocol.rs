//! `ndimage://localhost/<picture>/<thumb|preview|original>`: the library's pictures for
//! `<img>` in the window, read from the media folder off the main thread. `<picture>` is the
//! picture's id, or `sha256:<hash>` as an article names it. IPC would carry pictures as JSON
//! arrays; a protocol lets WebKit load, cache and decode them like any image.

use newsdesk_api::{PictureKey, Rendition};
use tauri::http::{Response, StatusCode, header};
use tauri::{Manager, Runtime, UriSchemeContext, UriSchemeResponder};

use crate::commands::Library;

/// The scheme's name; the CSP's `img-src` allows it.
pub const SCHEME: &str = "ndimage";

/// `<picture>/<size>` of a request path; `None` when it is not one.
pub fn parse(path: &str) -> Option<(PictureKey, Rendition)> {
    let mut parts = path.trim_start_matches('/').split('/');
    let first = parts.next()?;
    let key = match newsdesk_model::content_hash(first) {
        Some(hash) if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            PictureKey::Hash(hash.to_ascii_lowercase())
        }
        Some(_) => return None,
        None => PictureKey::Id(first.parse().ok()?),
    };
    let rendition = match parts.next()? {
        "thumb" => Rendition::Thumbnail,
        "preview" => Rendition::Preview,
        "original" => Rendition::Original,
        _ => return None,
    };
    parts.next().is_none().then_some((key, rendition))
}

fn content_type(path: &std::path::Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("png") => "image/png",
        Some("webp") => "image/webp",
        Some("tif") => "image/tiff",
        _ => "image/jpeg",
    }
}

fn answer(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, content_type)
        .body(body)
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

/// Answers one request for a picture.
pub fn handle<R: Runtime>(
    context: UriSchemeContext<'_, R>,
    request: tauri::http::Request<Vec<u8>>,
    responder: UriSchemeResponder,
) {
    let Some((key, rendition)) = parse(request.uri().path()) else {
        responder.respond(answer(
            StatusCode::BAD_REQUEST,
            "text/plain",
            b"not a picture address".to_vec(),
        ));
        return;
    };
    let library = context.app_handle().state::<Library>();
    let Some(app) = library.app() else {
        responder.respond(answer(
            StatusCode::SERVICE_UNAVAILABLE,
            "text/plain",
            b"no library".to_vec(),
        ));
        return;
    };
    tauri::async_runtime::spawn_blocking(move || {
        let found = app
            .picture_file(&key, rendition)
            .map_err(|e| e.to_string())
            .and_then(|path| {
                std::fs::read(&path)
                    .map(|bytes| (content_type(&path), bytes))
                    .map_err(|e| e.to_string())
            });
        responder.respond(match found {
            Ok((kind, bytes)) => answer(StatusCode::OK, kind, bytes),
            Err(message) => answer(StatusCode::NOT_FOUND, "text/plain", message.into_bytes()),
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_name_a_picture_and_a_size_and_nothing_else() {
        assert_eq!(
            parse("/12/thumb"),
            Some((PictureKey::Id(12), Rendition::Thumbnail))
        );
        let hash = "AB".repeat(32);
        assert_eq!(
            parse(&format!("/sha256:{hash}/preview")),
            Some((PictureKey::Hash("ab".repeat(32)), Rendition::Preview))
        );
        for bad in [
            "/12",
            "/x/thumb",
            "/12/huge",
            "/12/thumb/../../etc",
            "/../1/thumb",
            "/sha256:abc/thumb",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
