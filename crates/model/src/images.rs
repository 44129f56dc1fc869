//! The image library: pictures with their credits, as the store keeps them and the CLI and the
//! UI show them. `--json` field names of `newsdesk image …` are these names.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a picture's file says about itself: credits and descriptions from IPTC IIM, XMP and
/// EXIF, reconciled by the Metadata Working Group's rules. `None` (JSON `null`) where the
/// file says nothing; the same fields are written back into exported files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImageMetadata {
    /// Photographer: IIM 2:80 By-line, XMP dc:creator, EXIF Artist.
    pub creator: Option<String>,
    /// Credit line as the provider wants it: IIM 2:110 Credit, XMP photoshop:Credit.
    pub credit: Option<String>,
    /// IIM 2:116 Copyright Notice, XMP dc:rights, EXIF Copyright.
    pub copyright: Option<String>,
    /// Original owner or agency: IIM 2:115 Source, XMP photoshop:Source.
    pub source: Option<String>,
    /// IIM 2:120 Caption/Abstract, XMP dc:description, EXIF ImageDescription.
    pub caption: Option<String>,
    /// IIM 2:105 Headline, XMP photoshop:Headline.
    pub headline: Option<String>,
    /// IIM 2:25 Keywords, XMP dc:subject.
    pub keywords: Vec<String>,
    /// When the picture was taken, ISO 8601 as precise as the file says ("2018-12-13",
    /// "2018-12-13T10:15:00+01:00"): IIM 2:55/2:60, XMP photoshop:DateCreated, EXIF
    /// DateTimeOriginal.
    pub date_created: Option<String>,
    /// IIM 2:90 City, XMP photoshop:City.
    pub city: Option<String>,
    /// IIM 2:101 Country, XMP photoshop:Country.
    pub country: Option<String>,
    /// XMP xmpRights:UsageTerms.
    pub usage_terms: Option<String>,
    /// XMP xmpRights:WebStatement: a URL about the rights.
    pub web_statement: Option<String>,
    /// XMP plus:Licensor/plus:LicensorURL.
    pub licensor_url: Option<String>,
    /// Alternative text for screen readers: XMP Iptc4xmpCore:AltTextAccessibility.
    pub alt_text: Option<String>,
}

/// Under which terms the newsroom may use a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum LicenseKind {
    /// Taken by the newsroom's own photographer.
    Own,
    /// Bought from or subscribed at an agency (dpa, Reuters, …).
    Agency,
    /// Pictures a body hands out to the press (Pressefoto, Handout).
    Handout,
    Cc0,
    CcBy,
    CcBySa,
    CcByNd,
    CcByNc,
    CcByNcSa,
    CcByNcNd,
}

impl LicenseKind {
    pub const ALL: [LicenseKind; 10] = [
        LicenseKind::Own,
        LicenseKind::Agency,
        LicenseKind::Handout,
        LicenseKind::Cc0,
        LicenseKind::CcBy,
        LicenseKind::CcBySa,
        LicenseKind::CcByNd,
        LicenseKind::CcByNc,
        LicenseKind::CcByNcSa,
        LicenseKind::CcByNcNd,
    ];

    /// The name in `--json`, the CLI and the store: `own`, `agency`, `cc-by-sa`, …
    pub fn as_str(self) -> &'static str {
        match self {
            LicenseKind::Own => "own",
            LicenseKind::Agency => "agency",
            LicenseKind::Handout => "handout",
            LicenseKind::Cc0 => "cc0",
            LicenseKind::CcBy => "cc-by",
            LicenseKind::CcBySa => "cc-by-sa",
            LicenseKind::CcByNd => "cc-by-nd",
            LicenseKind::CcByNc => "cc-by-nc",
            LicenseKind::CcByNcSa => "cc-by-nc-sa",
            LicenseKind::CcByNcNd => "cc-by-nc-nd",
        }
    }
}

impl std::str::FromStr for LicenseKind {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let wanted = text.trim().to_lowercase();
        LicenseKind::ALL
            .into_iter()
            .find(|kind| kind.as_str() == wanted)
            .ok_or_else(|| {
                let known: Vec<&str> = LicenseKind::ALL.iter().map(|k| k.as_str()).collect();
                format!("unknown license kind {text:?}; known: {}", known.join(", "))
            })
    }
}

/// A picture in the library. The file's own credits ([`ImageMetadata`]) are its fields as
/// the photo editor last set them (first from the file); `keywords` are its tags, in the
/// vocabulary the articles share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Image {
    pub id: i64,
    /// The file name it was imported from ("IMG_1234.jpg").
    pub file: String,
    pub width: u32,
    pub height: u32,
    /// SHA-256 of the original file, hex: the same file is stored once.
    pub hash: String,
    /// `jpeg`, `png`, `webp` or `tiff`.
    pub format: String,
    /// Size of the original file in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    #[serde(flatten)]
    #[ts(flatten)]
    pub metadata: ImageMetadata,
    pub license: Option<LicenseKind>,
    /// Last day the picture may be used.
    #[ts(type = "string | null")]
    pub expires: Option<chrono::NaiveDate>,
    /// The portal's credit line for this picture ("Thüringer Staatskanzlei"), built from its
    /// fields by the library's credit format; empty when the picture has no credit at all.
    pub credit_line: String,
    pub imported_at: chrono::DateTime<chrono::Utc>,
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// Sperrfrist: before this time no article showing the picture leaves the newsroom.
    #[ts(type = "string | null")]
    #[serde(default)]
    pub embargo: Option<chrono::DateTime<chrono::Utc>>,
}

/// Which pictures a list shows. Every part narrows the list; none given lists them all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImageFilter {
    /// Only pictures without any credit (no credit, creator, source or copyright).
    #[ts(optional)]
    pub missing_credit: Option<bool>,
    /// Only pictures whose license ends within this many days from today (not yet ended).
    #[ts(optional)]
    pub expiring_within: Option<u32>,
    /// Only pictures whose license has ended.
    #[ts(optional)]
    pub expired: Option<bool>,
    /// Matches a keyword case-insensitively.
    #[ts(optional)]
    pub tag: Option<String>,
    /// Words in caption, headline, credit, creator, source or file name.
    #[ts(optional)]
    pub text: Option<String>,
    #[ts(optional)]
    pub limit: Option<u32>,
    #[ts(optional)]
    pub offset: Option<u32>,
}

/// A change to the credits of one picture or of a selection: each `Some` field is set (an
/// empty text clears it), each `None` stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ImagePatch {
    #[ts(optional)]
    pub creator: Option<String>,
    #[ts(optional)]
    pub credit: Option<String>,
    #[ts(optional)]
    pub copyright: Option<String>,
    #[ts(optional)]
    pub source: Option<String>,
    #[ts(optional)]
    pub caption: Option<String>,
    #[ts(optional)]
    pub headline: Option<String>,
    #[ts(optional)]
    pub date_created: Option<String>,
    #[ts(optional)]
    pub city: Option<String>,
    #[ts(optional)]
    pub country: Option<String>,
    #[ts(optional)]
    pub usage_terms: Option<String>,
    #[ts(optional)]
    pub web_statement: Option<String>,
    #[ts(optional)]
    pub licensor_url: Option<String>,
    #[ts(optional)]
    pub alt_text: Option<String>,
    /// A license kind (`own`, `agency`, `cc-by`, …); an empty text clears it.
    #[ts(optional)]
    pub license: Option<String>,
    /// `YYYY-MM-DD`; an empty text clears it.
    #[ts(optional)]
    pub expires: Option<String>,
}

/// One picture an image import stored (or found already stored: `new` is false).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportedImage {
    #[serde(flatten)]
    #[ts(flatten)]
    pub image: Image,
    /// The path it was read from.
    pub path: String,
    /// False when the same file was already in the library (stored once, by its hash).
    pub new: bool,
}

/// What an image import did: stored, refused (with the reason), left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImageImportReport {
    pub imported: Vec<ImportedImage>,
    pub failed: Vec<crate::ImportFailure>,
    pub skipped: Vec<crate::ImportSkipped>,
    /// True when the import was stopped before every file was read (those not begun are
    /// neither imported nor refused; each one begun is whole).
    #[serde(default)]
    pub cancelled: bool,
}

/// Pictures that look the same (re-encoded, resized): one photo, which should carry one credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct DuplicateGroup {
    pub images: Vec<Image>,
    /// True when the pictures of the group carry different credit lines.
    pub credits_differ: bool,
}

/// One use of a picture in an article: a line of the credit report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImageUse {
    pub image_id: i64,
    pub file: String,
    pub credit_line: String,
    pub creator: Option<String>,
    pub source: Option<String>,
    pub license: Option<LicenseKind>,
    pub article_id: i64,
    pub article_title: String,
    #[ts(type = "string | null")]
    pub article_date: Option<chrono::NaiveDate>,
    pub article_status: crate::Status,
}

/// How far an image import is: `done` of `total` files looked at, the last one named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImageImportProgress {
    pub done: usize,
    pub total: usize,
    pub file: String,
}
