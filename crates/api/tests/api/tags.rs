//! Tag suggestions learn the library: its vocabulary in its spelling, the tags that went with
//! the same words before, and changes made after the first suggestion.

use newsdesk_model::{ArticleContent, SuggestionSource};

use crate::app;

fn article(title: &str, body: &str, tags: &[&str]) -> ArticleContent {
    ArticleContent {
        title: title.into(),
        kicker: "Land".into(),
        section: "Wirtschaft".into(),
        body: body.into(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..ArticleContent::default()
    }
}

const TOWNS: [&str; 6] = ["Gotha", "Jena", "Suhl", "Gera", "Weimar", "Erfurt"];

/// An archive of articles on fibre in six towns, each tagged "Breitbandausbau" and "Kommunen".
fn fiber_archive(app: &newsdesk_api::App) {
    for town in TOWNS {
        app.create_article(&article(
            &format!("Glasfaser für {town}"),
            &format!("In {town} verlegt die Stadt Glasfaserkabel. Der Glasfaseranschluss kommt in jedes Haus, \
                      die Bandbreite steigt. Die Glasfaser erreicht auch die Schulen."),
            &["Breitbandausbau", "Kommunen"],
        ))
        .expect("tagged article");
    }
}

#[test]
fn a_tag_the_archive_gave_to_the_same_words_is_suggested_though_the_text_never_names_it() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    fiber_archive(&app);
    let new = article(
        "Neue Glasfaser im Landkreis",
        "Der Landkreis verlegt Glasfaser bis in die Dörfer. Mehr Bandbreite für Schulen.",
        &[],
    );
    let got = app.suggest_tags_for(&new, None, 10).expect("suggest");
    let learned = got.iter().find(|s| s.tag == "Breitbandausbau");
    assert!(
        learned.is_some_and(|s| s.source == SuggestionSource::Archive),
        "the archive's tag for Glasfaser texts comes first-hand from the archive: {got:#?}"
    );
    assert!(
        got.iter().any(|s| s.tag == "Glasfaser"),
        "the text's own key term too: {got:#?}"
    );
}

#[test]
fn the_vocabularys_spelling_wins_and_a_later_save_is_learned_without_a_restart() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    let first = app
        .create_article(&article(
            "Kabinett tagt",
            "Das Digitalisierungs-Kabinett tagte.",
            &[],
        ))
        .expect("article");
    let before = app.suggest_tags(first.id, 10).expect("suggest");
    assert!(
        before.iter().all(|s| s.tag != "Digitalisierungskabinett"),
        "not in the vocabulary yet"
    );
    app.create_article(&article("Anderes", "Text.", &["Digitalisierungskabinett"]))
        .expect("tagged");
    // The model looks for changes at most every 2 s.
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    let after = app.suggest_tags(first.id, 10).expect("suggest");
    let tag = after
        .iter()
        .find(|s| s.tag.to_lowercase().starts_with("digitalisierungs"));
    assert_eq!(
        tag.map(|s| s.tag.as_str()),
        Some("Digitalisierungskabinett"),
        "the hyphenated spelling in the text is shown as the vocabulary writes it: {after:#?}"
    );
}

#[test]
fn accepting_adds_the_tag_as_a_new_revision_and_rejecting_hides_it_for_that_article_only() {
    let dir = tempfile::tempdir().expect("dir");
    let app = app(&dir);
    let a = app
        .create_article(&article(
            "Jena baut",
            "In Jena wird gebaut. Jena wächst.",
            &[],
        ))
        .expect("a");
    let b = app
        .create_article(&article(
            "Jena wächst",
            "In Jena wird gebaut. Jena wächst.",
            &[],
        ))
        .expect("b");
    let saved = app.accept_tags(a.id, &["Jena".into()]).expect("accept");
    assert_eq!(saved.content.tags, ["Jena"]);
    assert_eq!(
        saved.revision,
        a.revision + 1,
        "a new revision, the old one stays in the history"
    );
    app.reject_tags(b.id, &["Jena".into()]).expect("reject");
    let for_b = app.suggest_tags(b.id, 20).expect("suggest");
    assert!(
        for_b.iter().all(|s| s.tag != "Jena"),
        "rejected for b: {for_b:#?}"
    );
    let fresh = app
        .suggest_tags_for(&article("Jena", "Jena. Jena.", &[]), None, 20)
        .expect("suggest");
    assert!(
        fresh.iter().any(|s| s.tag == "Jena"),
        "still suggested elsewhere: {fresh:#?}"
    );
    assert!(
        app.reject_tags(b.id, &["  ".into()]).is_err(),
        "a blank tag is refused"
    );
}

/// What a new process learns before its first suggestion: the articles it reports learning.
fn learned_at_start(dir: &tempfile::TempDir) -> (newsdesk_api::App, Vec<usize>) {
    let app = app(dir);
    let mut learned = Vec::new();
    app.prepare_tag_model(&mut |done, _| learned.push(done))
        .expect("model ready");
    (app, learned)
}

fn breitband(app: &newsdesk_api::App) -> bool {
    let new = article(
        "Neue Glasfaser im Landkreis",
        "Der Landkreis verlegt Glasfaser bis in die Dörfer. Mehr Bandbreite für Schulen.",
        &[],
    );
    app.suggest_tags_for(&new, None, 10)
        .expect("suggest")
        .iter()
        .any(|s| s.tag == "Breitbandausbau")
}

#[test]
fn the_model_is_learned_once_saved_beside_the_library_and_read_by_the_next_start() {
    let dir = tempfile::tempdir().expect("dir");
    {
        let app = app(&dir);
        fiber_archive(&app);
    }
    let (app, learned) = learned_at_start(&dir);
    assert_eq!(
        learned.last(),
        Some(&TOWNS.len()),
        "the first start learns the whole library, telling how far: {learned:?}"
    );
    assert!(breitband(&app), "and suggests from it");
    assert!(
        dir.path().join("lib.tagmodel").is_file(),
        "the model is saved beside the library"
    );
    drop(app);

    let (app, learned) = learned_at_start(&dir);
    assert!(
        learned.is_empty(),
        "the next start reads the saved model instead of learning again: {learned:?}"
    );
    assert!(breitband(&app), "and suggests as before");
    // A save after the start is learned from the queue, not by learning everything again.
    app.create_article(&article(
        "Glasfaser für Apolda",
        "In Apolda verlegt die Stadt Glasfaserkabel. Die Glasfaser kommt.",
        &["Breitbandausbau", "Apolda"],
    ))
    .expect("tagged");
    std::thread::sleep(std::time::Duration::from_millis(2_100));
    let got = app
        .suggest_tags_for(&article("Apolda", "Apolda. Apolda baut.", &[]), None, 10)
        .expect("suggest");
    assert!(
        got.iter().any(|s| s.tag == "Apolda"),
        "the vocabulary of the new article is known: {got:#?}"
    );
}

#[test]
fn a_damaged_or_foreign_saved_model_is_learned_anew_without_an_error() {
    let dir = tempfile::tempdir().expect("dir");
    {
        let app = app(&dir);
        fiber_archive(&app);
        app.prepare_tag_model(&mut |_, _| {})
            .expect("learned and saved");
    }
    let saved = dir.path().join("lib.tagmodel");
    let bytes = std::fs::read(&saved).expect("saved model");
    std::fs::write(&saved, &bytes[..bytes.len() / 3]).expect("cut short");
    let (again, learned) = learned_at_start(&dir);
    assert_eq!(
        learned.last(),
        Some(&TOWNS.len()),
        "learned again: {learned:?}"
    );
    assert!(breitband(&again));
    drop(again);
    // Another library's model (a copy of the folder's file from elsewhere) is not used either.
    let other = tempfile::tempdir().expect("other");
    {
        let app = app(&other);
        app.create_article(&article("Anderes", "Ganz anderes.", &["Sonstiges"]))
            .expect("article");
        app.prepare_tag_model(&mut |_, _| {}).expect("learned");
    }
    std::fs::copy(other.path().join("lib.tagmodel"), &saved).expect("foreign model");
    let (app, learned) = learned_at_start(&dir);
    assert_eq!(
        learned.last(),
        Some(&TOWNS.len()),
        "learned again: {learned:?}"
    );
    assert!(breitband(&app));
}
