//! The self-contained HTML page: the article's [`Anatomy`] through the newsroom's template,
//! pictures embedded as `data:` addresses, no script.

use base64::Engine;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, Value};

use crate::{Anatomy, ExportArticle, ExportError, Templates};

/// Template loops and calls are bounded, so a template that loops for ever fails instead.
const TEMPLATE_FUEL: u64 = 2_000_000;

/// The article as one HTML page (UTF-8) made with `templates`' `article.html`.
pub fn html(article: &ExportArticle, templates: &Templates) -> Result<String, ExportError> {
    page(article, &Anatomy::of(article), templates)
}

/// [`html`] of an article whose anatomy is made already.
pub(crate) fn page(
    article: &ExportArticle,
    anatomy: &Anatomy,
    templates: &Templates,
) -> Result<String, ExportError> {
    let mut env = Environment::new();
    env.set_fuel(Some(TEMPLATE_FUEL));
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
    let loader_templates = templates.clone();
    env.set_loader(move |name| match loader_templates.read(name) {
        Ok(text) => Ok(Some(text.into_owned())),
        Err(e) => Err(minijinja::Error::new(
            minijinja::ErrorKind::InvalidOperation,
            e.to_string(),
        )),
    });
    let template = env
        .get_template("article.html")
        .map_err(|e| ExportError::template("article.html", describe(&e)))?;
    // One entry per picture, in the article's order: its data: address, or none.
    let images: Vec<Value> = article
        .pictures
        .iter()
        .map(
            |picture| match picture.file.as_ref().filter(|f| !f.display.is_empty()) {
                Some(file) => {
                    let data = base64::engine::general_purpose::STANDARD.encode(&file.display);
                    // Base64 holds only letters, digits, + / =: nothing to escape.
                    Value::from_safe_string(format!("data:image/jpeg;base64,{data}"))
                }
                None => Value::from(()),
            },
        )
        .collect();
    let credits: Vec<String> = anatomy.credits().into_iter().map(str::to_owned).collect();
    let context = minijinja::context! {
        article => Value::from(Serde(anatomy)),
        images => Value::from(images),
        credits => Value::from(credits),
        generator => concat!("Newsdesk ", env!("CARGO_PKG_VERSION")),
    };
    template
        .render(context)
        .map_err(|e| ExportError::template("article.html", describe(&e)))
}

/// A template error with its line, as minijinja reports it.
fn describe(error: &minijinja::Error) -> String {
    match (error.name(), error.line()) {
        (Some(name), Some(line)) => format!("{error} ({name}, line {line})"),
        _ => error.to_string(),
    }
}

/// Text for HTML element content and quoted attributes.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
