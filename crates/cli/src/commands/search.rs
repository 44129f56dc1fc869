use newsdesk_api::App;

use crate::Failure;
use crate::args::SearchArgs;
use crate::output::{self, outln};

pub fn run(app: &App, args: SearchArgs) -> Result<(), Failure> {
    let hits = app.search(&args.query.join(" "), args.limit)?;
    if args.json {
        return output::json(&hits);
    }
    for hit in hits {
        outln!(
            "{:>6}  {}\n        {}",
            hit.id,
            output::headline(&hit.kicker, &hit.title),
            output::clean_line(&hit.snippet)
        );
    }
    Ok(())
}
