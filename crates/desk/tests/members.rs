//! The desk's members on a real PostgreSQL 15 (Debian's package, started for the test on
//! 127.0.0.1): invited with a role and a token, authenticated, revoked, invited again.

use newsdesk_desk::test_support::TestPostgres;
use newsdesk_desk::{Desk, DeskError, Role};

fn postgres() -> TestPostgres {
    TestPostgres::start().unwrap_or_else(|problem| panic!("{problem}"))
}

#[test]
fn a_member_joins_with_a_token_that_works_until_it_is_revoked() {
    let pg = postgres();
    let mut desk = Desk::connect(&pg.url).expect("connect and migrate");
    let anna = desk.invite("Anna Berg", Role::Chief).expect("invite");
    let ben = desk.invite("Ben Ohm", Role::Editor).expect("invite");
    assert_ne!(
        anna.token, ben.token,
        "each member has a token of their own"
    );

    // Another connection (as the server would be) knows them by their tokens.
    let mut server = Desk::connect(&pg.url).expect("a second connection");
    let known = server.authenticate(&anna.token).expect("Anna's token");
    assert_eq!(
        (known.name.as_str(), known.role),
        ("Anna Berg", Role::Chief)
    );
    assert_eq!(
        server.authenticate(&ben.token).expect("Ben's token").role,
        Role::Editor
    );
    assert!(
        matches!(
            server.authenticate("nd1_not-a-token"),
            Err(DeskError::UnknownToken)
        ),
        "a made-up token is refused"
    );

    let revoked = desk.revoke("Ben Ohm").expect("revoke");
    assert!(revoked.revoked_at.is_some());
    assert!(
        matches!(
            server.authenticate(&ben.token),
            Err(DeskError::UnknownToken)
        ),
        "a revoked token is refused at once"
    );
    assert!(
        server.authenticate(&anna.token).is_ok(),
        "revoking Ben leaves Anna"
    );

    // A current name is taken; a revoked one can be invited again, with a new token.
    assert!(matches!(
        desk.invite("Anna Berg", Role::Editor),
        Err(DeskError::NameTaken(_))
    ));
    let again = desk.invite("Ben Ohm", Role::Photo).expect("invite again");
    assert_ne!(again.token, ben.token);
    assert!(matches!(
        server.authenticate(&ben.token),
        Err(DeskError::UnknownToken)
    ));
    assert_eq!(
        server.authenticate(&again.token).expect("new token").role,
        Role::Photo
    );
    let members = desk.members().expect("members");
    assert_eq!(
        members
            .iter()
            .map(|m| (m.name.as_str(), m.revoked_at.is_some()))
            .collect::<Vec<_>>(),
        [("Anna Berg", false), ("Ben Ohm", true), ("Ben Ohm", false)],
        "the revoked member keeps their row: the history names who sent which change"
    );
    assert!(matches!(
        desk.revoke("Nobody"),
        Err(DeskError::NoSuchMember(_))
    ));
}

#[test]
fn the_database_keeps_digests_not_tokens() {
    let pg = postgres();
    let mut desk = Desk::connect(&pg.url).expect("connect");
    let invitation = desk.invite("Carla", Role::Photo).expect("invite");
    let mut client = postgres::Client::connect(&pg.url, postgres::NoTls).expect("psql-like");
    let stored: String = client
        .query_one("SELECT token_sha256 FROM members WHERE name = 'Carla'", &[])
        .expect("row")
        .get(0);
    assert!(
        !stored.contains(&invitation.token) && stored.len() == 64,
        "a copy of the database holds no usable token: {stored}"
    );
    // Connecting again migrates nothing twice.
    Desk::connect(&pg.url).expect("second connect");
    let version: i32 = client
        .query_one("SELECT version FROM desk_schema", &[])
        .expect("version")
        .get(0);
    assert_eq!(version, 2, "every migration ran once");
}

#[test]
fn an_unreachable_or_wrong_database_is_said_in_words() {
    let pg = postgres();
    let port = pg
        .url
        .rsplit(':')
        .next()
        .and_then(|tail| tail.split('/').next())
        .expect("port")
        .to_string();
    pg.stop();
    let error = Desk::connect(&pg.url).err().expect("the server is gone");
    let message = error.to_string();
    assert!(
        matches!(error, DeskError::Unreachable { .. }) && message.contains(&port),
        "names where it looked: {message}"
    );
    assert!(
        !message.contains(pg.url.split('@').next().unwrap_or("?")),
        "never prints the password: {message}"
    );
    assert!(matches!(
        Desk::connect("mysql://somewhere"),
        Err(DeskError::BadAddress(_))
    ));
}
