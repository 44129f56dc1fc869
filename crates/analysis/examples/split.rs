//! How the shipped lexicon splits words, to check a lexicon change by eye:
//! `cargo run -p newsdesk-analysis --example split -- Landesregierung Schubert`
fn main() {
    let lexicon = newsdesk_analysis::Lexicon::german();
    for word in std::env::args().skip(1) {
        let parts: Vec<String> = lexicon
            .split_compound(&word)
            .iter()
            .map(|p| format!("{}[{}+{}]", p.span.of(&word), p.base, p.linking))
            .collect();
        println!(
            "{word}: {} (f={})",
            parts.join(" | "),
            lexicon.frequency(&word)
        );
    }
}
