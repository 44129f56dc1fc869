//! An article's shared document after a day apart (issue 24, "Merge after a day offline"), at
//! the document level: body edits in different places both survive, the same field changed
//! on both sides is a conflict with both values, and both sides end on the same heads.

use newsdesk_desk::ArticleDoc;
use newsdesk_model::ArticleContent;

fn article() -> ArticleContent {
    ArticleContent {
        kicker: "Thüringen".into(),
        title: "Zweites Digitalisierungskabinett".into(),
        section: "Politik".into(),
        tags: vec!["Politik".into(), "Digitalisierung".into()],
        body: (1..=5)
            .map(|n| format!("Absatz {n}: Die Landesregierung berät über die Verwaltung."))
            .collect::<Vec<_>>()
            .join("\n\n"),
        ..ArticleContent::default()
    }
}

#[test]
fn edits_apart_merge_and_the_same_field_becomes_a_conflict() {
    let original = article();
    let mut anna = ArticleDoc::new(&original, "anna").expect("new document");
    let mut ben = ArticleDoc::load(&anna.save(), "ben").expect("Ben's copy");

    // Apart: Anna edits paragraph 1 and the title, Ben paragraph 5 and the title.
    let mut mine = original.clone();
    mine.body = mine
        .body
        .replacen("Absatz 1: Die", "Absatz 1: Am Montag die", 1);
    mine.title = "Digitalisierungskabinett tagt".into();
    assert!(anna.update(&mine, "Anna's edit").expect("update"));
    let mut theirs = original.clone();
    theirs.body = theirs.body.replace(
        "Absatz 5: Die Landesregierung berät über die Verwaltung.",
        "Absatz 5: Die Landesregierung berät über die digitale Verwaltung.",
    );
    theirs.title = "Kabinett berät Digitales".into();
    theirs.tags.push("Verwaltung".into());
    assert!(ben.update(&theirs, "Ben's edit").expect("update"));

    // Back online: each takes the other's changes.
    anna.merge(&mut ben).expect("merge into Anna's");
    ben.merge(&mut anna).expect("merge into Ben's");
    assert_eq!(anna.heads(), ben.heads(), "both end on the same heads");

    let merged = anna.content().expect("content");
    assert_eq!(
        merged,
        ben.content().expect("content"),
        "both sides read the same"
    );
    assert!(
        merged.body.contains("Absatz 1: Am Montag die")
            && merged.body.contains("die digitale Verwaltung."),
        "both body edits survive: {}",
        merged.body
    );
    assert_eq!(
        merged.body.matches("Absatz").count(),
        5,
        "no paragraph doubled"
    );
    assert_eq!(
        merged.tags,
        ["Politik", "Digitalisierung", "Verwaltung"],
        "a field changed on one side only takes that change"
    );

    let conflicts = anna.conflicts().expect("conflicts");
    assert_eq!(conflicts.len(), 1, "only the title: {conflicts:?}");
    assert_eq!(conflicts[0].field, "title");
    let mut values = conflicts[0].values.clone();
    values.sort();
    assert_eq!(
        values,
        ["Digitalisierungskabinett tagt", "Kabinett berät Digitales"],
        "the conflict holds both titles, as the editors wrote them"
    );
    assert!(
        values.contains(&merged.title),
        "the title shown is one of them"
    );

    // The editor resolves it by choosing; the choice travels like any edit.
    let mut resolved = merged.clone();
    resolved.title = "Digitalisierungskabinett tagt".into();
    anna.update(&resolved, "title chosen").expect("resolve");
    assert!(anna.conflicts().expect("conflicts").is_empty());
    ben.merge(&mut anna).expect("merge");
    assert!(ben.conflicts().expect("conflicts").is_empty());
    assert_eq!(
        ben.content().expect("content").title,
        "Digitalisierungskabinett tagt"
    );
}

#[test]
fn a_saved_document_loads_with_the_same_content_and_an_unchanged_update_adds_nothing() {
    let original = article();
    let mut doc = ArticleDoc::new(&original, "anna").expect("new");
    let heads = doc.heads();
    assert!(
        !doc.update(&original, "nothing").expect("update"),
        "saving what is already there makes no change"
    );
    assert_eq!(doc.heads(), heads);
    let loaded = ArticleDoc::load(&doc.save(), "anna").expect("load");
    assert_eq!(loaded.content().expect("content"), original);
    assert!(
        ArticleDoc::load(b"not automerge", "anna").is_err(),
        "a damaged document is refused, not read as empty"
    );
}
