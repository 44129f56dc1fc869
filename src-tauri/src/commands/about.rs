//! The About dialog: the version of this build, Newsdesk's license and the third-party
//! notices, both compiled in from the repository's root (`LICENSE`, `THIRD-PARTY-NOTICES`).
//! The notices are made by `scripts/package/notices.py generate`; the test below fails when
//! they no longer list exactly the crates and npm packages of this build.

use newsdesk_model::About;

use crate::error::CommandResult;

const LICENSE: &str = include_str!("../../../LICENSE");
const NOTICES: &str = include_str!("../../../THIRD-PARTY-NOTICES");

/// The version, Newsdesk's license and the notices of everything it is built with.
#[tauri::command]
pub async fn about() -> CommandResult<About> {
    Ok(About {
        version: env!("CARGO_PKG_VERSION").to_string(),
        license: LICENSE.to_string(),
        notices: NOTICES.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::process::Command;

    #[test]
    fn the_notices_list_exactly_the_packages_of_this_build() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let check = Command::new("python3")
            .arg(root.join("scripts/package/notices.py"))
            .arg("check")
            .current_dir(&root)
            .output()
            .expect("python3 runs scripts/package/notices.py");
        assert!(
            check.status.success(),
            "{}",
            String::from_utf8_lossy(&check.stderr)
        );
    }

    #[test]
    fn the_compiled_in_files_are_the_license_and_the_notices() {
        assert!(super::LICENSE.starts_with("MIT License"));
        assert!(super::NOTICES.starts_with("THIRD-PARTY NOTICES"));
    }
}
