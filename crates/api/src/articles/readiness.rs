//! What an article needs before it is "ready" for the portal, and the accessibility hints the
//! portal's law asks for (BITV 2.0 / WCAG 2.1 AA): link texts that say where they lead, no
//! skipped heading levels, alt text on every picture.

use newsdesk_model::{ArticleContent, ArticleStats, ProblemCode, ReadinessProblem};

/// Link texts that do not say where a link leads.
const VAGUE_LINK_TEXTS: &[&str] = &[
    "hier",
    "mehr",
    "weiter",
    "weiterlesen",
    "mehr lesen",
    "mehr erfahren",
    "hier klicken",
    "klicken sie hier",
    "link",
    "dieser link",
    "diesen link",
    "details",
    "click here",
    "here",
    "more",
    "read more",
    "this link",
    "link here",
];

fn problem(
    field: &str,
    code: ProblemCode,
    detail: &str,
    blocking: bool,
    text: String,
) -> ReadinessProblem {
    ReadinessProblem {
        field: field.to_string(),
        problem: text,
        code,
        detail: detail.to_string(),
        blocking,
    }
}

/// Every problem of `content`, blocking ones first in field order, then hints; a teaser
/// longer than the portal's default list length ([`ArticleStats::TEASER_LIMIT`]) is one.
pub fn check_readiness(content: &ArticleContent) -> Vec<ReadinessProblem> {
    check_readiness_within(content, ArticleStats::TEASER_LIMIT)
}

/// [`check_readiness`] with the library's own teaser length (setting `teaser_max_chars`).
pub fn check_readiness_within(
    content: &ArticleContent,
    teaser_limit: u32,
) -> Vec<ReadinessProblem> {
    let mut problems = Vec::new();
    let required = [
        ("kicker", &content.kicker),
        ("title", &content.title),
        ("teaser", &content.teaser),
        ("section", &content.section),
        ("body", &content.body),
    ];
    for (field, value) in required {
        if value.trim().is_empty() {
            problems.push(problem(
                field,
                ProblemCode::Missing,
                "",
                true,
                format!("{field} is missing: the portal shows every article with one"),
            ));
        }
    }
    for (index, image) in content.images.iter().enumerate() {
        let n = index + 1;
        // `detail` is the file name, or the picture's number for the UI to word.
        let detail = if image.file.is_empty() {
            n.to_string()
        } else {
            image.file.clone()
        };
        let name = if image.file.is_empty() {
            format!("picture {n}")
        } else {
            image.file.clone()
        };
        if image.credit.trim().is_empty() {
            problems.push(problem(
                &format!("images[{n}].credit"),
                ProblemCode::NoCredit,
                &detail,
                true,
                format!("{name} has no credit (Bildquelle): no picture goes out without one"),
            ));
        }
        if image.alt.trim().is_empty() {
            problems.push(problem(
                &format!("images[{n}].alt"),
                ProblemCode::NoAlt,
                &detail,
                true,
                format!("{name} has no alt text: screen readers need it"),
            ));
        }
    }
    let outline = newsdesk_markdown::outline(&content.body);
    for image in &outline.images {
        if image.alt.trim().is_empty() {
            problems.push(problem(
                "body",
                ProblemCode::NoAlt,
                &image.src,
                true,
                format!("the picture {} in the text has no alt text", image.src),
            ));
        }
    }
    let teaser_chars = content.teaser.chars().count() as u32;
    if teaser_chars > teaser_limit {
        problems.push(problem(
            "teaser",
            ProblemCode::TooLong,
            &teaser_chars.to_string(),
            false,
            format!(
                "the teaser has {teaser_chars} characters; the portal shows {teaser_limit} in lists"
            ),
        ));
    }
    for link in &outline.links {
        let text = link
            .text
            .trim()
            .trim_end_matches(['.', ':', '!', '…'])
            .to_lowercase();
        if text.is_empty() || VAGUE_LINK_TEXTS.contains(&text.as_str()) {
            problems.push(problem(
                "body",
                ProblemCode::VagueLink,
                &link.text,
                false,
                format!(
                    "the link text '{}' does not say where it leads ({})",
                    link.text, link.url
                ),
            ));
        }
    }
    // The title is the page's h1; the body's headings start at h2 and go down one at a time.
    let mut previous = 1u8;
    for heading in &outline.headings {
        if heading.level == 1 {
            problems.push(problem(
                "body",
                ProblemCode::BodyH1,
                &heading.text,
                false,
                format!(
                    "'{}' is a first-level heading: the title is the only one; use ## in the text",
                    heading.text
                ),
            ));
        } else if heading.level > previous + 1 {
            problems.push(problem(
                "body",
                ProblemCode::SkippedHeading,
                &format!("h{previous} → h{}", heading.level),
                false,
                format!(
                    "the heading '{}' skips a level (h{previous} → h{})",
                    heading.text, heading.level
                ),
            ));
        }
        previous = heading.level;
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsdesk_model::ImageRef;

    fn ready() -> ArticleContent {
        ArticleContent {
            kicker: "Thüringen".into(),
            title: "Zweites Digitalisierungskabinett".into(),
            section: "Politik".into(),
            teaser: "Beim zweiten Digitalisierungskabinett …".into(),
            body: "Text mit [Strategie als PDF](https://x.de/s.pdf).\n\n## Abschnitt\n".into(),
            images: vec![ImageRef {
                file: "k.jpg".into(),
                caption: "Pressekonferenz".into(),
                credit: "Thüringer Staatskanzlei".into(),
                alt: "Zwei Personen am Pult".into(),
            }],
            ..Default::default()
        }
    }

    #[test]
    fn a_complete_article_has_no_problem() {
        assert_eq!(check_readiness(&ready()), []);
    }

    #[test]
    fn missing_fields_and_credits_block() {
        let mut a = ready();
        a.teaser.clear();
        a.images[0].credit.clear();
        let p = check_readiness(&a);
        let fields: Vec<&str> = p.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["teaser", "images[1].credit"]);
        assert!(p.iter().all(|p| p.blocking));
        assert!(
            p[1].problem.contains("k.jpg"),
            "names the picture: {}",
            p[1].problem
        );
    }

    #[test]
    fn vague_links_and_skipped_headings_are_hints() {
        let mut a = ready();
        a.body = "Mehr dazu [hier](https://x.de).\n\n## Zwei\n\n#### Vier\n".into();
        let problems = check_readiness(&a);
        let codes: Vec<(ProblemCode, bool)> =
            problems.iter().map(|p| (p.code, p.blocking)).collect();
        assert_eq!(
            codes,
            [
                (ProblemCode::VagueLink, false),
                (ProblemCode::SkippedHeading, false)
            ]
        );
    }
}
