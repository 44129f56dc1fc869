//! The newsroom overview on a real library: the demo articles counted by week and status, their
//! tags, as of a day the test chooses.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};
use newsdesk_api::{App, Clock};

struct On(DateTime<Utc>);
impl Clock for On {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[test]
fn the_overview_counts_the_last_weeks_by_status_and_their_tags() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("library.sqlite");
    // The demo articles are dated 2018-12-13 and 2024-03-28 … 2024-04-23.
    let day = Utc
        .with_ymd_and_hms(2024, 4, 24, 9, 0, 0)
        .single()
        .expect("a valid time");
    let app = App::open_with_clock(&path, Arc::new(On(day))).expect("a new library opens");
    app.load_demo_articles().expect("the demo articles load");
    let newest = app
        .list_articles(&newsdesk_model::ArticleFilter::default())
        .expect("the list")[0]
        .id;
    app.trash_article(newest)
        .expect("the newest (23 April) goes to the trash");

    let overview = app.overview().expect("the overview is counted");
    assert_eq!(
        overview.articles, 5,
        "the trash is not counted: {overview:?}"
    );
    assert_eq!(
        overview.week_starts.first().map(String::as_str),
        Some("2024-02-05"),
        "twelve weeks back from the week of 22 April start on 5 February"
    );
    assert_eq!(
        overview.week_starts.last().map(String::as_str),
        Some("2024-04-22")
    );
    let in_weeks: i64 = overview.weeks.iter().map(|w| w.count).sum();
    assert_eq!(
        in_weeks, 4,
        "the four articles of the last twelve weeks outside the trash, not the one of 2018: {:?}",
        overview.weeks
    );
    assert!(
        overview
            .weeks
            .iter()
            .any(|w| w.week == "2024-04-15" && w.count == 1)
            && !overview.weeks.iter().any(|w| w.week == "2024-04-22"),
        "18 April (a Thursday) counts in the week of Monday 15 April; the trashed one of \
         22 April's week does not count: {:?}",
        overview.weeks
    );
    assert!(
        overview
            .weeks
            .iter()
            .all(|w| w.week.as_str() >= "2024-02-05"),
        "twelve weeks back from the week of 22 April start on 5 February: {:?}",
        overview.weeks
    );
    assert!(
        !overview.tags.iter().any(|t| t.name == "Hartmut Schubert"),
        "the 2018 article's tags are older than 90 days: {:?}",
        overview.tags
    );
    assert!(
        overview.tags.windows(2).all(|w| w[0].count >= w[1].count),
        "most used first: {:?}",
        overview.tags
    );
    assert!(overview.expiring.is_empty() && overview.sources.is_empty());
}
