//! A deterministic scale corpus: N realistic articles recombined from the bench corpus, since no
//! public corpus of 100,000 news articles is at hand.
//!
//! Each article `k` takes the headline and lead paragraph of one source article and one to four
//! further paragraphs of other articles of the same topic, a publication date spread over
//! 2000–2025 and one of [`OUTLETS`]; a pseudo-random generator seeded by `k` chooses all of it,
//! so a given N always gives the same files. No two articles have the same text: a repeated
//! combination is drawn again. Articles are written 1,000 to a JSONL file (`part-00000.jsonl`, …),
//! the layout the compiler reads, so 100,000 articles are 100 files.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

/// Articles per JSONL file.
pub const ARTICLES_PER_FILE: usize = 1_000;

/// Outlet names the articles are attributed to (invented, so that no real outlet is misquoted).
pub const OUTLETS: &[&str] = &[
    "Northern Ledger",
    "Harbour Times",
    "Capital Wire",
    "Evening Courier",
    "Continental Post",
    "Meridian News",
    "Daily Observer",
    "Coastal Herald",
    "Summit Press",
    "Valley Gazette",
    "Frontier Report",
    "Metro Dispatch",
];

/// One article of the source corpus: its topic, headline and paragraphs.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The folder (BBC) or category (AG News) it came from.
    pub topic: String,
    /// The headline.
    pub title: String,
    /// The body, one paragraph an entry.
    pub paragraphs: Vec<String>,
}

/// One generated article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// `scale-<k>`.
    pub id: String,
    /// The headline.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// One of [`OUTLETS`].
    pub source: String,
    /// Paragraphs separated by blank lines.
    pub text: String,
}

/// splitmix64: small, fast and good enough to spread choices; seeded per article.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Reads the bench corpus: `bbc/<topic>/*.txt` (headline, blank line, paragraphs) and
/// `ag_news_test.jsonl` (`category`, `title`, `text` whose first line repeats the title).
pub fn read_sources(folder: &Path) -> Result<Vec<Source>, String> {
    let mut sources = Vec::new();
    let bbc = folder.join("bbc");
    let mut topics = list(&bbc)?;
    topics.retain(|p| p.is_dir());
    for topic in topics {
        let name = topic
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let mut files = list(&topic)?;
        files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        for file in files {
            let text = fs::read(&file).map_err(|err| format!("{}: {err}", file.display()))?;
            let text = String::from_utf8_lossy(&text);
            let mut blocks = text
                .split("\n\n")
                .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|b| !b.is_empty());
            let Some(title) = blocks.next() else { continue };
            let paragraphs: Vec<String> = blocks.collect();
            if !paragraphs.is_empty() {
                sources.push(Source {
                    topic: name.clone(),
                    title,
                    paragraphs,
                });
            }
        }
    }
    let ag = folder.join("ag_news_test.jsonl");
    let text = fs::read_to_string(&ag).map_err(|err| format!("{}: {err}", ag.display()))?;
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value = serde_json::from_str(line)
            .map_err(|err| format!("{}:{}: {err}", ag.display(), n + 1))?;
        let field = |name: &str| {
            value
                .get(name)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .trim()
        };
        let title = field("title").to_string();
        // The text repeats the headline on its first line.
        let body = field("text");
        let body = body.strip_prefix(title.as_str()).unwrap_or(body).trim();
        if title.is_empty() || body.is_empty() {
            continue;
        }
        sources.push(Source {
            topic: format!("ag-{}", field("category")),
            title,
            paragraphs: vec![body.split_whitespace().collect::<Vec<_>>().join(" ")],
        });
    }
    if sources.is_empty() {
        return Err(format!(
            "{}: no articles found (bbc/ and ag_news_test.jsonl)",
            folder.display()
        ));
    }
    Ok(sources)
}

/// The entries of a folder, sorted so the corpus does not depend on the file system's order.
fn list(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let mut entries: Vec<PathBuf> = fs::read_dir(folder)
        .map_err(|err| format!("{}: {err}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

/// Draws of one article before the sources are called too few for `count` distinct texts.
const MAX_DRAWS: usize = 1_000;

/// `count` articles recombined from `sources` (see the module comment); an error when the
/// sources cannot give that many distinct texts.
pub fn generate(sources: &[Source], count: usize) -> Result<Vec<Article>, String> {
    // Articles of each topic, for the further paragraphs.
    let mut topics: Vec<&str> = sources.iter().map(|s| s.topic.as_str()).collect();
    topics.sort_unstable();
    topics.dedup();
    let by_topic: Vec<Vec<usize>> = topics
        .iter()
        .map(|t| {
            (0..sources.len())
                .filter(|&i| sources[i].topic == *t)
                .collect()
        })
        .collect();
    let topic_of = |i: usize| {
        topics
            .binary_search(&sources[i].topic.as_str())
            .unwrap_or(0)
    };
    let mut seen: HashSet<u64> = HashSet::with_capacity(count);
    let mut articles = Vec::with_capacity(count);
    for k in 0..count {
        let mut rng = Rng(k as u64);
        let mut draws = 0;
        let article = loop {
            draws += 1;
            if draws > MAX_DRAWS {
                return Err(format!(
                    "{} source articles give too few distinct combinations for {count} articles",
                    sources.len()
                ));
            }
            let base = rng.below(sources.len());
            let pool = &by_topic[topic_of(base)];
            let mut paragraphs = vec![sources[base].paragraphs[0].clone()];
            for _ in 0..1 + rng.below(4) {
                let other = &sources[pool[rng.below(pool.len())]];
                paragraphs.push(other.paragraphs[rng.below(other.paragraphs.len())].clone());
            }
            let text = paragraphs.join("\n\n");
            if seen.insert(hash(&text)) {
                break (base, text);
            }
        };
        let (base, text) = article;
        // Days since 2000-01-01, within 26 years.
        let date = date_of(rng.below(26 * 365));
        articles.push(Article {
            id: format!("scale-{k:06}"),
            title: sources[base].title.clone(),
            date,
            source: OUTLETS[rng.below(OUTLETS.len())].to_string(),
            text,
        });
    }
    Ok(articles)
}

/// FNV-1a, enough to tell texts apart here.
fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    })
}

/// `YYYY-MM-DD` of `days` after 2000-01-01.
fn date_of(mut days: usize) -> String {
    let mut year = 2000;
    loop {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let length = if leap { 366 } else { 365 };
        if days < length {
            let months = [
                31,
                if leap { 29 } else { 28 },
                31,
                30,
                31,
                30,
                31,
                31,
                30,
                31,
                30,
                31,
            ];
            let mut month = 0;
            while days >= months[month] {
                days -= months[month];
                month += 1;
            }
            return format!("{year}-{:02}-{:02}", month + 1, days + 1);
        }
        days -= length;
        year += 1;
    }
}

/// Writes `articles` into `out` as `part-00000.jsonl`, … ([`ARTICLES_PER_FILE`] a file),
/// replacing what an earlier run left there.
pub fn write(articles: &[Article], out: &Path) -> Result<usize, String> {
    if out.exists() {
        fs::remove_dir_all(out).map_err(|err| format!("{}: {err}", out.display()))?;
    }
    fs::create_dir_all(out).map_err(|err| format!("{}: {err}", out.display()))?;
    let mut files = 0;
    for (n, chunk) in articles.chunks(ARTICLES_PER_FILE).enumerate() {
        let mut text = String::new();
        for a in chunk {
            let line = serde_json::json!({
                "id": a.id, "title": a.title, "date": a.date, "source": a.source, "text": a.text,
            });
            text.push_str(&line.to_string());
            text.push('\n');
        }
        let path = out.join(format!("part-{n:05}.jsonl"));
        fs::write(&path, text).map_err(|err| format!("{}: {err}", path.display()))?;
        files += 1;
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources() -> Vec<Source> {
        let source = |topic: &str, n: usize| Source {
            topic: topic.into(),
            title: format!("{topic} headline {n}"),
            paragraphs: (0..3)
                .map(|p| format!("{topic} article {n} paragraph {p}."))
                .collect(),
        };
        (0..6)
            .map(|n| source("sport", n))
            .chain((0..6).map(|n| source("tech", n)))
            .collect()
    }

    #[test]
    fn the_same_count_gives_the_same_articles_and_no_duplicates() {
        let a = generate(&sources(), 200).unwrap();
        assert_eq!(a, generate(&sources(), 200).unwrap());
        let texts: HashSet<&str> = a.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts.len(), 200);
        // Paragraphs stay within the lead article's topic; dates and outlets vary.
        for x in &a {
            let topic = x.title.split(' ').next().unwrap();
            assert!(x.text.split("\n\n").all(|p| p.starts_with(topic)), "{x:?}");
            assert!(x
                .text
                .starts_with(&x.title.replace(" headline ", " article ")));
        }
        let dates: HashSet<&str> = a.iter().map(|x| x.date.as_str()).collect();
        let outlets: HashSet<&str> = a.iter().map(|x| x.source.as_str()).collect();
        assert!(dates.len() > 150 && outlets.len() == OUTLETS.len());
    }

    #[test]
    fn too_few_sources_are_an_error() {
        let one = &sources()[..1];
        let err = generate(one, 500).unwrap_err();
        assert!(err.contains("1 source articles"), "{err}");
    }

    #[test]
    fn dates_are_calendar_dates() {
        assert_eq!(date_of(0), "2000-01-01");
        assert_eq!(date_of(59), "2000-02-29");
        assert_eq!(date_of(366), "2001-01-01");
        assert_eq!(date_of(26 * 365 - 1), "2025-12-24");
    }
}
