//! Rendering the HTML page of a [`PageJob`] with the newsroom's `article.html` (minijinja),
//! bounded in steps and size. Runs in the template process where there is one
//! ([`crate::sandbox`]).

use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value};
use newsdesk_markdown::escape_html;
use newsdesk_model::limits::{MAX_EXPORT_BYTES, MAX_TEMPLATE_FUEL, human_bytes};

use crate::jobs::PageJob;
use crate::{ExportError, Templates};

/// Renders the page of `job` with the newsroom's `article.html` (in the template child, or
/// in-process where there is none). Its loops and calls are bounded by [`MAX_TEMPLATE_FUEL`],
/// its output by [`MAX_EXPORT_BYTES`].
pub(crate) fn render_page(job: &PageJob) -> Result<String, ExportError> {
    let templates = job
        .folder
        .clone()
        .map_or_else(Templates::builtin, Templates::from_folder);
    let mut env = Environment::new();
    env.set_fuel(Some(MAX_TEMPLATE_FUEL));
    // Text is escaped for HTML as the page needs (& < > " '): addresses keep their slashes.
    env.set_formatter(|out, state, value| {
        if matches!(state.auto_escape(), AutoEscape::Html)
            && !value.is_safe()
            && let Some(text) = value.as_str()
        {
            return out.write_str(&escape_html(text)).map_err(|e| {
                minijinja::Error::new(minijinja::ErrorKind::WriteFailure, e.to_string())
            });
        }
        minijinja::escape_formatter(out, state, value)
    });
    env.set_loader(move |name| match templates.read(name) {
        Ok(text) => Ok(Some(text.into_owned())),
        Err(e) => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            match e {
                ExportError::Template { message, .. } => message,
                other => other.to_string(),
            },
        )),
    });
    let template = env
        .get_template("article.html")
        .map_err(|e| ExportError::template("article.html", describe(&e)))?;
    let images: Vec<Value> = job
        .images
        .iter()
        .map(|image| match image {
            // Base64 holds only letters, digits, + / =: nothing to escape.
            Some(data) => Value::from_safe_string(data.clone()),
            None => Value::from(()),
        })
        .collect();
    let context = minijinja::context! {
        article => Value::from(Serde(&job.article)),
        images => Value::from(images),
        credits => Value::from(job.credits.clone()),
        credits_label => if job.credits.is_empty() {
            String::new()
        } else {
            newsdesk_model::credit_label(&job.credits.join(", "))
        },
        generator => concat!("Newsdesk ", env!("CARGO_PKG_VERSION")),
    };
    let mut out = Capped::default();
    match template.render_captured_to(context, &mut out) {
        Ok(_) => String::from_utf8(out.bytes)
            .map_err(|_| ExportError::template("article.html", "the page is not UTF-8")),
        Err(_) if out.full => Err(ExportError::template(
            "article.html",
            format!(
                "it made more than {}, the limit for an exported file (MAX_EXPORT_BYTES)",
                human_bytes(MAX_EXPORT_BYTES)
            ),
        )),
        Err(e) => Err(ExportError::template("article.html", describe(&e))),
    }
}

/// The page as it is written, refused past [`MAX_EXPORT_BYTES`].
#[derive(Default)]
struct Capped {
    bytes: Vec<u8>,
    full: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if (self.bytes.len() + buf.len()) as u64 > MAX_EXPORT_BYTES {
            self.full = true;
            return Err(std::io::Error::other("the page is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template error with its line, as minijinja reports it.
fn describe(error: &minijinja::Error) -> String {
    let what = match error.detail() {
        _ if error.kind() == minijinja::ErrorKind::OutOfFuel => format!(
            "it took more than {MAX_TEMPLATE_FUEL} steps (loop turns, calls, output; \
             MAX_TEMPLATE_FUEL) and was stopped"
        ),
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.kind().to_string(),
    };
    match (error.name(), error.line()) {
        (Some(name), Some(line)) => format!("{what} ({name}, line {line})"),
        _ => error.to_string(),
    }
}
