//! Places and organisations shipped in `assets/analysis/` (see the files' headers for their
//! sources and licenses), matched by their analysed words so that "Thüringer Landesregierung"
//! finds Thüringen and "Landes-CIO" no one.

use newsdesk_analysis::Analyzer;
use rustc_hash::FxHashMap;

const ENTRIES: &str = include_str!("../../../assets/analysis/gazetteer-de.txt");
const KREISE: &str = include_str!("../../../assets/analysis/places-de-kreise.txt");

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Place,
    Organisation,
}

/// A name as a tag and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
}

/// Entities by the analysed terms of each of their forms (one term a word, joined by a space).
#[derive(Debug, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    /// `None` where two entities share a form: it names neither.
    by_terms: FxHashMap<String, Option<usize>>,
    /// The most words any form has.
    longest: usize,
}

impl Gazetteer {
    /// The shipped German gazetteer, its forms analysed by `analyzer`.
    pub fn german(analyzer: &Analyzer) -> Self {
        let mut gazetteer = Self::default();
        for line in lines(ENTRIES) {
            let mut fields = line.split(';').map(str::trim);
            let kind = match fields.next() {
                Some("place") => EntityKind::Place,
                Some("organisation") => EntityKind::Organisation,
                _ => continue,
            };
            let Some(name) = fields.next().filter(|n| !n.is_empty()) else {
                continue;
            };
            let at = gazetteer.push(name, kind);
            gazetteer.add_form(analyzer, name, at);
            for form in fields.filter(|f| !f.is_empty()) {
                gazetteer.add_form(analyzer, form, at);
            }
        }
        let mut short_forms: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for name in lines(KREISE) {
            let at = gazetteer.push(name, EntityKind::Place);
            gazetteer.add_form(analyzer, name, at);
            if let Some(short) = short_form(name) {
                short_forms.entry(short.to_string()).or_default().push(at);
            }
        }
        // "Frankfurt" stands for one entity only where one Kreis has that short form.
        for (short, ats) in short_forms {
            match ats[..] {
                [at] => gazetteer.add_form(analyzer, &short, at),
                _ => gazetteer.forbid(analyzer, &short),
            }
        }
        gazetteer
    }

    fn push(&mut self, name: &str, kind: EntityKind) -> usize {
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
        });
        self.entities.len() - 1
    }

    fn add_form(&mut self, analyzer: &Analyzer, form: &str, at: usize) {
        let terms = crate::keys::word_terms(analyzer, form);
        if terms.is_empty() {
            return;
        }
        self.longest = self.longest.max(terms.len());
        let entry = self.by_terms.entry(terms.join(" ")).or_insert(Some(at));
        if *entry != Some(at) {
            *entry = None;
        }
    }

    /// Makes `form` name no entity (it is ambiguous).
    fn forbid(&mut self, analyzer: &Analyzer, form: &str) {
        let terms: Vec<String> = analyzer.analyze(form).into_iter().map(|t| t.text).collect();
        self.by_terms.insert(terms.join(" "), None);
    }

    /// The entity whose form is exactly these analysed terms.
    pub fn lookup(&self, terms: &[&str]) -> Option<&Entity> {
        self.by_terms
            .get(&terms.join(" "))
            .copied()
            .flatten()
            .and_then(|at| self.entities.get(at))
    }

    /// The most words a form has: longer runs of words need not be looked up.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// How many entities it knows.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Whether it knows none.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// The lines of a list file, without comments and blanks.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// "Frankfurt" of "Frankfurt am Main", "Halle" of "Halle (Saale)".
fn short_form(name: &str) -> Option<&str> {
    [
        " (", " am ", " an der ", " im ", " in der ", " a.d.", " i.d.",
    ]
    .iter()
    .filter_map(|sep| name.find(sep))
    .min()
    .map(|at| name[..at].trim())
    .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn laender_are_found_by_their_adjectives_and_cities_by_short_names() {
        let analyzer = Analyzer::german();
        let gazetteer = Gazetteer::german(&analyzer);
        let find = |text: &str| {
            let terms = crate::keys::word_terms(&analyzer, text);
            let terms: Vec<&str> = terms.iter().map(String::as_str).collect();
            gazetteer.lookup(&terms).map(|e| e.name.clone())
        };
        assert_eq!(find("Thüringer").as_deref(), Some("Thüringen"));
        assert_eq!(find("thüringischen").as_deref(), Some("Thüringen"));
        assert_eq!(find("Düsseldorf").as_deref(), Some("Düsseldorf"));
        assert_eq!(find("Halle").as_deref(), Some("Halle (Saale)"));
        assert_eq!(find("EU").as_deref(), Some("Europäische Union"));
        assert_eq!(find("Frankfurt"), None, "two Kreise are called Frankfurt");
        assert_eq!(
            find("Leer"),
            None,
            "a place that is also a common word is left out"
        );
        assert!(gazetteer.len() > 400);
    }
}
