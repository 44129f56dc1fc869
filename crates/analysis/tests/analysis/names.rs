//! People in the sample texts.

use newsdesk_analysis::find_people;

use crate::{ARTICLES, PORTAL_PAGE};

#[test]
fn the_portal_page_names_its_people_and_no_nouns() {
    let people = find_people(PORTAL_PAGE);
    let names: Vec<_> = people.iter().map(|p| p.name.as_str()).collect();
    assert!(names.contains(&"Hartmut Schubert") && names.contains(&"Valentina Kerst"));
    assert!(
        names
            .iter()
            .all(|n| ["Hartmut Schubert", "Valentina Kerst"].contains(n)),
        "nothing else on the page is a person: {names:?}"
    );
    let titles: Vec<_> = people
        .iter()
        .filter_map(|p| p.title.map(|t| t.of(PORTAL_PAGE)))
        .collect();
    assert!(titles.contains(&"Landes-CIO") && titles.contains(&"Wirtschaftsstaatssekretärin"));
}

#[test]
fn the_front_matter_tags_and_captions_name_people_too() {
    let names: Vec<_> = find_people(ARTICLES[0])
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(
        names.iter().filter(|n| *n == "Hartmut Schubert").count() >= 3,
        "{names:?}"
    );
    for article in &ARTICLES[1..] {
        assert!(
            find_people(article).is_empty(),
            "no people in the short teasers"
        );
    }
}

#[test]
fn titles_before_names() {
    let text = "Ministerpräsident Bodo Ramelow, Dr. Anna Müller und Katja Wolf (BSW) sowie \
                die Landesregierung. Die Linke und die Mark Brandenburg.";
    let people = find_people(text);
    let found: Vec<_> = people
        .iter()
        .map(|p| (p.name.as_str(), p.title.map(|t| t.of(text))))
        .collect();
    assert_eq!(
        found,
        [
            ("Bodo Ramelow", Some("Ministerpräsident")),
            ("Anna Müller", Some("Dr.")),
            ("Katja Wolf", None),
        ]
    );
}
