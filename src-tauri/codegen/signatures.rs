//! The app's commands as written: every `#[tauri::command]` in `src/commands/*.rs`, read from
//! the source with its doc comment, parameters and answer type. `build.rs` makes the handler
//! list and the UI's typed wrappers from these, so a command is written once.
//!
//! A command is written `pub async fn name(params) -> CommandResult<Answer> {` (over one or
//! more lines), right below `#[tauri::command]`; anything else is refused in words.

use std::path::Path;

/// One `#[tauri::command]`.
pub struct Command {
    /// Its domain: the file in `src/commands/` it is written in (`articles`).
    pub module: String,
    /// Its name, as the UI invokes it (`save_article`).
    pub name: String,
    /// Its `///` comment, one entry per line, without the slashes.
    pub doc: Vec<String>,
    /// What the UI passes, in order; Tauri's own (`State`, …) left out.
    pub params: Vec<Param>,
    /// The type inside `CommandResult<…>`, as written (`Vec<Image>`).
    pub answer: String,
}

/// One parameter the UI passes.
pub struct Param {
    /// As written in Rust (`expected_revision`).
    pub name: String,
    /// As written in Rust (`Option<i64>`).
    pub ty: String,
}

/// Parameters Tauri fills in itself; the UI never passes them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// Every command in the `*.rs` files of `dir`, by file name, then in source order.
pub fn commands_in(dir: &Path) -> Result<Vec<Command>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut commands = Vec::new();
    for file in files {
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let module = file
            .file_stem()
            .and_then(|s| s.to_str())
            .ok_or_else(|| format!("{}: not a UTF-8 file name", file.display()))?;
        let found = commands_of(module, &text).map_err(|e| format!("{}: {e}", file.display()))?;
        commands.extend(found);
    }
    Ok(commands)
}

/// The commands written in one file's `text`.
pub fn commands_of(module: &str, text: &str) -> Result<Vec<Command>, String> {
    let lines: Vec<&str> = text.lines().collect();
    let mut commands = Vec::new();
    for (at, line) in lines.iter().enumerate() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        let doc = doc_above(&lines[..at]);
        let mut signature = String::new();
        for next in &lines[at + 1..] {
            signature.push_str(next.trim());
            signature.push(' ');
            if next.trim_end().ends_with('{') {
                break;
            }
        }
        let command = parse_signature(module, &signature, doc)
            .map_err(|e| format!("line {}: {e}", at + 2))?;
        commands.push(command);
    }
    Ok(commands)
}

fn doc_above(lines: &[&str]) -> Vec<String> {
    let mut doc: Vec<String> = lines
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("///"))
        .map(|l| l.trim_start_matches("///").trim().to_string())
        .collect();
    doc.reverse();
    doc
}

fn parse_signature(module: &str, signature: &str, doc: Vec<String>) -> Result<Command, String> {
    let shape =
        "a #[tauri::command] is written `pub async fn name(params) -> CommandResult<Answer> {`";
    let rest = signature
        .strip_prefix("pub async fn ")
        .ok_or_else(|| shape.to_string())?;
    let open = rest.find('(').ok_or_else(|| shape.to_string())?;
    let name = rest[..open].trim();
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
    {
        return Err(format!(
            "{shape}; `{name}` is not a snake_case name without generics"
        ));
    }
    let close = closing_paren(rest, open).ok_or_else(|| shape.to_string())?;
    let params = split_top_level(&rest[open + 1..close])
        .into_iter()
        .map(|p| parse_param(&p))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .collect();
    let answer = rest[close + 1..]
        .trim()
        .strip_prefix("->")
        .map(str::trim)
        .and_then(|r| r.strip_suffix('{'))
        .map(str::trim)
        .and_then(|r| r.strip_prefix("CommandResult<"))
        .and_then(|r| r.strip_suffix('>'))
        .ok_or_else(|| format!("{shape}; `{name}` answers something else"))?;
    Ok(Command {
        module: module.to_string(),
        name: name.to_string(),
        doc,
        params,
        answer: answer.trim().to_string(),
    })
}

/// Where the parenthesis opened at `open` closes.
fn closing_paren(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (at, c) in text.char_indices().skip_while(|(i, _)| *i < open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// `text` cut at the commas outside `<>` and `()`, each piece trimmed, empty ones left out.
pub fn split_top_level(text: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut piece = String::new();
    for c in text.chars() {
        match c {
            '<' | '(' => depth += 1,
            '>' | ')' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(std::mem::take(&mut piece));
                continue;
            }
            _ => {}
        }
        piece.push(c);
    }
    pieces.push(piece);
    pieces
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// `name: Type`, or nothing for a parameter Tauri fills in.
fn parse_param(text: &str) -> Result<Option<Param>, String> {
    let (name, ty) = text
        .split_once(':')
        .ok_or_else(|| format!("the parameter `{text}` has no `name: Type`"))?;
    let name = name.trim().trim_start_matches("mut ").trim();
    let ty = ty.trim();
    let head = ty.split('<').next().unwrap_or(ty);
    let bare = head.rsplit("::").next().unwrap_or(head).trim();
    if INJECTED.contains(&bare) {
        return Ok(None);
    }
    Ok(Some(Param {
        name: name.to_string(),
        ty: ty.to_string(),
    }))
}
