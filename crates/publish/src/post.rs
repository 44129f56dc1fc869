//! The article as every adapter sends it ([`Post`]), and a post as a portal answers
//! ([`RemotePost`]).

use chrono::{DateTime, NaiveDate, Utc};
use newsdesk_anatomy::{Anatomy, ExportArticle};
use newsdesk_model::credit_label;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use newsdesk_model::CREDIT_LABEL;

/// What the post should be on the portal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostStatus {
    /// Public now.
    Publish,
    /// Public at that time (the portal holds it until then).
    Future(DateTime<Utc>),
    /// On the portal, not public (a withdrawn article).
    Draft,
}

/// One picture of the post: the file with its credits embedded, and its texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostImage {
    /// SHA-256 (hex) of `bytes`: the same file is never uploaded twice.
    pub digest: String,
    pub file_name: String,
    pub media_type: String,
    pub bytes: Vec<u8>,
    /// The caption with the credit line ("… (Bildquelle: Thüringer Staatskanzlei)"): portals
    /// have no credit field of their own, so the caption carries it.
    pub caption: String,
    pub credit: String,
    pub alt: String,
    /// The slug the picture gets on the portal, to find it again after a lost answer.
    pub marker: String,
}

/// A picture the portal holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteImage {
    pub id: String,
    pub url: String,
}

/// The fields an editor recognises, as sent or as the portal has them: what a conflict shows
/// side by side, and what a pull brings into the library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PostFields {
    /// As the portal shows it: "Kicker: Title".
    pub title: String,
    pub excerpt: String,
    /// HTML.
    pub content: String,
    pub tags: Vec<String>,
    pub section: String,
}

/// A post as the portal has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePost {
    pub id: String,
    /// Its public address.
    pub url: String,
    /// The portal's version stamp: WordPress `modified_gmt`, Ghost `updated_at`, ninjs ETag.
    pub modified: String,
    /// The portal's own word for its state (publish, future, draft, trash, published, …).
    pub status: String,
    pub slug: String,
    pub fields: PostFields,
    /// Kicker and title apart, where the portal keeps them apart (ninjs: subheadline and
    /// headline); `None` where it holds only the shown title (WordPress, Ghost).
    pub title_parts: Option<TitleParts>,
    /// When it was (or will be) published, as the portal says.
    pub published: Option<DateTime<Utc>>,
}

/// A title's two parts, as an article holds them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TitleParts {
    pub kicker: String,
    pub title: String,
}

impl RemotePost {
    /// The post's kicker and title: as the portal keeps them where it does; else split from the
    /// shown title, at `known_kicker` (the library's, however long) where the title starts with
    /// it, otherwise by [`split_display_title`].
    pub fn kicker_and_title(&self, known_kicker: &str) -> TitleParts {
        if let Some(parts) = &self.title_parts {
            return TitleParts {
                kicker: parts.kicker.trim().to_string(),
                title: parts.title.trim().to_string(),
            };
        }
        let shown = self.fields.title.trim();
        let known = known_kicker.trim();
        if !known.is_empty()
            && let Some(title) = shown
                .strip_prefix(known)
                .and_then(|rest| rest.strip_prefix(": "))
                .filter(|title| !title.trim().is_empty())
        {
            return TitleParts {
                kicker: known.to_string(),
                title: title.trim().to_string(),
            };
        }
        let (kicker, title) = split_display_title(shown);
        TitleParts { kicker, title }
    }
}

/// The portal's tags and sections, for the library's vocabulary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    pub tags: Vec<String>,
    pub sections: Vec<String>,
    /// What was left out, in words (a limit reached).
    pub notes: Vec<String>,
}

/// Who answered a `portal test`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteInfo {
    pub site: String,
    pub user: String,
    /// Where the login was proven: scheme, host and port of the answer.
    pub address: String,
}

/// The article as a portal receives it.
#[derive(Debug, Clone)]
pub struct Post {
    /// Newsdesk's own mark of the post (also the ninjs uri's last part): unique per article,
    /// kept where readers never see it (WordPress: a comment in the content; ninjs: `altids`).
    pub marker: String,
    /// The post's address part as the newsroom chose it; empty: the portal makes one from the
    /// title.
    pub slug: String,
    /// The meta description (where the portal has a field for it).
    pub description: String,
    /// The corrections' notices, newest first, as readers see them ("Korrektur am 14.12.2018:
    /// …").
    pub corrections: Vec<String>,
    /// Which of [`Post::images`] a shared link shows (the editor's choice); `None`: the lead.
    pub social_image: Option<usize>,
    pub kicker: String,
    pub title: String,
    pub excerpt: String,
    /// The body as sanitised HTML.
    pub body_html: String,
    /// Links and attachments under the body, as HTML.
    pub links_html: String,
    pub author: String,
    pub tags: Vec<String>,
    pub section: String,
    pub date: Option<NaiveDate>,
    pub status: PostStatus,
    /// The first is the lead picture (featured image).
    pub images: Vec<PostImage>,
    /// The article as IPTC ninjs 2.1 (for the ninjs endpoint), uri = [`Post::uri`].
    pub ninjs: Value,
}

impl Post {
    /// The article as a post. Pictures need their files (gathered with originals); one that
    /// has none (not in the image library) is left out.
    pub fn from_article(article: &ExportArticle, marker: &str, status: PostStatus) -> Post {
        let anatomy = Anatomy::of(article);
        // The picture for shared links: the one the editor chose among the article's own.
        let chosen = article.content.social_image.trim();
        let social_index = (!chosen.is_empty())
            .then(|| article.content.images.iter().position(|i| i.file == chosen))
            .flatten();
        let mut social_image = None;
        let mut images: Vec<PostImage> = Vec::with_capacity(anatomy.figures.len());
        for figure in &anatomy.figures {
            let Some(image) = post_image(article, figure) else {
                continue;
            };
            if Some(figure.index) == social_index {
                social_image = Some(images.len());
            }
            images.push(image);
        }
        let mut ninjs = newsdesk_anatomy::ninjs(article);
        ninjs["uri"] = Value::String(uri_of(marker));
        // The marker where readers never see it: among the item's other ids.
        if let Some(ids) = ninjs["altids"].as_array_mut() {
            ids.push(serde_json::json!({"role": "newsdesk-marker", "value": marker}));
        }
        let corrections = article
            .content
            .corrections
            .iter()
            .map(|c| newsdesk_anatomy::correction_notice(&anatomy.language, c))
            .collect();
        Post {
            marker: marker.to_string(),
            slug: newsdesk_model::slug(&article.content.slug, newsdesk_model::MAX_SLUG_LEN),
            description: article.content.description.trim().to_string(),
            corrections,
            social_image,
            kicker: anatomy.kicker.clone(),
            title: anatomy.title.clone(),
            excerpt: anatomy.teaser.clone(),
            body_html: anatomy.body_html.clone(),
            links_html: links_html(&anatomy),
            author: anatomy.author.clone(),
            tags: anatomy.tags.clone(),
            section: anatomy.section.clone(),
            date: article.content.date,
            status,
            images,
            ninjs,
        }
    }

    /// The title as the portal shows it: "Thüringen: Zweites Digitalisierungskabinett".
    pub fn display_title(&self) -> String {
        display_title(&self.kicker, &self.title)
    }

    /// The ninjs uri of the post: `urn:newsdesk:<marker>`.
    pub fn uri(&self) -> String {
        uri_of(&self.marker)
    }

    /// The post's HTML: the body, the corrections' notices (newest first), every picture
    /// after the lead one as a figure with its caption and credit (`uploaded` in the order of [`Post::images`]), the author's
    /// initials, the links.
    pub fn content(&self, uploaded: &[RemoteImage]) -> String {
        let mut html = self.body_html.trim_end().to_string();
        for notice in &self.corrections {
            html.push_str(&format!(
                "\n<p class=\"newsdesk-correction\">{}</p>",
                escape(notice)
            ));
        }
        for (image, remote) in self.images.iter().zip(uploaded).skip(1) {
            html.push_str(&format!(
                "\n<figure class=\"newsdesk-figure\"><img src=\"{}\" alt=\"{}\"/>\
                 <figcaption>{}</figcaption></figure>",
                escape(&remote.url),
                escape(&image.alt),
                escape(&image.caption)
            ));
        }
        if !self.author.is_empty() {
            html.push_str(&format!(
                "\n<p class=\"newsdesk-author\">({})</p>",
                escape(&self.author)
            ));
        }
        html.push_str(&self.links_html);
        html
    }

    /// The fields as this post sends them (the base of a later three-way comparison).
    pub fn fields(&self, uploaded: &[RemoteImage]) -> PostFields {
        PostFields {
            title: self.display_title(),
            excerpt: self.excerpt.clone(),
            content: self.content(uploaded),
            tags: self.tags.clone(),
            section: self.section.clone(),
        }
    }

    /// The lead picture's texts and file, if the post has one.
    pub fn lead_image(&self) -> Option<&PostImage> {
        self.images.first()
    }
}

/// The picture of `figure` as a post sends it: its file with the credits embedded and its
/// texts; `None` when the library has no file for it.
fn post_image(article: &ExportArticle, figure: &newsdesk_anatomy::Figure) -> Option<PostImage> {
    let file = article.pictures.get(figure.index)?.file.as_ref()?;
    let bytes = file.original.clone()?;
    let digest = hex(&Sha256::digest(&bytes));
    Some(PostImage {
        marker: format!("nd-{}", &digest[..16]),
        digest,
        file_name: file.name.clone(),
        media_type: file.media_type.clone(),
        bytes,
        caption: caption_with_credit(&figure.caption, &figure.credit),
        credit: figure.credit.clone(),
        alt: figure.alt.clone(),
    })
}

/// "Kicker: Title", or the title alone.
pub fn display_title(kicker: &str, title: &str) -> String {
    if kicker.trim().is_empty() {
        title.trim().to_string()
    } else {
        format!("{}: {}", kicker.trim(), title.trim())
    }
}

/// A portal title split back into kicker and title ("Thüringen: Zweites …").
pub fn split_display_title(shown: &str) -> (String, String) {
    match shown.split_once(": ") {
        Some((kicker, title)) if !title.trim().is_empty() && kicker.chars().count() <= 60 => {
            (kicker.trim().to_string(), title.trim().to_string())
        }
        _ => (String::new(), shown.trim().to_string()),
    }
}

fn uri_of(marker: &str) -> String {
    format!("urn:newsdesk:{marker}")
}

/// The caption as portals get it: "… (Bildquelle: Thüringer Staatskanzlei)".
pub fn caption_with_credit(caption: &str, credit: &str) -> String {
    match (caption.trim(), credit.trim()) {
        ("", "") => String::new(),
        (caption, "") => caption.to_string(),
        ("", credit) => credit_label(credit),
        (caption, credit) => format!("{caption} ({})", credit_label(credit)),
    }
}

fn links_html(anatomy: &Anatomy) -> String {
    if anatomy.links.is_empty() {
        return String::new();
    }
    let mut html = String::from("\n<ul class=\"newsdesk-links\">");
    for link in &anatomy.links {
        let title = escape(&link.title);
        let note = if link.kind == "document" {
            " (Deep Link)"
        } else {
            ""
        };
        if link.url.is_empty() {
            html.push_str(&format!("<li>{title}{note}</li>"));
        } else {
            html.push_str(&format!(
                "<li><a href=\"{}\">{title}</a>{note}</li>",
                escape(&link.url)
            ));
        }
    }
    html.push_str("</ul>");
    html
}

pub(crate) use newsdesk_markdown::escape_html as escape;

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A slug for a new post: the title in ASCII ("ä" → "ae", "ß" → "ss"), at most 60
/// characters, then `-nd` and the article's own token, so that it is unique on the portal and
/// Newsdesk can find the post by it.
pub fn marker_for(kicker: &str, title: &str, token: &str) -> String {
    let mut marker = newsdesk_model::slug(&display_title(kicker, title), 60);
    if !marker.is_empty() {
        marker.push('-');
    }
    marker.push_str("nd");
    marker.push_str(token);
    marker
}

/// A new random token for [`marker_for`] (10 hex digits).
pub fn new_token() -> String {
    format!("{:010x}", fastrand::u64(..) & 0xff_ffff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_the_title_in_ascii_with_the_token() {
        assert_eq!(
            marker_for(
                "Thüringen",
                "Zweites Digitalisierungskabinett",
                "0a1b2c3d4e"
            ),
            "thueringen-zweites-digitalisierungskabinett-nd0a1b2c3d4e"
        );
        assert_eq!(
            marker_for("", "Straße „frei“ – 100 % Größe!", "ff"),
            "strasse-frei-100-groesse-ndff"
        );
        let long = marker_for("", &"Verwaltungsdigitalisierung ".repeat(8), "1");
        assert!(long.len() <= 64, "a long title is cut at a word: {long}");
        assert!(long.ends_with("-nd1"));
        assert_eq!(
            marker_for("", "???", "7"),
            "nd7",
            "nothing usable: the token alone"
        );
    }

    #[test]
    fn the_portal_title_is_kicker_and_title_and_splits_back() {
        let shown = display_title("Thüringen", "Zweites Digitalisierungskabinett");
        assert_eq!(shown, "Thüringen: Zweites Digitalisierungskabinett");
        assert_eq!(
            split_display_title(&shown),
            (
                "Thüringen".into(),
                "Zweites Digitalisierungskabinett".into()
            )
        );
        assert_eq!(
            split_display_title("Ohne Dachzeile"),
            (String::new(), "Ohne Dachzeile".into())
        );
    }

    #[test]
    fn the_caption_carries_the_credit() {
        assert_eq!(
            caption_with_credit("Hartmut Schubert", "Thüringer Staatskanzlei"),
            "Hartmut Schubert (Bildquelle: Thüringer Staatskanzlei)"
        );
        assert_eq!(caption_with_credit("", "dpa"), "Bildquelle: dpa");
    }

    #[test]
    fn a_kicker_comes_back_whole_however_long() {
        let kicker = format!("{} – Anhörung: Teil 2", "Landtag ".repeat(30).trim());
        let post = |title_parts: Option<TitleParts>| RemotePost {
            id: "1".into(),
            url: String::new(),
            modified: "v1".into(),
            status: "publish".into(),
            slug: String::new(),
            fields: PostFields {
                title: display_title(&kicker, "Der Titel"),
                ..PostFields::default()
            },
            title_parts,
            published: None,
        };
        let apart = TitleParts {
            kicker: kicker.clone(),
            title: "Der Titel".into(),
        };
        assert_eq!(
            post(Some(apart.clone())).kicker_and_title(""),
            apart,
            "kept apart where the portal keeps them apart (ninjs)"
        );
        assert_eq!(
            post(None).kicker_and_title(&kicker),
            apart,
            "split at the library's kicker, long and with a colon of its own"
        );
        assert_eq!(
            post(None).kicker_and_title("Ein anderer"),
            TitleParts {
                kicker: String::new(),
                title: display_title(&kicker, "Der Titel"),
            },
            "a kicker not known and past the convention's length stays in the title"
        );
    }
}
