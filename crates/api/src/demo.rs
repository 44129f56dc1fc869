//! The demo articles shipped in `assets/demo-articles`: the portal's real page and its teasers.

macro_rules! demo {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../../../assets/demo-articles/", $name)),
        )
    };
}

/// (file name, text) of every demo article.
pub(crate) const ARTICLES: [(&str, &str); 6] = [
    demo!("2018-12-13-thueringen-zweites-digitalisierungskabinett.md"),
    demo!("2024-03-28-ozg-2-0-zentralisierung-als-hemmnis-oder-chance.md"),
    demo!("2024-04-03-nkr-one-stop-shop-fuer-sozialleistungen.md"),
    demo!("2024-04-09-chief-digital-officer-maedchen-fuer-alles.md"),
    demo!("2024-04-18-thueringen-e-government-gesetz-wird-novelliert.md"),
    demo!("2024-04-23-duesseldorf-digitalstrategie-neu-ausgerichtet.md"),
];
