use newsdesk_api::App;

use crate::args::SearchArgs;
use crate::{Failure, output};

pub fn run(app: &App, args: SearchArgs) -> Result<(), Failure> {
    let hits = app.search(&args.query.join(" "), args.limit)?;
    if args.json {
        return output::json(&hits);
    }
    for hit in hits {
        println!(
            "{:>6}  {}\n        {}",
            hit.id,
            output::headline(&hit.kicker, &hit.title),
            hit.snippet.replace('\n', " ")
        );
    }
    Ok(())
}
