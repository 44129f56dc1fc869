//! A synthetic library made from the vocabulary of the portal's real articles.
//!
//! Like a real archive, each article is about something: it draws its content words from a
//! topic of its own (40 content words of the samples, picked with their frequency), mixed
//! with the samples' function words (the 80 most frequent words: der, die, und, …). So a
//! content word such as "Digitalisierung" is frequent inside the articles on its topics and
//! absent from the others, instead of standing in every article. Sentences are 8–20 words,
//! bodies 150–450 words; kickers and tags come from the samples' kickers and tags plus
//! capitalised words. Deterministic (fixed seed).

use std::collections::BTreeMap;
use std::path::Path;

/// xorshift64*: deterministic, good enough to pick words.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// Function words: the most frequent words of the samples.
const FUNCTION_WORDS: usize = 80;
/// Content words per article topic.
const TOPIC_WORDS: usize = 40;

pub struct Vocabulary {
    /// Occurrences of the function words: drawing uniformly follows their frequency.
    function: Vec<String>,
    /// Occurrences of every other word.
    content: Vec<String>,
    nouns: Vec<String>,
    kickers: Vec<String>,
    tags: Vec<String>,
}

impl Vocabulary {
    pub fn from_samples(texts: &[String]) -> Vocabulary {
        let mut tokens = Vec::new();
        let mut nouns = BTreeMap::new();
        let mut kickers = Vec::new();
        let mut tags = Vec::new();
        for text in texts {
            for line in text.lines() {
                if let Some(k) = line.strip_prefix("kicker: ") {
                    kickers.push(k.trim().to_string());
                }
                if let Some(t) = line.strip_prefix("tags: ") {
                    tags.extend(
                        t.trim_matches(|c| c == '[' || c == ']')
                            .split(',')
                            .map(|s| s.trim().to_string()),
                    );
                }
            }
            for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
                let word = word.trim_matches('-');
                if word.chars().count() < 2 || word.chars().all(|c| c.is_ascii_digit()) {
                    continue;
                }
                tokens.push(word.to_string());
                if word.chars().next().is_some_and(char::is_uppercase) && word.len() > 4 {
                    nouns.insert(word.to_string(), ());
                }
            }
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for t in &tokens {
            *counts.entry(t.as_str()).or_default() += 1;
        }
        let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let function_set: std::collections::HashSet<&str> = ranked
            .iter()
            .take(FUNCTION_WORDS)
            .map(|(w, _)| *w)
            .collect();
        let (function, content): (Vec<String>, Vec<String>) = tokens
            .iter()
            .cloned()
            .partition(|t| function_set.contains(t.as_str()));
        Vocabulary {
            function,
            content,
            nouns: nouns.into_keys().collect(),
            kickers,
            tags,
        }
    }

    /// The capitalised words of the samples (names for tags).
    #[allow(dead_code)] // the archive benchmark's, not the search benchmark's
    pub fn nouns(&self) -> &[String] {
        &self.nouns
    }

    fn topic(&self, rng: &mut Rng) -> Vec<&str> {
        (0..TOPIC_WORDS)
            .map(|_| self.content[rng.below(self.content.len())].as_str())
            .collect()
    }

    fn words(&self, rng: &mut Rng, topic: &[&str], n: usize) -> String {
        let mut out = String::new();
        for i in 0..n {
            if i > 0 {
                out.push(' ');
            }
            if rng.below(100) < 55 {
                out.push_str(&self.function[rng.below(self.function.len())]);
            } else {
                out.push_str(topic[rng.below(topic.len())]);
            }
        }
        out
    }

    fn sentences(&self, rng: &mut Rng, topic: &[&str], words: usize) -> String {
        let mut out = String::new();
        let mut left = words;
        while left > 0 {
            let n = rng.between(8, 20).min(left);
            let s = self.words(rng, topic, n);
            let mut chars = s.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
            out.push_str(". ");
            left -= n;
        }
        out.trim_end().to_string()
    }

    /// One article file in the interchange format.
    pub fn article(&self, rng: &mut Rng, n: usize) -> String {
        let topic = self.topic(rng);
        let kicker = if rng.below(3) == 0 {
            self.kickers[rng.below(self.kickers.len())].as_str()
        } else {
            self.nouns[rng.below(self.nouns.len())].as_str()
        };
        let n_title = rng.between(3, 6);
        let title = self
            .sentences(rng, &topic, n_title)
            .trim_end_matches('.')
            .to_string();
        let n_teaser = rng.between(25, 40);
        let teaser = self.sentences(rng, &topic, n_teaser);
        let mut tags: Vec<&str> = (0..rng.between(3, 5))
            .map(|_| {
                if rng.below(100) < 15 {
                    self.tags[rng.below(self.tags.len())].as_str()
                } else {
                    let noun = topic[rng.below(topic.len())];
                    if noun.chars().next().is_some_and(char::is_uppercase) {
                        noun
                    } else {
                        self.nouns[rng.below(self.nouns.len())].as_str()
                    }
                }
            })
            .collect();
        tags.dedup();
        let mut body = String::new();
        for _ in 0..rng.between(3, 7) {
            let words = rng.between(40, 80);
            body.push_str(&self.sentences(rng, &topic, words));
            body.push_str("\n\n");
        }
        let day = 1 + n % 28;
        let month = 1 + (n / 28) % 12;
        let year = 2010 + (n / 336) % 16;
        format!(
            "---\nkicker: \"{kicker}\"\ntitle: \"{title} {n}\"\ntype: Meldung\nsection: Politik\n\
             date: {year}-{month:02}-{day:02}\nauthor: ba\nteaser: \"{teaser}\"\ntags: [{}]\n---\n{body}",
            tags.join(", ")
        )
    }
}

/// Writes `count` article files into `dir`, in folders of 1000.
pub fn write_files(vocabulary: &Vocabulary, dir: &Path, count: usize) -> std::io::Result<()> {
    let mut rng = Rng::new(0x6e65_7773_6465_736b);
    for n in 0..count {
        let folder = dir.join(format!("{:03}", n / 1000));
        if n % 1000 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        std::fs::write(
            folder.join(format!("{n:06}.md")),
            vocabulary.article(&mut rng, n),
        )?;
    }
    Ok(())
}

/// The texts of the portal's six sample articles (the demo articles), in file-name order.
pub fn samples() -> Vec<String> {
    let root =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/demo-articles");
    let mut texts: Vec<String> = std::fs::read_dir(&root)
        .expect("demo articles")
        .filter_map(|e| e.ok())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    texts.sort();
    texts
}
