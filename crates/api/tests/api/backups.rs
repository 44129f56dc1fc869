//! Backups on a schedule, kept to the number the settings ask for, restored from the list —
//! on a real library file, with a clock the test moves.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, TimeZone, Utc};
use newsdesk_api::{App, Clock};
use newsdesk_model::ArticleFilter;

/// A clock the test sets.
struct Moving(Mutex<DateTime<Utc>>);
impl Clock for Moving {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("the clock's lock")
    }
}
impl Moving {
    fn advance(&self, by: Duration) {
        let mut now = self.0.lock().expect("the clock's lock");
        *now += by;
    }
}

fn library() -> (tempfile::TempDir, App, Arc<Moving>) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let clock = Arc::new(Moving(Mutex::new(
        Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0)
            .single()
            .expect("a valid time"),
    )));
    let app = App::open_with_clock(&dir.path().join("library.sqlite"), clock.clone())
        .expect("a new library opens");
    app.load_demo_articles().expect("the demo articles load");
    (dir, app, clock)
}

#[test]
fn a_daily_schedule_backs_up_once_a_day_and_keeps_the_newest() {
    let (dir, app, clock) = library();
    app.set_setting("backup_keep", "2").expect("keep two");
    let first = app.run_due_backup().expect("the first round runs");
    let made = first.made.expect("no backup yet: one is due at once");
    assert!(
        made.path
            .starts_with(&dir.path().join("backups").to_string_lossy().into_owned()),
        "by default backups go to backups/ beside the library: {}",
        made.path
    );
    clock.advance(Duration::hours(23));
    assert!(
        app.run_due_backup().expect("a round runs").made.is_none(),
        "23 hours later a daily backup is not due yet"
    );
    for _ in 0..3 {
        clock.advance(Duration::hours(25));
        assert!(app.run_due_backup().expect("a round runs").made.is_some());
    }
    let kept = app.backups().expect("the backups are listed");
    assert_eq!(kept.len(), 2, "backup_keep=2 keeps two: {kept:?}");
    assert!(kept[0].made_at > kept[1].made_at, "newest first: {kept:?}");
    assert!(
        !std::path::Path::new(&made.path).exists()
            && !std::path::Path::new(&made.path)
                .with_extension("media")
                .exists(),
        "the oldest backup went with its pictures"
    );
    app.set_setting("backup_schedule", "off").expect("off");
    clock.advance(Duration::days(30));
    assert!(
        app.run_due_backup().expect("a round runs").made.is_none(),
        "switched off, nothing is made"
    );
}

#[test]
fn a_backup_from_the_list_restores_what_was_lost() {
    let (_dir, app, _clock) = library();
    let all = ArticleFilter::default();
    let before = app.list_articles(&all).expect("the list").len();
    let round = app.backup_now().expect("a backup by hand");
    let backup = round.made.expect("backup_now always makes one");
    let first = app.list_articles(&all).expect("the list")[0].id;
    app.trash_article(first).expect("trashed");
    app.empty_trash().expect("emptied: the article is gone");
    assert_eq!(app.list_articles(&all).expect("the list").len(), before - 1);
    let safety = app
        .restore_library(std::path::Path::new(&backup.path))
        .expect("the backup is checked and restored");
    assert!(
        safety.is_file(),
        "the replaced library is kept as a safety copy"
    );
    assert_eq!(
        app.list_articles(&all).expect("the list").len(),
        before,
        "the article lost after the backup is back"
    );
}

#[test]
fn only_files_newsdesk_named_are_listed_or_removed() {
    let (dir, app, _clock) = library();
    let folder = dir.path().join("own-backups");
    std::fs::create_dir_all(&folder).expect("a folder");
    std::fs::write(folder.join("notes.sqlite"), b"not ours").expect("a file of the user's");
    app.set_setting("backup_folder", &folder.to_string_lossy())
        .expect("a full path is taken");
    app.set_setting("backup_keep", "1").expect("keep one");
    app.backup_now().expect("one");
    app.backup_now().expect("two, within the same second");
    assert_eq!(app.backups().expect("listed").len(), 1, "keep=1");
    assert!(
        folder.join("notes.sqlite").is_file(),
        "a file Newsdesk did not name is never removed"
    );
}
