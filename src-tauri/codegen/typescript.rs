//! The UI side made from the commands: `ui/src/lib/ipc/commands.generated.ts`, one typed
//! wrapper per command and the map of every command's arguments and answer (the fake backend
//! of the UI's tests is typed against it). The types are the ones ts-rs writes into
//! `bindings.ts` from `newsdesk-model`, by the same names.

use std::collections::BTreeSet;

use crate::signatures::{Command, split_top_level};

/// The text of the generated TypeScript module.
pub fn commands_ts(commands: &[Command]) -> Result<String, String> {
    let mut bindings = BTreeSet::new();
    let mut map = String::new();
    let mut wrappers = String::new();
    let mut uses_channel = false;
    let mut module = "";
    for command in commands {
        let context = |e: String| format!("command {}: {e}", command.name);
        let answer = ts_type(&command.answer, &mut bindings).map_err(context)?;
        let mut args = Vec::new(); // what crosses: `name: Type`
        let mut params = Vec::new(); // what the wrapper takes
        let mut values = Vec::new(); // what it sends
        for param in &command.params {
            let key = camel_case(&param.name);
            if let Some(message) = channel_of(&param.ty) {
                uses_channel = true;
                let message = ts_type(message, &mut bindings).map_err(context)?;
                let callback = format!("on{}", pascal_case(&param.name));
                args.push(format!("{key}: Channel<{message}>"));
                params.push(format!("{callback}: (message: {message}) => void"));
                values.push(format!("{key}: channel({callback})"));
            } else {
                let ty = ts_type(&param.ty, &mut bindings).map_err(context)?;
                args.push(format!("{key}: {ty}"));
                params.push(format!("{key}: {ty}"));
                values.push(key);
            }
        }
        let args = braced(&args, "; ", "Record<string, never>");
        map.push_str(&format!(
            "  {}: {{ args: {args}; answer: {answer} }};\n",
            command.name
        ));
        if command.module != module {
            module = &command.module;
            wrappers.push_str(&format!(
                "\n// {module} (src-tauri/src/commands/{module}.rs)\n"
            ));
        }
        wrappers.push('\n');
        wrappers.push_str(&js_doc(&command.doc));
        let values = braced(&values, ", ", "{}");
        wrappers.push_str(&format!(
            "export function {}({}): Promise<{answer}> {{\n  return call('{}', {values});\n}}\n",
            camel_case(&command.name),
            params.join(", "),
            command.name,
        ));
    }
    let mut out = String::from(
        "// GENERATED — do not edit. Made from the #[tauri::command] functions in\n\
         // src-tauri/src/commands/ by src-tauri/codegen/typescript.rs (run by build.rs).\n\
         // Regenerate: UPDATE_BINDINGS=1 cargo test --workspace --features \
         newsdesk-app/custom-protocol --test ipc generated\n",
    );
    if uses_channel {
        out.push_str("import type { Channel } from '@tauri-apps/api/core';\n");
    }
    out.push_str("import type {\n");
    for name in &bindings {
        out.push_str(&format!("  {name},\n"));
    }
    out.push_str("} from './bindings';\n");
    out.push_str(if uses_channel {
        "import { call, channel } from './call';\n"
    } else {
        "import { call } from './call';\n"
    });
    out.push_str(
        "\n/** Every command: what the UI passes (camelCase, as Tauri takes it) and what it answers. */\n\
         export type Commands = {\n",
    );
    out.push_str(&map);
    out.push_str(
        "};\n\nexport type CommandName = keyof Commands;\n\
         export type CommandArgs<C extends CommandName> = Commands[C]['args'];\n\
         export type CommandAnswer<C extends CommandName> = Commands[C]['answer'];\n",
    );
    out.push_str(&wrappers);
    Ok(out)
}

/// `{ a; b }` of `entries` joined by `separator`, or `empty` when there are none.
fn braced(entries: &[String], separator: &str, empty: &str) -> String {
    if entries.is_empty() {
        empty.to_string()
    } else {
        format!("{{ {} }}", entries.join(separator))
    }
}

/// The message type of a `Channel<T>` parameter.
fn channel_of(ty: &str) -> Option<&str> {
    let ty = ty.trim();
    let bare = ty.strip_prefix("tauri::ipc::").unwrap_or(ty);
    bare.strip_prefix("Channel<")?
        .strip_suffix('>')
        .map(str::trim)
}

/// The TypeScript for a Rust type; the names of `bindings.ts` it uses go into `bindings`.
fn ts_type(rust: &str, bindings: &mut BTreeSet<String>) -> Result<String, String> {
    let rust = rust.trim();
    if let Some(inner) = generic_arg(rust, "Vec") {
        let inner = ts_type(inner, bindings)?;
        return Ok(if inner.contains(' ') {
            format!("({inner})[]")
        } else {
            format!("{inner}[]")
        });
    }
    if let Some(inner) = generic_arg(rust, "Option") {
        return Ok(format!("{} | null", ts_type(inner, bindings)?));
    }
    let ts = match rust {
        "()" => "void",
        "bool" => "boolean",
        "String" | "&str" | "PathBuf" | "std::path::PathBuf" => "string",
        "i8" | "i16" | "i32" | "i64" | "isize" | "u8" | "u16" | "u32" | "u64" | "usize" | "f32"
        | "f64" => "number",
        _ => {
            let name = rust.rsplit("::").next().unwrap_or(rust);
            let is_name = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                && name.chars().all(|c| c.is_ascii_alphanumeric());
            if !is_name {
                return Err(format!(
                    "no TypeScript for `{rust}`: use a type of newsdesk-model that ts-rs writes \
                     into bindings.ts, or teach src-tauri/codegen/typescript.rs the new shape"
                ));
            }
            bindings.insert(name.to_string());
            return Ok(name.to_string());
        }
    };
    Ok(ts.to_string())
}

/// `T` of `Outer<T>` (with or without a path before `Outer`).
fn generic_arg<'a>(ty: &'a str, outer: &str) -> Option<&'a str> {
    let open = ty.find('<')?;
    let head = ty[..open].rsplit("::").next()?;
    if head != outer {
        return None;
    }
    let inner = ty[open + 1..].strip_suffix('>')?;
    (split_top_level(inner).len() == 1).then_some(inner)
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = !out.is_empty();
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn pascal_case(snake: &str) -> String {
    let camel = camel_case(snake);
    let mut chars = camel.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

fn js_doc(doc: &[String]) -> String {
    if doc.is_empty() {
        return String::new();
    }
    let lines: Vec<String> = doc.iter().map(|l| l.replace("*/", "* /")).collect();
    if lines.len() == 1 {
        return format!("/** {} */\n", lines[0]);
    }
    let mut out = String::from("/**\n");
    for line in lines {
        if line.is_empty() {
            out.push_str(" *\n");
        } else {
            out.push_str(&format!(" * {line}\n"));
        }
    }
    out.push_str(" */\n");
    out
}
