//! Article documents kept by the desk in a real PostgreSQL: members' changes merged and
//! logged under their names, a revoked member refused with nothing stored.

use newsdesk_desk::test_support::TestPostgres;
use newsdesk_desk::{ArticleDoc, Desk, DeskError, Role};
use newsdesk_model::ArticleContent;

#[test]
fn the_desk_merges_what_members_send_and_logs_who_sent_it() {
    let pg = TestPostgres::start().unwrap_or_else(|problem| panic!("{problem}"));
    let mut desk = Desk::connect(&pg.url).expect("connect");
    desk.invite("Anna", Role::Editor).expect("invite");
    desk.invite("Ben", Role::Editor).expect("invite");
    let members = desk.members().expect("members");
    let (anna, ben) = (members[0].clone(), members[1].clone());

    let original = ArticleContent {
        title: "Haushalt".into(),
        body: "Erster Absatz.\n\nZweiter Absatz.".into(),
        ..ArticleContent::default()
    };
    let mut annas = ArticleDoc::new(&original, "anna").expect("new");
    let first = desk
        .receive_article(&anna, "a-1", &mut annas)
        .expect("Anna sends");
    assert!(first.created && first.changed);

    // Ben takes the desk's copy and edits the second paragraph; Anna, apart, the first.
    let mut bens = desk.article("a-1", "ben").expect("read").expect("stored");
    let mut edit = original.clone();
    edit.body = "Erster Absatz.\n\nZweiter Absatz, ergänzt.".into();
    bens.update(&edit, "Ben").expect("edit");
    let mut edit = original.clone();
    edit.body = "Erster Absatz, neu.\n\nZweiter Absatz.".into();
    annas.update(&edit, "Anna").expect("edit");

    desk.receive_article(&ben, "a-1", &mut bens)
        .expect("Ben sends");
    let received = desk
        .receive_article(&anna, "a-1", &mut annas)
        .expect("Anna sends");
    assert!(received.changed && !received.created);
    assert_eq!(
        annas.content().expect("content").body,
        "Erster Absatz, neu.\n\nZweiter Absatz, ergänzt.",
        "Anna's side holds both edits after sending"
    );
    // A second connection (the server after a restart) reads the same document.
    let mut again = Desk::connect(&pg.url).expect("connect again");
    let mut stored = again.article("a-1", "desk").expect("read").expect("stored");
    assert_eq!(stored.heads(), annas.heads(), "the desk and Anna agree");
    let resend = again
        .receive_article(&anna, "a-1", &mut annas)
        .expect("resend");
    assert!(!resend.changed, "sending what the desk has changes nothing");

    let history = again.history("a-1").expect("history");
    assert_eq!(
        history
            .iter()
            .map(|s| s.member.as_str())
            .collect::<Vec<_>>(),
        ["Anna", "Ben", "Anna"],
        "the log names who sent which change, in order"
    );
    assert!(history.iter().all(|s| s.bytes > 0));

    // Revoked: refused, and nothing of what Ben sends is stored.
    desk.revoke("Ben").expect("revoke");
    let mut late = again.article("a-1", "ben").expect("read").expect("stored");
    let mut edit = late.content().expect("content");
    edit.title = "Von Ben nach dem Widerruf".into();
    late.update(&edit, "Ben").expect("edit");
    assert!(matches!(
        again.receive_article(&ben, "a-1", &mut late),
        Err(DeskError::UnknownToken)
    ));
    let stored = again.article("a-1", "desk").expect("read").expect("stored");
    assert_eq!(stored.content().expect("content").title, "Haushalt");
    assert_eq!(again.history("a-1").expect("history").len(), 3);
}
