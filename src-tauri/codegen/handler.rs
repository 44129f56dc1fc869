//! The Rust side made from the commands: their names and the `generate_handler!` list,
//! written to `$OUT_DIR/commands.rs` and included by `src/commands/mod.rs`.

use crate::signatures::Command;

/// The text of `$OUT_DIR/commands.rs`.
pub fn handler_rs(commands: &[Command]) -> String {
    let mut out = String::from(
        "// GENERATED — do not edit. Made by src-tauri/build.rs (codegen/handler.rs) from the\n\
         // #[tauri::command] functions in src-tauri/src/commands/ at every build.\n\n\
         /// Every command the UI may invoke, by name, in the order of `src/commands/`.\n\
         pub const NAMES: &[&str] = &[\n",
    );
    for command in commands {
        out.push_str(&format!("    \"{}\",\n", command.name));
    }
    out.push_str(
        "];\n\n\
         /// `tauri::generate_handler!` over every command in `src/commands/`.\n\
         macro_rules! handler {\n    () => {\n        ::tauri::generate_handler![\n",
    );
    for command in commands {
        out.push_str(&format!(
            "            crate::commands::{}::{},\n",
            command.module, command.name
        ));
    }
    out.push_str("        ]\n    };\n}\npub(crate) use handler;\n");
    out
}
