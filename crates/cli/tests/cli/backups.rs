//! `db backup` appears under its name only whole (library and pictures), also when the disk
//! runs out of space while it copies the pictures; `db restore` refuses a backup that lacks
//! pictures its library names.

use std::path::{Path, PathBuf};

use crate::tmpfs::{Tmpfs, files_under, pictures};
use crate::{json, nd, ok, samples};

fn text(path: &Path) -> &str {
    path.to_str().expect("utf-8 paths")
}

/// A library with the sample articles and 26 pictures (some 300 KB each), one of them in an
/// article; returns (its folder, the library).
fn library_with_26_pictures() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("lib.sqlite");
    ok(&db, &["article", "import", text(&samples())]);
    let files = pictures(&dir.path().join("fotos"), 26, 800, 600);
    ok(&db, &["image", "import", text(&dir.path().join("fotos"))]);
    assert_eq!(files.len(), 26);
    (dir, db)
}

fn originals(media: &Path) -> usize {
    files_under(&media.join("originals")).len()
}

#[test]
fn a_backup_that_runs_out_of_space_while_copying_pictures_leaves_nothing_under_its_name() {
    let (_dir, db) = library_with_26_pictures();
    let library_bytes = std::fs::metadata(&db).expect("library").len();
    let media_bytes: u64 = files_under(&db.with_extension("media"))
        .iter()
        .map(|f| std::fs::metadata(db.with_extension("media").join(f)).map_or(0, |m| m.len()))
        .sum();
    // Room for the library file and some of the pictures, not all of them.
    let size = library_bytes + media_bytes / 3;
    let disk = Tmpfs::mount(&format!("{}k", size / 1024));
    let backup = disk.path().join("backup.sqlite");
    let out = nd(&db, &["db", "backup", text(&backup)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "the pictures do not fit");
    assert!(stderr.contains("disk full"), "says disk full: {stderr}");
    assert!(
        stderr.contains(&disk.path().display().to_string()),
        "names the folder: {stderr}"
    );
    assert!(!backup.exists(), "no library file under the backup's name");
    assert!(
        !backup.with_extension("media").exists(),
        "no pictures folder under the backup's name"
    );
    assert_eq!(
        files_under(disk.path()),
        Vec::<String>::new(),
        "nothing of the failed backup stays"
    );
    // Restoring what is not there is refused, of course; the library is unchanged.
    assert!(!nd(&db, &["db", "restore", text(&backup)]).status.success());
    ok(&db, &["db", "check"]);
}

#[test]
fn a_whole_backup_restores_with_every_picture_into_a_new_library() {
    let (dir, db) = library_with_26_pictures();
    let disk = Tmpfs::mount("64m");
    let backup = disk.path().join("backup.sqlite");
    ok(&db, &["db", "backup", text(&backup)]);
    assert_eq!(
        originals(&backup.with_extension("media")),
        26,
        "all pictures"
    );
    assert!(
        !files_under(disk.path())
            .iter()
            .any(|f| f.contains(".part") || f.starts_with('.')),
        "no temporary names stay: {:?}",
        files_under(disk.path())
    );
    // A new machine: a new library, without the pictures.
    let other = dir.path().join("other/lib.sqlite");
    ok(&other, &["article", "new", "--title", "Platzhalter"]);
    ok(&other, &["db", "restore", text(&backup)]);
    assert_eq!(originals(&other.with_extension("media")), 26);
    let listed = json(&other, &["image", "list", "--json"]);
    let ids: Vec<String> = listed
        .as_array()
        .expect("list")
        .iter()
        .map(|i| i["id"].to_string())
        .collect();
    assert_eq!(ids.len(), 26);
    for id in ids {
        let out = dir.path().join(format!("out-{id}.jpg"));
        ok(&other, &["image", "export", &id, "-o", text(&out)]);
    }
    ok(&other, &["db", "check"]);
}

#[test]
fn a_restore_refuses_a_backup_that_lacks_pictures_and_names_them() {
    let (dir, db) = library_with_26_pictures();
    let backup = dir.path().join("backup.sqlite");
    ok(&db, &["db", "backup", text(&backup)]);
    // What an earlier Newsdesk left when the disk was full: the library file whole, one
    // picture of 26.
    let media = backup.with_extension("media");
    let mut kept = false;
    for file in files_under(&media.join("originals")) {
        if kept {
            std::fs::remove_file(media.join("originals").join(file)).expect("removed");
        }
        kept = true;
    }
    let other = dir.path().join("other/lib.sqlite");
    ok(&other, &["article", "new", "--title", "Platzhalter"]);
    let out = nd(&other, &["db", "restore", text(&backup)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "refused: {stderr}");
    assert!(
        stderr.contains("25 of the 26 pictures"),
        "counts them: {stderr}"
    );
    assert!(stderr.contains("foto-"), "names some of them: {stderr}");
    assert!(
        stderr.contains("and 20 more"),
        "names five, counts the rest: {stderr}"
    );
    let titles: Vec<String> = json(&other, &["article", "list", "--json"])
        .as_array()
        .expect("list")
        .iter()
        .map(|a| a["title"].as_str().expect("title").to_string())
        .collect();
    assert_eq!(titles, ["Platzhalter"], "nothing was restored");
    assert!(
        files_under(&other.with_extension("media")).is_empty(),
        "no picture was added either"
    );
    // Into the library that has the pictures itself, the same backup restores.
    ok(&db, &["db", "restore", text(&backup)]);
    ok(&db, &["db", "check"]);
}

#[test]
fn a_backup_never_takes_the_name_of_an_existing_pictures_folder() {
    let (dir, db) = library_with_26_pictures();
    let backup = dir.path().join("backup.sqlite");
    std::fs::create_dir_all(backup.with_extension("media")).expect("someone's folder");
    let out = nd(&db, &["db", "backup", text(&backup)]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("exists already"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!backup.exists());
}

#[test]
fn a_library_that_no_longer_opens_is_restored_with_its_pictures_and_kept_aside() {
    let (dir, db) = library_with_26_pictures();
    let backup = dir.path().join("backup.sqlite");
    ok(&db, &["db", "backup", text(&backup)]);
    let titles = json(&db, &["article", "list", "--json"]);
    // The library file overwritten and its pictures lost with the disk it was on.
    std::fs::write(&db, vec![0x42u8; 64 * 1024]).expect("overwrite");
    std::fs::remove_dir_all(db.with_extension("media")).expect("pictures gone");
    let refused = nd(&db, &["article", "list"]);
    assert!(
        !refused.status.success(),
        "the damaged library must not open"
    );

    let said = ok(&db, &["db", "restore", text(&backup)]);
    assert!(
        said.contains("did not open"),
        "says why it restored this way: {said}"
    );
    assert_eq!(
        json(&db, &["article", "list", "--json"]),
        titles,
        "the restored library lists what the backup held"
    );
    assert_eq!(
        originals(&db.with_extension("media")),
        26,
        "the pictures came back"
    );
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(
        kept.len(),
        1,
        "the file that did not open is kept: {kept:?}"
    );
    ok(&db, &["db", "check"]);
}
