//! `newsdesk image …`.

use std::path::{Path, PathBuf};

use newsdesk_api::App;
use newsdesk_model::{Image, ImageFilter, ImagePatch, credit_label};

use crate::Failure;
use crate::args_image::{ImageCommand, ImageListArgs, ImageSetArgs};
use crate::output::{self, clean_line, outln};

pub fn run(app: &App, command: ImageCommand) -> Result<(), Failure> {
    match command {
        ImageCommand::Import { paths, json } => import(app, &paths, json),
        ImageCommand::List(args) => list(app, args),
        ImageCommand::Show { id, json } => {
            let image = app.image(id)?;
            if json {
                output::json(&image)
            } else {
                show(&image)
            }
        }
        ImageCommand::Set(args) => set(app, *args),
        ImageCommand::Tag {
            ids,
            add,
            remove,
            json,
        } => {
            if add.is_empty() && remove.is_empty() {
                return Err(Failure::Message(
                    "say which keywords to --add or --remove".into(),
                ));
            }
            let images = app.tag_images(&ids, &add, &remove)?;
            if json {
                return output::json(&images);
            }
            for image in images {
                outln!(
                    "{}\t{}",
                    image.id,
                    clean_line(&image.metadata.keywords.join(", "))
                );
            }
            Ok(())
        }
        ImageCommand::Export { id, output, force } => {
            app.export_image(id, &output, force)?;
            outln!("{}", output.display());
            Ok(())
        }
        // Handled before a library is opened (see main).
        ImageCommand::Thumbnail { files, size, out } => thumbnails(&files, size, &out),
        ImageCommand::Duplicates { json } => {
            let groups = app.image_duplicates()?;
            if json {
                return output::json(&groups);
            }
            for (n, group) in groups.iter().enumerate() {
                let note = if group.credits_differ {
                    "  credits differ!"
                } else {
                    ""
                };
                outln!("group {}{note}", n + 1);
                for image in &group.images {
                    outln!(
                        "  {:>6}  {}x{}  {}  {}",
                        image.id,
                        image.width,
                        image.height,
                        clean_line(&image.file),
                        credit_or_none(image)
                    );
                }
            }
            Ok(())
        }
        ImageCommand::Report {
            from,
            to,
            csv,
            json,
        } => {
            let uses = app.credit_report(from, to)?;
            if csv {
                return output::text(&newsdesk_api::credit_report_csv(&uses)?);
            }
            if json {
                return output::json(&uses);
            }
            for u in uses {
                let date = u.article_date.map(|d| d.to_string()).unwrap_or_default();
                outln!(
                    "{date}  {:>6}  {}  ←  {} ({})",
                    u.article_id,
                    clean_line(&u.article_title),
                    clean_line(&u.file),
                    clean_line(&u.credit_line)
                );
            }
            Ok(())
        }
        ImageCommand::Embargo(args) => super::desk::image_embargo(app, &args),
        ImageCommand::CreditFormat { format } => {
            if let Some(format) = format {
                app.set_credit_format(&format)?;
            }
            outln!("{}", clean_line(&app.credit_format()?));
            Ok(())
        }
    }
}

fn import(app: &App, paths: &[PathBuf], json: bool) -> Result<(), Failure> {
    let report = app.import_images_with(paths, |progress| {
        // Progress for people, on stderr, only for batches worth waiting for.
        if !json && progress.total >= 20 && progress.done % 10 == 0 {
            eprintln!("{} of {} pictures", progress.done, progress.total);
        }
    })?;
    if json {
        output::json(&report.imported)?;
    } else {
        for imported in &report.imported {
            let note = if imported.new {
                ""
            } else {
                "  (already in the library)"
            };
            outln!(
                "{}\t{}\t{}{note}",
                imported.image.id,
                clean_line(&imported.path),
                credit_or_none(&imported.image)
            );
        }
    }
    for skipped in &report.skipped {
        eprintln!("{}: skipped: {}", clean_line(&skipped.file), skipped.reason);
    }
    for failure in &report.failed {
        eprintln!(
            "{}: {}",
            clean_line(&failure.file),
            clean_line(&failure.message)
        );
    }
    match report.failed.len() {
        0 => Ok(()),
        n => Err(Failure::Message(format!(
            "{n} of {} files not imported (see above); the others were stored",
            n + report.imported.len()
        ))),
    }
}

fn credit_or_none(image: &Image) -> String {
    if image.credit_line.is_empty() {
        "NO CREDIT".to_string()
    } else {
        credit_label(&clean_line(&image.credit_line))
    }
}

fn list(app: &App, args: ImageListArgs) -> Result<(), Failure> {
    let filter = ImageFilter {
        missing_credit: args.missing_credit.then_some(true),
        expiring_within: args.expiring,
        expired: args.expired.then_some(true),
        tag: args.tag,
        text: None,
        limit: args.limit,
        offset: None,
    };
    let images = app.images(&filter)?;
    if args.json {
        return output::json(&images);
    }
    for image in images {
        let expires = image
            .expires
            .map(|d| format!("  until {d}"))
            .unwrap_or_default();
        outln!(
            "{:>6}  {}  {}{expires}",
            image.id,
            clean_line(&image.file),
            credit_or_none(&image)
        );
    }
    Ok(())
}

fn show(image: &Image) -> Result<(), Failure> {
    let m = &image.metadata;
    outln!("{}  {}", image.id, clean_line(&image.file));
    outln!(
        "{} x {} px, {}, {} bytes",
        image.width,
        image.height,
        image.format,
        image.bytes
    );
    outln!("sha256     {}", image.hash);
    outln!("credit     {}", credit_or_none(image));
    let fields = [
        ("creator", &m.creator),
        ("credit", &m.credit),
        ("copyright", &m.copyright),
        ("source", &m.source),
        ("headline", &m.headline),
        ("caption", &m.caption),
        ("alt", &m.alt_text),
        ("created", &m.date_created),
        ("city", &m.city),
        ("country", &m.country),
        ("usage", &m.usage_terms),
        ("rights", &m.web_statement),
        ("licensor", &m.licensor_url),
    ];
    for (name, value) in fields {
        if let Some(value) = value {
            outln!("{name:<10} {}", clean_line(value));
        }
    }
    if let Some(license) = image.license {
        outln!("license    {}", license.as_str());
    }
    if let Some(expires) = image.expires {
        outln!("expires    {expires}");
    }
    if !m.keywords.is_empty() {
        outln!("keywords   {}", clean_line(&m.keywords.join(", ")));
    }
    Ok(())
}

fn set(app: &App, args: ImageSetArgs) -> Result<(), Failure> {
    let patch = ImagePatch {
        creator: args.creator,
        credit: args.credit,
        copyright: args.copyright,
        source: args.source,
        caption: args.caption,
        headline: args.headline,
        date_created: args.date_created,
        city: args.city,
        country: args.country,
        usage_terms: args.usage_terms,
        web_statement: args.web_statement,
        licensor_url: args.licensor_url,
        alt_text: args.alt,
        license: args.license,
        expires: args.expires,
    };
    if patch == ImagePatch::default() {
        return Err(Failure::Message(
            "say what to set, for example --credit \"Thüringer Staatskanzlei\"".into(),
        ));
    }
    let images = app.patch_images(&args.ids, &patch)?;
    if args.json {
        return output::json(&images);
    }
    for image in images {
        outln!("{}\t{}", image.id, credit_or_none(&image));
    }
    Ok(())
}

/// `image thumbnail`: no library needed.
pub fn thumbnails(files: &[PathBuf], size: u32, out: &Path) -> Result<(), Failure> {
    let (made, failed) = newsdesk_api::thumbnails(files, size, out)?;
    for thumbnail in &made {
        outln!("{}", thumbnail.to.display());
    }
    for failure in &failed {
        eprintln!(
            "{}: {}",
            clean_line(&failure.file),
            clean_line(&failure.message)
        );
    }
    match failed.len() {
        0 => Ok(()),
        n => Err(Failure::Message(format!(
            "{n} of {} files got no thumbnail (see above)",
            n + made.len()
        ))),
    }
}
