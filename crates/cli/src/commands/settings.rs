use newsdesk_api::App;

use crate::Failure;
use crate::args::SettingsCommand;
use crate::output::{self, outln};

pub fn run(app: &App, command: SettingsCommand) -> Result<(), Failure> {
    match command {
        SettingsCommand::List { json } => {
            let settings = app.settings()?;
            if json {
                // [{key, value, default, about}]
                return output::json(&settings);
            }
            let width = settings.iter().map(|s| s.key.len()).max().unwrap_or(0);
            for s in &settings {
                let default = if s.value == s.default {
                    String::new()
                } else {
                    format!("   (default: {})", s.default)
                };
                outln!(
                    "{:width$}  {}{}",
                    s.key,
                    output::clean_line(&s.value),
                    output::clean_line(&default)
                );
            }
            Ok(())
        }
        SettingsCommand::Get { key, json } => {
            let setting = app.setting(&key)?;
            if json {
                output::json(&serde_json::json!({ "key": setting.key, "value": setting.value }))
            } else {
                outln!("{}", output::clean_line(&setting.value));
                Ok(())
            }
        }
        SettingsCommand::Set { key, value } => {
            let setting = app.set_setting(&key, &value)?;
            outln!("{} = {}", setting.key, output::clean_line(&setting.value));
            Ok(())
        }
    }
}
