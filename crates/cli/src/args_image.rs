//! `newsdesk image …`: the image library from the command line. Names are a contract.

use std::path::PathBuf;

use clap::{Args, Subcommand};

#[derive(Subcommand)]
pub enum ImageCommand {
    /// Import picture files or folders of them (JPEG, PNG, WebP, TIFF); stored once by hash
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// One JSON object per imported file (id, file, width, height, hash, credits, …)
        #[arg(long)]
        json: bool,
    },
    /// List pictures, newest import first
    List(ImageListArgs),
    /// Show one picture with its credits
    Show {
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Set credits, license and expiry on one picture or several at once
    Set(Box<ImageSetArgs>),
    /// Add and remove keywords on one picture or several at once
    Tag {
        #[arg(required = true, value_name = "ID")]
        ids: Vec<i64>,
        /// A keyword to add (repeatable)
        #[arg(long, value_name = "T")]
        add: Vec<String>,
        /// A keyword to remove (repeatable)
        #[arg(long, value_name = "T")]
        remove: Vec<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write the picture with its credits embedded (IPTC IIM in UTF-8 and XMP)
    Export {
        id: i64,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        /// Replace FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// JPEG thumbnails of picture files (no library needed), long edge PX
    Thumbnail {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        #[arg(long, value_name = "PX")]
        size: u32,
        #[arg(long = "out", value_name = "DIR")]
        out: PathBuf,
    },
    /// Pictures that show the same photo (re-encoded, resized), with their credits
    Duplicates {
        #[arg(long)]
        json: bool,
    },
    /// Which pictures were used in which articles dated in a period
    Report {
        #[arg(long, value_name = "DATE")]
        from: chrono::NaiveDate,
        #[arg(long, value_name = "DATE")]
        to: chrono::NaiveDate,
        /// As CSV (the default is a table for reading)
        #[arg(long)]
        csv: bool,
        #[arg(long, conflicts_with = "csv")]
        json: bool,
    },
    /// Show or set the format of the credit line ("{credit|creator|source}")
    CreditFormat { format: Option<String> },
    /// Set or clear a picture's embargo: every article showing it is held until then
    Embargo(crate::args_desk::EmbargoArgs),
}

#[derive(Args)]
pub struct ImageListArgs {
    /// Only pictures without any credit
    #[arg(long)]
    pub missing_credit: bool,
    /// Only pictures whose license ends within DAYS days
    #[arg(long, value_name = "DAYS")]
    pub expiring: Option<u32>,
    /// Only pictures whose license has ended
    #[arg(long)]
    pub expired: bool,
    /// Only pictures with this keyword
    #[arg(long, value_name = "T")]
    pub tag: Option<String>,
    #[arg(long)]
    pub limit: Option<u32>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub struct ImageSetArgs {
    #[arg(required = true, value_name = "ID")]
    pub ids: Vec<i64>,
    #[arg(long, value_name = "S")]
    pub credit: Option<String>,
    #[arg(long, value_name = "S")]
    pub creator: Option<String>,
    #[arg(long, value_name = "S")]
    pub copyright: Option<String>,
    #[arg(long, value_name = "S")]
    pub source: Option<String>,
    #[arg(long, value_name = "S")]
    pub caption: Option<String>,
    #[arg(long, value_name = "S")]
    pub headline: Option<String>,
    #[arg(long, value_name = "S")]
    pub alt: Option<String>,
    #[arg(long, value_name = "S")]
    pub city: Option<String>,
    #[arg(long, value_name = "S")]
    pub country: Option<String>,
    #[arg(long = "date-created", value_name = "S")]
    pub date_created: Option<String>,
    #[arg(long = "usage-terms", value_name = "S")]
    pub usage_terms: Option<String>,
    #[arg(long = "web-statement", value_name = "URL")]
    pub web_statement: Option<String>,
    #[arg(long = "licensor-url", value_name = "URL")]
    pub licensor_url: Option<String>,
    /// own, agency, handout, cc0, cc-by, cc-by-sa, cc-by-nd, cc-by-nc, cc-by-nc-sa, cc-by-nc-nd
    #[arg(long, value_name = "KIND")]
    pub license: Option<String>,
    /// Last day of use, YYYY-MM-DD ("" clears it)
    #[arg(long, value_name = "DATE")]
    pub expires: Option<String>,
    #[arg(long)]
    pub json: bool,
}
