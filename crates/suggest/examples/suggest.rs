//! Shows the suggestions for Markdown articles in the interchange format, with the other
//! files given as the library: `cargo run -p newsdesk-suggest --example suggest -- A.md [LIB.md…]`
use newsdesk_suggest::{Document, Request, Suggester, TagModel};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    let Some((first, rest)) = files.split_first() else {
        return Err("usage: suggest ARTICLE.md [LIBRARY.md…]".into());
    };
    let suggester = Suggester::new();
    let analyzer = suggester.analyzer(newsdesk_suggest::Language::German);
    let mut model = TagModel::new();
    for (i, file) in rest.iter().enumerate() {
        let article = newsdesk_interchange::parse(&std::fs::read_to_string(file)?)?;
        for tag in &article.tags {
            model.set_tag_uses(analyzer, tag, 1);
        }
        model.learn(analyzer, i as i64, &Document::from(&article));
    }
    let mut article = newsdesk_interchange::parse(&std::fs::read_to_string(first)?)?;
    article.tags.clear();
    let document = Document::from(&article);
    let evidence = newsdesk_suggest::text::read(&document, analyzer, None);
    for (key, c) in &evidence.candidates {
        if c.kind != newsdesk_suggest::text::CandidateKind::Term {
            eprintln!(
                "{key}: {:?} {} w={:.1} n={}",
                c.kind,
                c.display(),
                c.weight,
                c.mentions
            );
        }
    }
    for s in suggester.suggest(
        &document,
        &model,
        &Request {
            k: 15,
            ..Request::default()
        },
    ) {
        println!(
            "{:<40} {:>6.3}  {:?}  {}",
            s.tag, s.score, s.source, s.reason
        );
    }
    Ok(())
}
