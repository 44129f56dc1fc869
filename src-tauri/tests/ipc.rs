//! The commands through Tauri's real IPC layer and the app's real capabilities, on Tauri's mock
//! runtime: no display, milliseconds per call. The library is a real SQLite file.

use newsdesk_api::App;
use serde_json::{Value, json};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{WebviewWindow, WebviewWindowBuilder};
use tempfile::TempDir;

const SEED_TITLE: &str = "Zweites Digitalisierungskabinett";

/// The app on a new library with the demo articles, and its main window.
struct Fixture {
    _dir: TempDir,
    _app: tauri::App<MockRuntime>,
    window: WebviewWindow<MockRuntime>,
}

fn app_with_demo_articles() -> Fixture {
    let dir = tempfile::tempdir().expect("a temporary directory for the library");
    let library = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    library
        .load_demo_articles()
        .expect("the demo articles shipped in assets/ load");
    app_on(dir, newsdesk_app::commands::Library::open(library))
}

fn app_on(dir: TempDir, library: newsdesk_app::commands::Library) -> Fixture {
    let app = newsdesk_app::with_library_state(mock_builder(), library)
        .build(newsdesk_app::context())
        .expect("the app builds on the mock runtime");
    // The mock runtime has no event loop to open the configured windows; open the main one.
    let config = app.config().app.windows.first().cloned();
    let config = config.expect("tauri.conf.json declares the main window");
    let window = WebviewWindowBuilder::from_config(app.handle(), &config)
        .and_then(|builder| builder.build())
        .expect("the main window opens on the mock runtime");
    assert_eq!(
        window.label(),
        "main",
        "the capabilities grant the window labelled main"
    );
    Fixture {
        _dir: dir,
        _app: app,
        window,
    }
}

/// Invokes `cmd` as the UI does (from the app's own origin) and returns the JSON answer.
fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    let request = InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: "tauri://localhost".parse().expect("a valid URL"),
        body: InvokeBody::Json(args),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    };
    get_ipc_response(window, request).map(|body| {
        body.deserialize::<Value>()
            .expect("every command answers JSON")
    })
}

#[test]
fn the_list_shows_the_demo_articles_with_the_seed_article() {
    let fx = app_with_demo_articles();
    let list = invoke(&fx.window, "list_articles", json!({ "filter": {} }))
        .expect("list_articles answers");
    let titles: Vec<&str> = list
        .as_array()
        .expect("a JSON list")
        .iter()
        .filter_map(|row| row["title"].as_str())
        .collect();
    assert_eq!(titles.len(), 6, "the six demo articles: {titles:?}");
    assert!(
        titles.contains(&SEED_TITLE),
        "the seed article is listed: {titles:?}"
    );
}

#[test]
fn an_article_opens_and_its_body_renders_to_html() {
    let fx = app_with_demo_articles();
    let list = invoke(&fx.window, "list_articles", json!({ "filter": {} })).expect("a list");
    let seed = list
        .as_array()
        .and_then(|rows| rows.iter().find(|row| row["title"] == SEED_TITLE))
        .expect("the seed article is listed");
    let article = invoke(&fx.window, "get_article", json!({ "id": seed["id"] }))
        .expect("get_article answers");
    assert_eq!(
        article["kicker"], "Thüringen",
        "front-matter fields cross the IPC"
    );
    let html = invoke(
        &fx.window,
        "render_markdown",
        json!({ "markdown": article["body"] }),
    )
    .expect("render_markdown answers");
    let html = html.as_str().expect("HTML as a string");
    assert!(html.contains("<blockquote>"), "the quote renders: {html}");
}

#[test]
fn the_preview_never_passes_scripts_to_the_webview() {
    let fx = app_with_demo_articles();
    let html = invoke(
        &fx.window,
        "render_markdown",
        json!({ "markdown": "Hallo <script>alert(1)</script> <img src=x onerror=alert(2)>" }),
    )
    .expect("render_markdown answers");
    let html = html.as_str().expect("HTML as a string");
    assert!(
        !html.contains("<script") && !html.contains("onerror"),
        "the core sanitises the preview: {html}"
    );
}

#[test]
fn search_history_and_library_info_answer() {
    let fx = app_with_demo_articles();
    let hits = invoke(
        &fx.window,
        "search_articles",
        json!({ "query": "digitalisierung", "limit": 10 }),
    )
    .expect("search_articles answers");
    assert!(
        !hits.as_array().expect("a JSON list").is_empty(),
        "'digitalisierung' is in the demo articles"
    );
    let id = hits[0]["id"].clone();
    let history = invoke(&fx.window, "article_history", json!({ "id": id }))
        .expect("article_history answers");
    assert!(
        !history.as_array().expect("a JSON list").is_empty(),
        "an imported article has its first revision"
    );
    let info = invoke(&fx.window, "library_info", json!({})).expect("library_info answers");
    assert_eq!(
        info["articles"], 6,
        "library_info counts the demo articles: {info}"
    );
}

#[test]
fn a_missing_article_is_a_user_error_with_a_code() {
    let fx = app_with_demo_articles();
    let error = invoke(&fx.window, "get_article", json!({ "id": 999_999 }))
        .expect_err("there is no article 999999");
    assert_eq!(
        error["code"], "not_found",
        "the UI branches on the code: {error}"
    );
    assert!(
        error["message"].as_str().is_some_and(|m| !m.is_empty()),
        "the UI shows the message: {error}"
    );
}

#[test]
fn the_window_may_do_nothing_the_capabilities_do_not_grant() {
    let fx = app_with_demo_articles();
    // Closing the window from script, or any plugin, is not granted to the main window.
    for cmd in [
        "plugin:window|close",
        "plugin:webview|print",
        "plugin:path|resolve_directory",
    ] {
        let refused = invoke(&fx.window, cmd, json!({}));
        assert!(refused.is_err(), "{cmd} must be refused, got {refused:?}");
    }
    // The app's own commands are granted one by one; one that is not declared is refused too.
    let unknown = invoke(&fx.window, "drop_library", json!({}));
    assert!(
        unknown.is_err(),
        "an undeclared command is refused: {unknown:?}"
    );
}

#[test]
fn a_library_that_failed_to_open_is_said_in_the_window() {
    let dir = tempfile::tempdir().expect("dir");
    let problem = newsdesk_model::UserError::english(
        newsdesk_model::ErrorCode::NewerLibrary,
        "Newsdesk cannot open the library /x/library.sqlite: written by a newer version",
    );
    let fx = app_on(
        dir,
        newsdesk_app::commands::Library::failed(problem.clone(), "/x/library.sqlite".into()),
    );
    let answer = invoke(&fx.window, "library_info", json!({}))
        .expect_err("no library: the first call the UI makes fails with the reason");
    assert_eq!(answer["code"], "newer_library", "{answer}");
    assert_eq!(answer["message"], problem.message.as_str(), "{answer}");
}

#[test]
fn a_library_that_does_not_open_is_restored_from_the_window_and_the_window_goes_on() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("library.sqlite");
    let backups = dir.path().join("backups");
    std::fs::create_dir_all(&backups).expect("backup folder");
    let backup = backups.join("newsdesk-20261207-101500.sqlite");
    {
        let library = App::open(&path).expect("a new library opens");
        library.load_demo_articles().expect("demo articles");
        library.backup_library(&backup).expect("backup");
    }
    // The library's first pages overwritten: it no longer opens.
    let mut bytes = std::fs::read(&path).expect("library file");
    bytes[..8192].fill(0);
    std::fs::write(&path, &bytes).expect("damage");
    let problem = match App::open(&path) {
        Ok(_) => panic!("the damaged library must not open, or this test proves nothing"),
        Err(error) => newsdesk_model::UserError::from(error),
    };
    let fx = app_on(
        tempfile::tempdir().expect("dir"),
        newsdesk_app::commands::Library::failed(problem, path.clone()),
    );
    let asked = invoke(&fx.window, "library_problem", json!({})).expect("library_problem");
    assert_eq!(
        asked["backups"][0]["path"],
        backup.to_string_lossy().as_ref(),
        "the recovery page offers the backup beside the library: {asked}"
    );
    let kept = invoke(
        &fx.window,
        "restore_unopened",
        json!({"path": backup.to_string_lossy()}),
    )
    .expect("the backup restores");
    assert!(
        std::path::Path::new(kept.as_str().unwrap_or_default()).is_file(),
        "the file that did not open is kept: {kept}"
    );
    let info = invoke(&fx.window, "library_info", json!({})).expect("the library is open now");
    assert!(
        info["articles"].as_u64().unwrap_or(0) > 0,
        "the restored library holds the demo articles: {info}"
    );
    assert_eq!(
        invoke(&fx.window, "library_problem", json!({})).expect("asked again"),
        Value::Null,
        "no problem once the library is open"
    );
}

/// The places a command is named — its source, the handler list, the UI's wrapper (both made
/// from the source by build.rs), the capability that grants it (written by hand, reviewed) —
/// must agree (DEVELOPMENT.md, "Adding a command").
#[test]
fn every_command_is_registered_granted_and_wrapped() {
    let commands = newsdesk_app::commands::NAMES;
    assert!(commands.len() >= 20, "{commands:?}");
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let capability: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("capabilities/main.json")).expect("capability"),
    )
    .expect("capability JSON");
    let granted: Vec<String> = capability["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|p| p.replace('-', "_"))
        .collect();
    let wrappers = std::fs::read_to_string(root.join(GENERATED_WRAPPERS))
        .expect("ui/src/lib/ipc/commands.generated.ts");
    let fx = app_with_demo_articles();
    for name in commands {
        assert!(
            granted.iter().any(|g| g == name),
            "{name} is not granted in capabilities/main.json"
        );
        assert!(
            wrappers.contains(&format!("call('{name}',")),
            "{name} has no wrapper in {GENERATED_WRAPPERS}"
        );
        if let Err(answer) = invoke(&fx.window, name, json!({})) {
            let text = answer.to_string();
            assert!(
                !text.contains("not found") && !text.contains("not allowed"),
                "{name} is not reachable through generate_handler!: {text}"
            );
        }
    }
    for name in &granted {
        assert!(
            commands.contains(&name.as_str()),
            "capabilities grant {name}, which does not exist"
        );
    }
}

/// The UI's typed wrappers, as committed, from `src-tauri/`.
const GENERATED_WRAPPERS: &str = "../ui/src/lib/ipc/commands.generated.ts";

/// The committed wrappers are what build.rs makes from the commands now;
/// `UPDATE_BINDINGS=1` writes them (as for `bindings.ts`).
#[test]
fn committed_generated_command_wrappers_are_current() {
    let generated = include_str!(concat!(env!("OUT_DIR"), "/commands.ts"));
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(GENERATED_WRAPPERS);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, generated).expect("the generated wrappers are writable");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{GENERATED_WRAPPERS} is out of date with src/commands/; run UPDATE_BINDINGS=1 cargo \
         test --workspace --features newsdesk-app/custom-protocol --test ipc generated and commit \
         the result"
    );
}

#[test]
fn the_live_readiness_knows_when_a_library_pictures_license_ended() {
    let dir = tempfile::tempdir().expect("dir");
    let library = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    let picture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../crates/media/tests/fixtures/made/iim-utf8.jpg");
    let report = library.import_images(&[picture]).expect("import");
    let image = report.imported[0].image.clone();
    let patch = newsdesk_model::ImagePatch {
        expires: Some("2001-02-03".into()),
        ..Default::default()
    };
    library.patch_images(&[image.id], &patch).expect("expiry");
    let fx = app_on(dir, newsdesk_app::commands::Library::open(library));
    let content = json!({
        "title": "Landtag tagt",
        "images": [{
            "file": format!("sha256:{}", image.hash),
            "credit": "Thüringer Staatskanzlei",
            "alt": "Plenarsaal",
        }],
    });
    let problems = invoke(&fx.window, "check_content", json!({ "content": content }))
        .expect("check_content answers");
    let codes: Vec<&str> = problems
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|p| p["code"].as_str())
        .collect();
    assert!(
        codes.contains(&"license_expired"),
        "the editor's live list must show what blocks 'ready': {problems}"
    );
}

#[test]
fn tag_suggestions_answer_for_an_unsaved_draft_and_a_rejection_is_remembered() {
    let fx = app_with_demo_articles();
    let hits = invoke(
        &fx.window,
        "search_articles",
        json!({ "query": "Düsseldorf", "limit": 1 }),
    )
    .expect("search_articles answers");
    let id = hits[0]["id"].clone();
    let article = invoke(&fx.window, "get_article", json!({ "id": id })).expect("get_article");
    // The draft as the editor holds it (the article's own fields; the UI sends them whole).
    let mut content = article.clone();
    for key in [
        "id",
        "status",
        "revision",
        "created_at",
        "updated_at",
        "trashed_at",
    ] {
        content.as_object_mut().expect("an object").remove(key);
    }
    let ask = |content: &serde_json::Value| {
        invoke(
            &fx.window,
            "suggest_tags",
            json!({ "content": content, "id": id, "k": 10 }),
        )
        .expect("suggest_tags answers")
    };
    let first = ask(&content);
    let list = first.as_array().expect("a JSON list");
    assert!(
        list.iter()
            .any(|s| s["tag"] == "Düsseldorf"
                && s["reasons"].as_array().is_some_and(|r| !r.is_empty())),
        "the kicker's city comes with its reasons: {first}"
    );
    invoke(
        &fx.window,
        "decide_tags",
        json!({ "articleId": id, "imageId": null, "tags": ["Düsseldorf"], "verdict": "rejected" }),
    )
    .expect("decide_tags answers");
    let again = ask(&content);
    assert!(
        again
            .as_array()
            .is_some_and(|l| l.iter().all(|s| s["tag"] != "Düsseldorf")),
        "a rejected suggestion stays away for that article: {again}"
    );
}

#[test]
fn the_print_version_is_made_by_the_app_binary_as_its_template_process() {
    // The app's own binary serves the templates, as when the window exports: its `main`
    // answers the hidden argument before any window or toolkit starts.
    newsdesk_api::use_template_runner(env!("CARGO_BIN_EXE_newsdesk-app"));
    let fixture = app_with_demo_articles();
    let list = invoke(&fixture.window, "list_articles", json!({ "filter": {} }))
        .expect("the list answers");
    let id = list
        .as_array()
        .and_then(|articles| articles.iter().find(|a| a["title"] == SEED_TITLE))
        .and_then(|a| a["id"].as_i64())
        .unwrap_or_else(|| panic!("the seed article is listed: {list}"));
    let dir = tempfile::tempdir().expect("a folder for the file");
    let target = dir.path().join("seed.pdf");
    let exported = invoke(
        &fixture.window,
        "export_article",
        json!({
            "id": id,
            "format": "pdf",
            "path": target.to_str().expect("a UTF-8 path"),
            "replace": false,
        }),
    );
    assert!(exported.is_ok(), "the PDF is made: {exported:?}");
    let bytes = std::fs::read(&target).expect("the PDF is written");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF");
}

#[test]
fn the_credit_line_preview_is_the_librarys_format_made_by_the_core() {
    let dir = tempfile::tempdir().expect("a temporary directory for the library");
    let library = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    library
        .set_credit_format("{credit}[ / Foto: {creator}]")
        .expect("the library's format is set (the CLI's image credit-format)");
    let fx = app_on(dir, newsdesk_app::commands::Library::open(library));
    let fields = json!([
        { "credit": "dpa", "creator": "Anna Muster", "source": null, "copyright": null },
        { "credit": " ", "creator": null, "source": "Pixabay", "copyright": null },
        { "credit": null, "creator": null, "source": null, "copyright": null }
    ]);
    let lines = invoke(&fx.window, "credit_lines", json!({ "fields": fields }))
        .expect("credit_lines answers");
    assert_eq!(
        lines,
        json!(["dpa / Foto: Anna Muster", "", ""]),
        "the preview follows the library's own format, as the saved line will: the \
         photographer in brackets only with a credit; no credit, no line"
    );
}

#[test]
fn the_credit_format_preview_shows_an_unsaved_format_and_refuses_a_broken_one() {
    let fx = app_with_demo_articles();
    let preview = invoke(
        &fx.window,
        "credit_format_preview",
        json!({ "format": "Foto: {creator|credit}" }),
    )
    .expect("credit_format_preview answers for a format not yet saved");
    let lines = preview.as_array().cloned().unwrap_or_default();
    assert_eq!(
        lines.first().map(|l| l["line"].clone()),
        Some(json!("Foto: Anna Muster")),
        "a library without pictures is shown an example, made by the core: {preview}"
    );
    let refused = invoke(
        &fx.window,
        "credit_format_preview",
        json!({ "format": "{credit" }),
    )
    .expect_err("a format with an open brace is refused in words");
    assert_eq!(refused["code"], "invalid_input", "{refused}");
    let stored = invoke(&fx.window, "settings", json!({})).expect("settings answers");
    assert!(
        stored.as_array().is_some_and(|all| all
            .iter()
            .any(|s| s["key"] == "credit_format" && s["value"] == s["default"])),
        "a preview stores nothing: {stored}"
    );
}

#[test]
fn the_editors_counts_use_the_librarys_teaser_length() {
    let dir = tempfile::tempdir().expect("a temporary directory for the library");
    let library = App::open(&dir.path().join("library.sqlite")).expect("a new library opens");
    library
        .set_setting("teaser_max_chars", "80")
        .expect("the newsroom's teaser length is set (settings set)");
    let fx = app_on(dir, newsdesk_app::commands::Library::open(library));
    let content = json!({ "title": "T", "teaser": "Kurz.", "body": "Ein Satz." });
    let stats = invoke(&fx.window, "content_stats", json!({ "content": content }))
        .expect("content_stats answers for unsaved content");
    assert_eq!(
        stats["teaser_limit"],
        json!(80),
        "the live counts show the library's own length, as the readiness check uses it"
    );
}

#[test]
fn a_setting_changed_in_the_window_is_kept_in_the_library() {
    let fx = app_with_demo_articles();
    let set = invoke(
        &fx.window,
        "set_setting",
        json!({ "key": "language", "value": "en" }),
    )
    .expect("set_setting answers");
    assert_eq!(set["value"], "en");
    let all = invoke(&fx.window, "settings", json!({})).expect("settings answers");
    let language = all
        .as_array()
        .and_then(|list| list.iter().find(|s| s["key"] == "language"))
        .cloned()
        .expect("language is among the settings");
    assert_eq!(language["value"], "en", "read back from the library");
    let refused = invoke(
        &fx.window,
        "set_setting",
        json!({ "key": "language", "value": "xx" }),
    )
    .expect_err("a language the window does not have is refused");
    assert_eq!(refused["code"], "invalid_input", "{refused}");
}

#[test]
fn about_answers_the_version_the_license_and_the_notices_compiled_in() {
    let fx = app_with_demo_articles();
    let about = invoke(&fx.window, "about", json!({})).expect("about answers");
    assert_eq!(about["version"], env!("CARGO_PKG_VERSION"));
    let text = |field: &str| about[field].as_str().unwrap_or_default().to_string();
    assert!(
        text("license").starts_with("MIT License"),
        "{}",
        text("license")
    );
    let notices = text("notices");
    assert!(
        notices.contains("Rust crates in newsdesk-app and newsdesk")
            && notices.contains("\n  tauri ")
            && notices.contains("npm packages in the window's code")
            && notices.contains("\n  @codemirror/view "),
        "the notices name the crates and npm packages: {}",
        &notices[..notices.len().min(500)]
    );
}
