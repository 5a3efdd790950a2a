//! Cleaning one scraped article: its headline, publication date, outlet and
//! dateline are taken out of the header and lead; boilerplate is removed; the
//! rest becomes clean text with paragraph and sentence spans.
//!
//! The rules look at a line's shape, its position and a phrase lexicon, never
//! at a particular site or article:
//! 1. **Characters.** NBSP and other Unicode spaces and tabs become a space,
//!    runs of spaces one, zero-width and soft-hyphen characters go, lines are
//!    trimmed; HTML character references (`&amp;`, `&#39;`) are decoded and
//!    inline formatting tags (`<b>`, `<br>`) dropped, as scrapers leave them.
//! 2. **Header** (up to eight non-blank lines at the top): page-ID lines
//!    (`Code 134776`, `ID: 13749`), date lines (a date plus only labels,
//!    separators and numbers, see [`dates::header_date`]), boilerplate lines,
//!    a byline under the headline (`By Jane Doe`), breadcrumb trails (`Home |
//!    World | Middle East`), a section label (one word, or two in capitals)
//!    right above a longer headline-shaped line (`POLITICS`), and the first
//!    headline-shaped line (short, not ending like a sentence),
//!    which becomes the title without its site suffix (` | News`, ` - BBC
//!    News`). A line equal to a title given by metadata is the headline
//!    whatever its shape (metadata still decides the title). The header ends
//!    at the first other line.
//! 3. **Phrase lexicon** (whole line, case-insensitive): comment forms
//!    (`Leave a Reply`, `Your email address will not be published…`, `0
//!    replies`, a `9 + 7 =` captcha), related and latest lists (`Related
//!    posts`, `Latest news`), share buttons, site footers (`All rights
//!    reserved`). A comment form or footer in the second half of the article
//!    ends it: everything after goes too. A list heading removes the short
//!    lines that follow it, up to the next real paragraph.
//! 4. **Page IDs and credit lines** anywhere: `*Photo Credit: Press TV` goes,
//!    and names the source when nothing better does.
//! 5. **Footer in another script**: trailing lines whose letters are mostly in
//!    another script than the article's (a Persian site name under an English
//!    article).
//! 6. **Closing date line**: a last line holding only a date and labels
//!    (`Published: 14 September 2016`) gives the date when the header did not.
//! 7. **Inserted headlines**: a short line (3–20 words) starting with a capital
//!    and not ending like a sentence, between two prose paragraphs (each ending
//!    like a sentence, the second starting with a capital), is a link to
//!    another article. Runs of such lines are lists in the article and stay,
//!    and so do lines in capitals (the article's own subheadings).
//! 8. **Lead**: an agency prefix (`AVA- `, `SHAFAQNA (Shia International News
//!    Association)- `, `Reuters - `, `(AP) - `) gives the source, and a dateline
//!    (`TEHRAN – `, `LOS ANGELES (Reuters) - `) the dateline; both are cut from
//!    the first sentence so it reads as a sentence.
//! 9. **Paragraphs**: each remaining line is a paragraph, except that a
//!    block of hard-wrapped lines (most of them 40+ characters ending
//!    mid-sentence) is one, and a line ending mid-sentence takes in a next
//!    line starting in lower case. Paragraphs are joined with `\n\n`;
//!    sentences are split by [`sentences`].
//!
//! Every removed line or prefix goes to `removed` with its reason, except a
//! headline line identical to the title (it would only repeat it).
//!
//! Invariant: pure text in, values out; never reads files and never panics
//! on any input.

use communique_core::{PartialDate, RemovedText, Span};

use crate::{dates, sentences};

/// An article after cleaning: what the text itself says, before metadata overrides.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cleaned {
    /// The headline, or the start of the first sentence when there is none.
    pub title: String,
    /// Publication date stated in the header.
    pub date: Option<PartialDate>,
    /// Publication time `HH:MM` stated in the header.
    pub time: Option<String>,
    /// Outlet named by an agency prefix or a credit line.
    pub source: Option<String>,
    /// Place named by the lead's dateline, in title case ("Tehran").
    pub dateline: Option<String>,
    /// The clean body, paragraphs joined with `\n\n`.
    pub text: String,
    /// Paragraph spans in `text`.
    pub paragraphs: Vec<Span>,
    /// Sentence spans in `text`.
    pub sentences: Vec<Span>,
    /// What was removed, in document order, with reasons.
    pub removed: Vec<RemovedText>,
    /// Caveats worth a warning in the compile report.
    pub notes: Vec<String>,
}

/// Cleans one article's raw text. `known_titles` are titles given by metadata:
/// a first line equal to one of them is the headline, and the last one is the title.
pub fn clean(raw: &str, known_titles: &[&str]) -> Cleaned {
    let mut lines: Vec<Line> = raw
        .lines()
        .map(|raw| Line {
            raw: raw.trim_end(),
            text: normalise_line(raw),
            fate: Fate::Kept,
        })
        .collect();
    let mut out = Cleaned::default();
    let body_start = read_header(&mut lines, known_titles, &mut out);
    let credit = remove_boilerplate(&mut lines[body_start..]);
    remove_other_script_footer(&mut lines[body_start..]);
    take_closing_date(&mut lines[body_start..], &mut out);
    remove_inserted_headlines(&mut lines[body_start..]);
    let lead = strip_lead(&lines[body_start..], &mut out);
    // The lead's agency names the outlet better than a photo credit does.
    out.source = out.source.take().or(credit);
    assemble(&lines, lead, &mut out);
    if let Some(title) = known_titles
        .last()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
    {
        out.title = title.to_owned();
    }
    if out.title.is_empty() {
        out.title = title_from_text(&out);
        if !out.title.is_empty() {
            out.notes
                .push("no headline found; title taken from the first sentence".into());
        }
    }
    // A headline line that is exactly the title says nothing the title does
    // not; keeping it would store every title twice in the bundle.
    let title = out.title.as_str();
    out.removed
        .retain(|r| !(r.reason == "headline" && r.text == title));
    out
}

/// One input line and what becomes of it.
struct Line<'a> {
    /// As in the input, for `removed`.
    raw: &'a str,
    /// Whitespace-normalised; empty for a blank line.
    text: String,
    fate: Fate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Kept,
    Removed(&'static str),
}

impl Line<'_> {
    fn kept(&self) -> bool {
        self.fate == Fate::Kept && !self.text.is_empty()
    }
}

/// Spaces normalised (NBSP, tabs, Unicode spaces → one space), invisible
/// characters dropped, HTML left over by scraping undone, ends trimmed.
fn normalise_line(raw: &str) -> String {
    let unescaped;
    let raw = if raw.contains(['&', '<']) {
        unescaped = strip_tags(&decode_entities(raw));
        unescaped.as_str()
    } else {
        raw
    };
    let mut out = String::with_capacity(raw.len());
    let mut pending_space = false;
    for ch in raw.chars() {
        match ch {
            '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => {}
            c if c.is_whitespace() || c.is_control() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
    }
    out
}

/// HTML character references (`&amp;`, `&#39;`, `&#x2019;`, `&rsquo;`…) as characters.
fn decode_entities(text: &str) -> String {
    const NAMED: &[(&str, &str)] = &[
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("ndash", "–"),
        ("mdash", "—"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("hellip", "…"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("eacute", "é"),
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let reference = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .map(|end| &rest[1..=end]);
        let decoded = reference.and_then(|name| {
            let numeric = match name.strip_prefix('#') {
                Some(hex) if hex.starts_with(['x', 'X']) => u32::from_str_radix(&hex[1..], 16).ok(),
                Some(decimal) => decimal.parse().ok(),
                None => None,
            };
            match numeric {
                Some(code) => char::from_u32(code).map(String::from),
                None => NAMED
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, c)| (*c).to_owned()),
            }
        });
        match (decoded, reference) {
            (Some(decoded), Some(name)) => {
                out.push_str(&decoded);
                rest = &rest[name.len() + 2..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Removes inline HTML tags of text formatting (`<b>`, `</i>`, `<br/>`), which
/// scrapers leave in text; anything else with angle brackets stays.
fn strip_tags(text: &str) -> String {
    const TAGS: &[&str] = &[
        "b", "i", "u", "em", "strong", "br", "p", "a", "span", "div", "font", "sup", "sub", "small",
    ];
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let tag = rest.find('>').map(|end| &rest[..=end]).filter(|tag| {
            let name = tag[1..tag.len() - 1]
                .trim_start_matches('/')
                .trim_end_matches('/');
            let name = name.split(' ').next().unwrap_or("").to_ascii_lowercase();
            TAGS.contains(&name.as_str())
        });
        match tag {
            Some(tag) => {
                // Inline tags vanish; a line break (`<br>`, `<p>`) becomes a space.
                let breaks = ["<br", "<p", "</p", "<div", "</div"]
                    .iter()
                    .any(|b| tag.to_ascii_lowercase().starts_with(b));
                if breaks {
                    out.push(' ');
                }
                rest = &rest[tag.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads the header lines (IDs, dates, headline) and returns where the body starts.
fn read_header(lines: &mut [Line], known_titles: &[&str], out: &mut Cleaned) -> usize {
    let mut seen = 0;
    let mut title_found = false;
    for at in 0..lines.len() {
        if lines[at].text.is_empty() {
            continue;
        }
        seen += 1;
        if seen > 8 {
            return at;
        }
        let next = lines[at + 1..].iter().find(|l| !l.text.is_empty());
        let headline_follows = next.is_some_and(|n| {
            let words = n.text.split(' ').count();
            words >= 3
                && headline_shaped(&n.text)
                && !is_byline(&n.text)
                && dates::header_date(&n.text).is_none()
        });
        let line = &mut lines[at];
        let text = line.text.as_str();
        let known = known_titles.iter().any(|known| same_title(text, known));
        line.fate = if is_page_id(text) {
            Fate::Removed("page ID")
        } else if let Some(found) = dates::header_date(text) {
            if out.date.is_none() {
                out.date = Some(found.date);
                out.time = found.time;
            }
            Fate::Removed("publication date line")
        } else if let Some((reason, _)) = boilerplate(text) {
            Fate::Removed(reason)
        } else if title_found && is_byline(text) {
            Fate::Removed("byline")
        } else if !known && is_navigation(text) {
            Fate::Removed("navigation")
        } else if !title_found && !known && is_label(text) && headline_follows {
            // `World` or `POLITICS` above the real headline.
            Fate::Removed("section label")
        } else if !title_found && (headline_shaped(text) || known) {
            out.title = strip_site_suffix(text).to_owned();
            title_found = true;
            Fate::Removed("headline")
        } else {
            return at;
        };
    }
    lines.len()
}

/// A section label: one word (`World`) or two in capitals (`MIDDLE EAST`).
fn is_label(text: &str) -> bool {
    let words = text.split(' ').count();
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    headline_shaped(text) && (words == 1 || (words == 2 && shouting))
}

/// A breadcrumb trail (`Home | World | Middle East`, `News > Politics > Iran`):
/// three or more short parts between separators.
fn is_navigation(text: &str) -> bool {
    [" | ", " > ", " » ", " › "].iter().any(|sep| {
        let parts: Vec<&str> = text.split(sep).collect();
        parts.len() >= 3
            && parts
                .iter()
                .all(|p| (1..=4).contains(&p.split(' ').count()) && !p.trim().is_empty())
    })
}

/// `By Jane Doe`, `Written by Jane Doe, Moscow`, `Author: Jane Doe`: a short credit line under the headline.
fn is_byline(text: &str) -> bool {
    let lower = text.to_lowercase();
    let name = ["by ", "written by ", "reported by ", "author: ", "author "]
        .iter()
        .find_map(|label| lower.strip_prefix(label));
    name.is_some_and(|name| {
        let words = name.split(' ').count();
        (1..=8).contains(&words) && !ends_sentence(text) && text.len() <= 100
    })
}

/// A line shaped like a headline: short, capitalised, not ending like a sentence.
fn headline_shaped(text: &str) -> bool {
    let words = text.split(' ').count();
    let starts_well =
        text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c));
    starts_well && words <= 25 && text.len() <= 220 && !text.ends_with(['.', ',', ';', ':'])
}

/// Whether a line is the metadata title, ignoring case, spacing and a site suffix.
fn same_title(line: &str, known: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let known = fold(known);
    !known.is_empty() && (fold(line) == known || fold(strip_site_suffix(line)) == known)
}

/// The headline without the site's name: the longest ` | `-separated part, or
/// without a short outlet-like tail after ` - ` / ` – ` / ` — `.
fn strip_site_suffix(title: &str) -> &str {
    let title = title.trim();
    if title.contains(" | ") {
        return title
            .split(" | ")
            .max_by_key(|part| part.len())
            .map(str::trim)
            .unwrap_or(title);
    }
    for dash in [" - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(dash) {
            if tail.split(' ').count() <= 4 && outlet_like(tail) && head.split(' ').count() >= 3 {
                return head.trim();
            }
        }
    }
    title
}

/// Words that mark a name as a news outlet.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "tv",
    "agency",
    "press",
    "daily",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "online",
    "network",
    "radio",
    "telegraph",
    "guardian",
    "review",
    "weekly",
    "today",
    "media",
    "wire",
    "chronicle",
    "observer",
    "reporter",
    "broadcasting",
];

/// News agencies commonly credited at the start of a wire story.
const AGENCIES: &[&str] = &[
    "ap",
    "afp",
    "reuters",
    "upi",
    "ians",
    "pti",
    "ani",
    "dpa",
    "efe",
    "ansa",
    "xinhua",
    "tass",
    "itar-tass",
    "ria",
    "interfax",
    "sputnik",
    "kyodo",
    "yonhap",
    "bernama",
    "anadolu",
    "irna",
    "isna",
    "ilna",
    "mehr",
    "fars",
    "tasnim",
    "wana",
    "sana",
    "spa",
    "kuna",
    "wam",
    "mena",
    "bloomberg",
    "cnn",
    "bbc",
    "aap",
    "apa",
    "cna",
    "ptv",
];

/// Whether a name starts with a known agency's name (`Xinhua News Agency`).
fn known_agency(name: &str) -> bool {
    let first = name.split([' ', '-']).next().unwrap_or("").to_lowercase();
    AGENCIES.contains(&first.as_str())
}

/// Whether a name looks like a news outlet: a known agency, a web address or an outlet word.
fn outlet_like(name: &str) -> bool {
    let lower = name.to_lowercase();
    let web = [".com", ".net", ".org", ".ir", ".ru", ".co."]
        .iter()
        .any(|tld| lower.contains(tld));
    web || AGENCIES.contains(&lower.as_str())
        || lower
            .split([' ', '-', '/'])
            .any(|word| OUTLET_WORDS.contains(&word) || AGENCIES.contains(&word))
}

/// `Code 134776`, `ID: 13749`, `News ID: 4471`, `Story Code : 12`.
fn is_page_id(text: &str) -> bool {
    if text.len() > 40 {
        return false;
    }
    let lower = text.to_lowercase();
    let label_end = lower
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(lower.len());
    let (label, number) = lower.split_at(label_end);
    let label = label.trim_end_matches([' ', ':', '#', '.']).trim();
    let labels = [
        "code",
        "id",
        "news id",
        "news code",
        "story code",
        "story id",
        "article id",
        "post id",
    ];
    labels.contains(&label) && !number.is_empty() && number.chars().all(|c| c.is_ascii_digit())
}

/// What to do with the lines after a boilerplate line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum After {
    /// Only this line goes.
    Nothing,
    /// The short lines that follow belong to it (a list of links).
    ShortLines,
    /// The article is over (comment form, footer), when late enough.
    Everything,
}

/// The reason a line is boilerplate, and what it says about the lines after it.
fn boilerplate(text: &str) -> Option<(&'static str, After)> {
    // Every phrase is short; a paragraph of prose need not be folded and compared.
    if text.len() > 200 {
        return None;
    }
    let key: String = text
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if is_captcha(text) {
        return Some(("comment form (captcha)", After::Everything));
    }
    if is_copyright(text) {
        return Some(("site footer", After::Everything));
    }
    if is_comment_count(&key) {
        return Some(("comment form", After::Everything));
    }
    for (phrases, prefix_ok, reason, after) in LEXICON {
        let hit = phrases.iter().any(|p| {
            let prefix = *prefix_ok
                && key.len() < p.len() + 80
                && key.starts_with(p)
                && !key[p.len()..].starts_with(char::is_alphanumeric);
            key == *p || prefix
        });
        if hit {
            return Some((reason, *after));
        }
    }
    None
}

/// Phrase lists: (phrases, whether a line may merely start with one, reason, what follows).
const LEXICON: &[(&[&str], bool, &str, After)] = &[
    (
        &[
            "leave a comment",
            "leave a reply",
            "your comment",
            "post a comment",
            "add a comment",
            "add comment",
            "write a comment",
            "comments",
            "want to join the discussion",
            "feel free to contribute",
            "cancel reply",
            "post comment",
            "submit comment",
            "no comments yet",
            "be the first to comment",
            "comments are closed",
            "show comments",
        ],
        false,
        "comment form",
        After::Everything,
    ),
    (
        &[
            "your email address will not be published",
            "you must be logged in to post",
            "notify me of",
            "save my name, email",
            "required fields are marked",
            "comments are closed",
        ],
        true,
        "comment form",
        After::Everything,
    ),
    (
        &[
            "related posts",
            "related news",
            "related articles",
            "related stories",
            "related",
            "related content",
            "latest news",
            "latest",
            "latest stories",
            "most read",
            "most popular",
            "most viewed",
            "you may also like",
            "you might also like",
            "read more",
            "also read",
            "see also",
            "more news",
            "more stories",
            "recommended",
            "trending",
            "top stories",
            "other news",
            "more from this section",
            "popular posts",
            "recent posts",
        ],
        false,
        "related and latest links",
        After::ShortLines,
    ),
    (
        // A single link line: `Read more: Iran urges US to remove obstacles`.
        &[
            "read more:",
            "also read:",
            "see also:",
            "related:",
            "related news:",
            "related article:",
            "related story:",
            "watch:",
        ],
        true,
        "related and latest links",
        After::Nothing,
    ),
    (
        &[
            "share",
            "share this",
            "share this article",
            "share on facebook",
            "share on twitter",
            "tweet",
            "print",
            "email",
            "email this",
            "print this page",
            "send to a friend",
            "print version",
            "print this article",
            "print friendly",
            "whatsapp",
            "telegram",
            "like this",
            "like loading",
        ],
        false,
        "share buttons",
        After::Nothing,
    ),
    (
        &[
            "all rights reserved",
            "subscribe to our newsletter",
            "follow us on",
            "click here to",
        ],
        true,
        "site footer",
        After::Everything,
    ),
    (
        &["advertisement", "sponsored content", "tags"],
        true,
        "advertising and tags",
        After::Nothing,
    ),
];

/// `9 + 7 =`, `3 x 4 = ?`: a spam check under a comment form.
fn is_captcha(text: &str) -> bool {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(rest) = compact
        .strip_suffix('=')
        .or_else(|| compact.strip_suffix("=?"))
    else {
        return false;
    };
    let parts: Vec<&str> = rest.split(['+', '-', 'x', '×', '*']).collect();
    parts.len() == 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// `© 2016 Press TV`, `Copyright 2016 …`, `… All rights reserved.`: a short
/// copyright notice (a sentence about copyright law has no year or sign).
fn is_copyright(text: &str) -> bool {
    let lower = text.to_lowercase();
    let notice = lower.starts_with('©')
        || (lower.starts_with("copyright")
            && (lower.contains('©')
                || lower
                    .split(|c: char| !c.is_ascii_digit())
                    .any(|n| n.len() == 4)))
        || lower.contains("all rights reserved");
    notice && text.len() < 200
}

/// `0 replies`, `12 comments`, `1 response`.
fn is_comment_count(key: &str) -> bool {
    let Some((number, word)) = key.split_once(' ') else {
        return false;
    };
    number.chars().all(|c| c.is_ascii_digit())
        && [
            "replies",
            "reply",
            "comments",
            "comment",
            "responses",
            "response",
            "thoughts on",
        ]
        .contains(&word)
}

/// `*Photo Credit: Press TV`, `Source: Tasnim`: the credited name.
fn credit_line(text: &str) -> Option<&str> {
    if text.len() > 100 {
        return None;
    }
    let body = text
        .trim_start_matches(['*', '(', '[', ' '])
        .trim_end_matches([')', ']', ' ', '.']);
    let (label, name) = body.split_once([':', '-', '–'])?;
    let label = label.trim().to_lowercase();
    let labels = [
        "photo credit",
        "photo credits",
        "image credit",
        "picture credit",
        "photo",
        "source",
        "credit",
        "courtesy",
        "photo courtesy",
        "image courtesy",
    ];
    let name = name.trim();
    let short = (1..=6).contains(&name.split(' ').count()) && name.len() <= 60;
    (labels.contains(&label.as_str()) && short && !name.is_empty()).then_some(name)
}

/// The lexicon, page-ID and credit-line rules over the body; returns the first credited name.
fn remove_boilerplate(body: &mut [Line]) -> Option<String> {
    let mut credit = None;
    let total: usize = body.iter().map(|l| l.text.len()).sum();
    let mut before = 0;
    let mut section: Option<(&'static str, After)> = None;
    for line in body.iter_mut() {
        before += line.text.len();
        if line.text.is_empty() {
            continue;
        }
        let text = line.text.as_str();
        if let Some((reason, after)) = boilerplate(text) {
            // A comment form in the first half is a stray widget, not the end of the article.
            let after = match after {
                After::Everything if before * 2 < total => After::ShortLines,
                other => other,
            };
            line.fate = Fate::Removed(reason);
            if after != After::Nothing && section.is_none_or(|(_, a)| a != After::Everything) {
                section = Some((reason, after));
            }
        } else if is_page_id(text) {
            line.fate = Fate::Removed("page ID");
        } else if let Some(name) = credit_line(text) {
            credit.get_or_insert_with(|| name.to_owned());
            line.fate = Fate::Removed("credit line");
        } else if let Some((reason, after)) = section {
            let short = text.split(' ').count() <= 20 && !ends_sentence(text);
            if after == After::Everything || short {
                line.fate = Fate::Removed(reason);
            } else {
                section = None;
            }
        }
    }
    credit
}

/// Whether a line ends like a sentence (so it is prose, not a link or label).
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(['"', '”', '’', '\'', ')', '»'])
        .ends_with(['.', '!', '?', '…'])
}

/// Writing systems, coarsely: enough to tell a footer in another script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Script {
    Latin,
    Arabic,
    Cyrillic,
    Greek,
    Hebrew,
    Cjk,
    Other,
}

fn script_of(c: char) -> Option<Script> {
    if !c.is_alphabetic() {
        return None;
    }
    Some(match c as u32 {
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x3040..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF => Script::Cjk,
        _ => Script::Other,
    })
}

/// The script most of the letters of `texts` are written in.
fn main_script<'a>(texts: impl Iterator<Item = &'a str>) -> Option<Script> {
    let mut counts: Vec<(Script, usize)> = Vec::new();
    for script in texts.flat_map(str::chars).filter_map(script_of) {
        match counts.iter_mut().find(|(s, _)| *s == script) {
            Some((_, n)) => *n += 1,
            None => counts.push((script, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(s, _)| s)
}

/// Trailing lines written in another script than the article.
fn remove_other_script_footer(body: &mut [Line]) {
    let Some(article) = main_script(body.iter().filter(|l| l.kept()).map(|l| l.text.as_str()))
    else {
        return;
    };
    for line in body.iter_mut().rev() {
        if line.text.is_empty() || !line.kept() {
            continue;
        }
        match main_script(std::iter::once(line.text.as_str())) {
            Some(script) if script != article => {
                line.fate = Fate::Removed("site footer (other script)")
            }
            _ => break,
        }
    }
}

/// A date line closing the article (`Published: 14 September 2016`): some
/// sites print the date under the text. Like a header date line it holds
/// nothing but the date and labels; a date inside a sentence never counts.
fn take_closing_date(body: &mut [Line], out: &mut Cleaned) {
    let Some(last) = body.iter_mut().rev().find(|l| l.kept()) else {
        return;
    };
    if let Some(found) = dates::header_date(&last.text) {
        if out.date.is_none() {
            out.date = Some(found.date);
            out.time = found.time;
        }
        last.fate = Fate::Removed("publication date line");
    }
}

/// Short headline-shaped lines between two prose paragraphs (links to other
/// articles), whether blank lines separate the paragraphs or not. A run of
/// such lines is a list in the article (fixtures, nominees) and stays; so does
/// a fragment the next line continues in lower case, or a line of a
/// hard-wrapped paragraph (its neighbours do not end or start sentences).
fn remove_inserted_headlines(body: &mut [Line]) {
    let shaped = |line: &Line| {
        let text = &line.text;
        let words = text.split(' ').count();
        line.kept()
            && (3..=20).contains(&words)
            && text.len() <= 150
            && text.starts_with(char::is_uppercase)
            && !text.ends_with([',', ';', ':', '-', '–'])
            && !ends_sentence(text)
            // A line in capitals is the article's own subheading.
            && text.chars().any(char::is_lowercase)
    };
    let prose = |line: Option<&Line>| {
        line.is_some_and(|l| {
            l.kept()
                && ends_sentence(&l.text)
                && l.text.starts_with(|c: char| !c.is_lowercase())
                && !shaped(l)
        })
    };
    let candidates: Vec<usize> = (0..body.len())
        .filter(|&at| {
            let before = body[..at].iter().rev().find(|l| l.kept());
            let after = body[at + 1..].iter().find(|l| l.kept());
            shaped(&body[at]) && prose(before) && prose(after)
        })
        .collect();
    for at in candidates {
        body[at].fate = Fate::Removed("inserted headline");
    }
}

/// A prefix removed from the first body line: how many bytes, and its record.
struct Lead {
    cut: usize,
    removed: Vec<RemovedText>,
}

/// Cuts agency prefixes and datelines from the first kept body line.
fn strip_lead(body: &[Line], out: &mut Cleaned) -> Option<Lead> {
    let at = body.iter().position(|l| l.kept())?;
    let text = body[at].text.as_str();
    let mut cut = 0;
    let mut removed = Vec::new();
    // A lead may stack them: `SPACE.com - TORONTO, Canada -- A second team…`.
    for _ in 0..3 {
        let Some(prefix) = lead_prefix(&text[cut..]).or_else(|| dated_dateline(&text[cut..]))
        else {
            break;
        };
        let piece = text[cut..cut + prefix.len].trim();
        if let Some(agency) = prefix.agency {
            out.source.get_or_insert(agency);
            removed.push(RemovedText {
                text: piece.to_owned(),
                reason: "agency prefix".into(),
            });
        }
        if let Some(place) = prefix.dateline {
            out.dateline.get_or_insert(place);
            if removed.last().is_none_or(|r| r.text != piece) {
                removed.push(RemovedText {
                    text: piece.to_owned(),
                    reason: "dateline".into(),
                });
            }
        }
        cut += prefix.len;
    }
    // Bytes of the normalised line; `assemble` slices the same string.
    (cut > 0).then_some(Lead { cut, removed })
}

/// A wire dateline without a dash, as Indian agencies write it once their
/// credit is gone: `Ahmedabad, Sep 18 Chinese President …` (a place of one to
/// three capitalised words, a comma, a month and a day).
fn dated_dateline(text: &str) -> Option<LeadPrefix> {
    let (place, rest) = text.split_once(", ")?;
    let words: Vec<&str> = place.split(' ').collect();
    if words.is_empty()
        || words.len() > 3
        || !words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    let mut parts = rest.splitn(3, ' ');
    let month = parts.next()?;
    let day = parts.next()?;
    let after = parts.next()?.trim_start();
    let day_ok = !day.is_empty() && day.len() <= 2 && day.chars().all(|c| c.is_ascii_digit());
    if dates::month_number(month.trim_end_matches('.')).is_none()
        || !day_ok
        || !after.starts_with(char::is_uppercase)
        || after.len() < 20
    {
        return None;
    }
    Some(LeadPrefix {
        len: text.len() - after.len(),
        agency: None,
        dateline: Some(dateline_place(place)),
    })
}

/// An agency prefix or dateline at the start of a line.
struct LeadPrefix {
    /// Bytes taken, including the dash and following space.
    len: usize,
    agency: Option<String>,
    dateline: Option<String>,
}

/// Reads `NAME (EXPANSION) – ` or `(AGENCY) - ` at the start of `text`.
fn lead_prefix(text: &str) -> Option<LeadPrefix> {
    let limit = (0..=text.len().min(120))
        .rev()
        .find(|&i| text.is_char_boundary(i))?;
    let window = &text[..limit];
    let (head, dash_end, glued) = find_lead_dash(window)?;
    let rest = text[dash_end..].trim_start();
    if rest.len() < 20
        || !rest
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "\"“‘'".contains(c))
    {
        return None;
    }
    let len = text.len() - rest.len();
    let head = head.trim().trim_end_matches(':');
    // Split off a parenthesis: `SHAFAQNA (Shia …)` or `LOS ANGELES (Reuters)`.
    let (name, paren) = match head.split_once('(') {
        Some((name, paren)) if head.ends_with(')') => {
            (name.trim(), Some(paren.trim_end_matches(')').trim()))
        }
        Some(_) => return None,
        None => (head, None),
    };
    // A sentence's end inside the name (`The News sports editor. HOUSTON`) means it is prose.
    let sentence_end = name
        .split(' ')
        .any(|w| w.len() > 3 && w.ends_with('.') && w.starts_with(char::is_lowercase));
    // Stops are fine in an outlet's name (`SPACE.com`) or a region after the
    // place (`LOS ANGELES, Calif.`), not in a place or plain name.
    let place = name.split(',').next().unwrap_or("").trim();
    if name.split(' ').count() > 5
        || sentence_end
        || (place.contains(['.', '!', '?']) && !outlet_like(name))
    {
        return None;
    }
    let shouting = |s: &str| {
        let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
    };
    let prefix = match paren {
        // `(Reuters) - ` with no place before it.
        Some(agency) if name.is_empty() && outlet_like(agency) => LeadPrefix {
            len,
            agency: Some(agency.to_owned()),
            dateline: None,
        },
        // `SHAFAQNA (Shia International News Association)- `: an acronym and
        // its expansion, the dash glued to it. Wire datelines (`PHILADELPHIA
        // (Sports Network) - `) put spaces around the dash.
        Some(expansion)
            if shouting(name)
                && glued
                && !known_agency(expansion)
                && expansion.split(' ').count() >= 2
                && !shouting(expansion) =>
        {
            LeadPrefix {
                len,
                agency: Some(name.to_owned()),
                dateline: None,
            }
        }
        // `LOS ANGELES (Reuters) - `.
        Some(agency) if shouting(place) && outlet_like(agency) => LeadPrefix {
            len,
            agency: Some(agency.to_owned()),
            dateline: Some(dateline_place(name)),
        },
        Some(_) => return None,
        None if outlet_like(name) || (glued && shouting(name)) => LeadPrefix {
            len,
            agency: Some(name.to_owned()),
            dateline: None,
        },
        None if shouting(place) => LeadPrefix {
            len,
            agency: None,
            dateline: Some(dateline_place(name)),
        },
        None => return None,
    };
    Some(prefix)
}

/// The first lead dash: returns the text before it, where the text after it
/// starts, and whether the dash is glued to the word before (`AVA- `).
fn find_lead_dash(window: &str) -> Option<(&str, usize, bool)> {
    for (at, ch) in window.char_indices() {
        if !matches!(ch, '-' | '–' | '—') {
            continue;
        }
        let before = &window[..at];
        let mut end = at + ch.len_utf8();
        // `--` counts as one dash.
        while let Some(next) = window[end..]
            .chars()
            .next()
            .filter(|c| matches!(c, '-' | '–' | '—'))
        {
            end += next.len_utf8();
        }
        let spaced_after = window[end..].starts_with(' ');
        let spaced_before = before.ends_with(' ');
        if spaced_after && !before.trim().is_empty() {
            return Some((before, end, !spaced_before));
        }
        if !spaced_before {
            // A hyphen inside a word (`Iran-Russia`): not a lead dash, keep looking.
            continue;
        }
        return None;
    }
    None
}

/// The place of a dateline in title case, without a date written after it:
/// `MOSCOW, September 14` → `Moscow`, `LOS ANGELES, Calif.` → `Los Angeles, Calif.`
fn dateline_place(name: &str) -> String {
    let parts: Vec<&str> = name
        .split(',')
        .map(str::trim)
        .filter(|part| {
            let first = part.split(' ').next().unwrap_or("");
            !part.is_empty()
                && dates::month_number(first).is_none()
                && !first.starts_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    title_case(&parts.join(", "))
}

/// `LOS ANGELES, Calif.` → `Los Angeles, Calif.`
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first)
                    if word
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase) =>
                {
                    first
                        .to_uppercase()
                        .chain(chars.flat_map(char::to_lowercase))
                        .collect()
                }
                _ => word.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds the clean text, paragraphs, sentences and the removed list.
fn assemble(lines: &[Line], lead: Option<Lead>, out: &mut Cleaned) {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    // Header lines are all removed, so the first kept line is the body's lead line.
    let mut lead = lead;
    let mut kept_seen = false;
    for line in lines {
        match line.fate {
            Fate::Removed(reason) => {
                flush_block(&mut block, &mut paragraphs);
                out.removed.push(RemovedText {
                    text: line.raw.trim().to_owned(),
                    reason: reason.to_owned(),
                });
            }
            Fate::Kept if line.text.is_empty() => flush_block(&mut block, &mut paragraphs),
            Fate::Kept => {
                let mut text = line.text.as_str();
                if !kept_seen {
                    kept_seen = true;
                    if let Some(lead) = lead.take() {
                        text = &text[lead.cut..];
                        out.removed.extend(lead.removed);
                    }
                }
                block.push(text);
            }
        }
    }
    flush_block(&mut block, &mut paragraphs);
    for paragraph in paragraphs {
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
        }
        let start = out.text.len();
        out.text.push_str(&paragraph);
        out.paragraphs.push(Span::new(start, out.text.len()));
        sentences::split_into(&paragraph, start, &mut out.sentences);
    }
}

/// Turns a block of consecutive kept lines into paragraphs. A hard-wrapped
/// block (most lines but the last are long and end mid-sentence) is one
/// paragraph; otherwise each line is one, except that a line ending
/// mid-sentence is joined to a next line that starts in lower case.
fn flush_block(block: &mut Vec<&str>, paragraphs: &mut Vec<String>) {
    let inner = block.len().saturating_sub(1);
    let wrapped = block[..inner]
        .iter()
        .filter(|l| !ends_sentence(l) && l.chars().count() >= 40)
        .count();
    if inner >= 1 && wrapped * 2 >= inner {
        paragraphs.push(block.join(" "));
    } else {
        let mut open: Option<String> = None;
        for line in block.iter() {
            open = Some(match open.take() {
                Some(mut paragraph)
                    if !ends_sentence(&paragraph) && line.starts_with(char::is_lowercase) =>
                {
                    paragraph.push(' ');
                    paragraph.push_str(line);
                    paragraph
                }
                Some(paragraph) => {
                    paragraphs.push(paragraph);
                    (*line).to_owned()
                }
                None => (*line).to_owned(),
            });
        }
        paragraphs.extend(open);
    }
    block.clear();
}

/// A title for an article without a headline: its first sentence, cut to twelve words.
fn title_from_text(out: &Cleaned) -> String {
    let Some(first) = out.sentences.first() else {
        return String::new();
    };
    let sentence = &out.text[first.range()];
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= 12 {
        sentence.to_owned()
    } else {
        format!(
            "{}…",
            words[..12].join(" ").trim_end_matches([',', ';', ':'])
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cleans `raw` and compares a compact description: the title, date,
    /// source, dateline, each paragraph on its own line, then `- reason: text`
    /// for each removed piece.
    fn check(raw: &str, known_titles: &[&str], expect: &str) {
        let got = clean(raw, known_titles);
        let mut text = format!(
            "title: {}\ndate: {} {}\nsource: {}\ndateline: {}\n",
            got.title,
            got.date.map(|d| d.iso()).unwrap_or("-".into()),
            got.time.as_deref().unwrap_or("-"),
            got.source.as_deref().unwrap_or("-"),
            got.dateline.as_deref().unwrap_or("-"),
        );
        for p in &got.paragraphs {
            text.push_str(&format!("| {}\n", &got.text[p.range()]));
        }
        for r in &got.removed {
            text.push_str(&format!("- {}: {}\n", r.reason, r.text));
        }
        for n in &got.notes {
            text.push_str(&format!("! {n}\n"));
        }
        assert_eq!(text.trim_end(), expect.trim(), "\n{text}");
    }

    #[test]
    fn navigation_and_section_labels_above_the_headline_go() {
        check(
            "Home | World | Middle East\nPOLITICS\n\nEnvoys meet in Vienna\n\nThe envoys met.",
            &[],
            r#"
title: Envoys meet in Vienna
date: - -
source: -
dateline: -
| The envoys met.
- navigation: Home | World | Middle East
- section label: POLITICS"#,
        );
        // A short headline with a body below it is still the headline.
        check(
            "Mutu sacked\n\nChelsea have sacked Adrian Mutu.",
            &[],
            r#"
title: Mutu sacked
date: - -
source: -
dateline: -
| Chelsea have sacked Adrian Mutu."#,
        );
    }

    #[test]
    fn site_suffixes_leave_the_title() {
        for (line, title) in [
            (
                "Iran and Russia strengthen cooperation | News",
                "Iran and Russia strengthen cooperation",
            ),
            (
                "World | Envoys meet in Vienna to resume talks",
                "Envoys meet in Vienna to resume talks",
            ),
            ("Envoys meet in Vienna - BBC News", "Envoys meet in Vienna"),
            (
                "Envoys meet in Vienna – Tehran Times",
                "Envoys meet in Vienna",
            ),
            ("Envoys meet in Vienna - Reuters", "Envoys meet in Vienna"),
            // A dash inside a headline is not a site suffix.
            (
                "Iran-Russia co-op bearing fruit, official says",
                "Iran-Russia co-op bearing fruit, official says",
            ),
            (
                "Talks resume - but no deal in sight",
                "Talks resume - but no deal in sight",
            ),
        ] {
            let got = clean(&format!("{line}\n\nBody text here."), &[]);
            assert_eq!(got.title, title, "{line}");
        }
    }

    #[test]
    fn bylines_under_the_headline_go() {
        check(
            "Talks resume\nBy Jane Doe, Moscow\n\nThe talks resumed.",
            &[],
            r#"
title: Talks resume
date: - -
source: -
dateline: -
| The talks resumed.
- byline: By Jane Doe, Moscow"#,
        );
        check(
            "Talks resume\n\nBy the end of the day the talks had resumed.",
            &[],
            r#"
title: Talks resume
date: - -
source: -
dateline: -
| By the end of the day the talks had resumed."#,
        );
    }

    #[test]
    fn header_gives_title_date_and_page_ids() {
        check(
            "Code 134776\nPublishDate: Monday, January 28, 201920:43\n\nSpokesman: Iran to Continue\n\nAVA- \"We are partners,\" Tavakoli told reporters in Tehran on Monday.\n",
            &[],
            r#"
title: Spokesman: Iran to Continue
date: 2019-01-28 20:43
source: AVA
dateline: -
| "We are partners," Tavakoli told reporters in Tehran on Monday.
- page ID: Code 134776
- publication date line: PublishDate: Monday, January 28, 201920:43
- agency prefix: AVA-"#,
        );
    }

    #[test]
    fn title_loses_site_suffix_and_inserted_headlines_go() {
        check(
            "Iran and Russia strengthen cooperation | News\n\n\nThe presidents agreed on Wednesday to strengthen ties.\n\n\nIran urges US to remove obstacles in negotiations in Vienna\n\nThe Russian president highlighted projects.\n\nComments are closed.",
            &[],
            r#"
title: Iran and Russia strengthen cooperation
date: - -
source: -
dateline: -
| The presidents agreed on Wednesday to strengthen ties.
| The Russian president highlighted projects.
- headline: Iran and Russia strengthen cooperation | News
- inserted headline: Iran urges US to remove obstacles in negotiations in Vienna
- comment form: Comments are closed."#,
        );
    }

    #[test]
    fn dateline_and_comment_form_with_captcha() {
        check(
            "Iran-Russia co-op bearing fruit, official says\n\nSeptember 14, 2016 - 15:34\n\nTEHRAN \u{2013} Iranian Deputy Foreign Minister said on Wednesday that ties grow.\n\nHe said more.\u{a0}\n\n\nLeave a Comment\n\n9 + 7 =",
            &[],
            r#"
title: Iran-Russia co-op bearing fruit, official says
date: 2016-09-14 15:34
source: -
dateline: Tehran
| Iranian Deputy Foreign Minister said on Wednesday that ties grow.
| He said more.
- publication date line: September 14, 2016 - 15:34
- dateline: TEHRAN –
- comment form: Leave a Comment
- comment form (captcha): 9 + 7 ="#,
        );
    }

    #[test]
    fn dateline_with_month_and_day_and_no_dash() {
        check(
            "Modi and Xi meet\n\nAhmedabad, Sep 18  Chinese President Xi Jinping was given a grand welcome on his arrival here.",
            &[],
            r#"
title: Modi and Xi meet
date: - -
source: -
dateline: Ahmedabad
| Chinese President Xi Jinping was given a grand welcome on his arrival here.
- dateline: Ahmedabad, Sep 18"#,
        );
    }

    #[test]
    fn agency_with_expansion_credit_line_and_other_script_footer() {
        check(
            "Development of partnership\n\nSHAFAQNA (Shia International News Association)- In a conference held in Moscow, officials met.\n\n*Photo Credit: Press TV\n\nطراحی و توسعه",
            &[],
            r#"
title: Development of partnership
date: - -
source: SHAFAQNA
dateline: -
| In a conference held in Moscow, officials met.
- agency prefix: SHAFAQNA (Shia International News Association)-
- credit line: *Photo Credit: Press TV
- site footer (other script): طراحی و توسعه"#,
        );
    }

    #[test]
    fn datelines_lose_their_date_and_agencies_stand_alone() {
        check(
            "Talks in Moscow\n\nMOSCOW, September 14 (IRNA) – Iranian and Russian officials met on Wednesday.",
            &[],
            r#"
title: Talks in Moscow
date: - -
source: IRNA
dateline: Moscow
| Iranian and Russian officials met on Wednesday.
- agency prefix: MOSCOW, September 14 (IRNA) –"#,
        );
        check(
            "Talks in Moscow\n\n(IRNA) - Iranian and Russian officials met on Wednesday.",
            &[],
            r#"
title: Talks in Moscow
date: - -
source: IRNA
dateline: -
| Iranian and Russian officials met on Wednesday.
- agency prefix: (IRNA) -"#,
        );
    }

    #[test]
    fn wire_leads_and_known_titles() {
        check(
            "Apple Launches Graphics Software\n LOS ANGELES (Reuters) - Apple Computer Inc. on Tuesday began shipping software.",
            &["Apple Launches Graphics Software"],
            r#"
title: Apple Launches Graphics Software
date: - -
source: Reuters
dateline: Los Angeles
| Apple Computer Inc. on Tuesday began shipping software.
- agency prefix: LOS ANGELES (Reuters) -"#,
        );
        check(
            "GERMANTOWN, Md. - A Maryland-based private lab has fired an analyst.",
            &[],
            r#"
title: A Maryland-based private lab has fired an analyst.
date: - -
source: -
dateline: Germantown, Md.
| A Maryland-based private lab has fired an analyst.
- dateline: GERMANTOWN, Md. -
! no headline found; title taken from the first sentence"#,
        );
        check(
            "SPACE.com - TORONTO, Canada -- A second team of rocketeers competing for the prize.",
            &[],
            r#"
title: A second team of rocketeers competing for the prize.
date: - -
source: SPACE.com
dateline: Toronto, Canada
| A second team of rocketeers competing for the prize.
- agency prefix: SPACE.com -
- dateline: TORONTO, Canada --
! no headline found; title taken from the first sentence"#,
        );
    }

    #[test]
    fn inserted_headlines_go_between_single_line_paragraphs_too() {
        check(
            "Title here\nFirst paragraph ends here.\nEnvoys meet again in Geneva next week\nSecond paragraph ends here.\nEverton v Chelsea\nLiverpool v Arsenal\nThird paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| Second paragraph ends here.
| Everton v Chelsea
| Liverpool v Arsenal
| Third paragraph ends here.
- inserted headline: Envoys meet again in Geneva next week"#,
        );
    }

    #[test]
    fn a_closing_date_line_dates_the_article() {
        check(
            "Title here\n\nThe talks ended on 3 May 2016 in Vienna.\n\nPublished: 4 May 2016 - 09:30\n\nLeave a Reply",
            &[],
            r#"
title: Title here
date: 2016-05-04 09:30
source: -
dateline: -
| The talks ended on 3 May 2016 in Vienna.
- publication date line: Published: 4 May 2016 - 09:30
- comment form: Leave a Reply"#,
        );
    }

    #[test]
    fn subheadings_in_capitals_stay() {
        check(
            "Title here\n\nFirst paragraph ends here.\n\nFATAL FORCE (MACROSPACE)\n\nSecond paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| FATAL FORCE (MACROSPACE)
| Second paragraph ends here."#,
        );
    }

    #[test]
    fn comment_tail_and_related_lists_go() {
        check(
            "Title here\n\nBody sentence one is here.\n\n0 replies\n\nLeave a Reply\n\nWant to join the discussion?\nFeel free to contribute!\n\nYour email address will not be published. Required fields are marked *",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| Body sentence one is here.
- comment form: 0 replies
- comment form: Leave a Reply
- comment form: Want to join the discussion?
- comment form: Feel free to contribute!
- comment form: Your email address will not be published. Required fields are marked *"#,
        );
        check(
            "Title here\n\nBody sentence one is here.\n\nRelated posts\n\nSome other story about things\nAnother story about stuff\n\nA real paragraph follows this list, and it is long enough to be prose.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| Body sentence one is here.
| A real paragraph follows this list, and it is long enough to be prose.
- related and latest links: Related posts
- related and latest links: Some other story about things
- related and latest links: Another story about stuff"#,
        );
    }

    #[test]
    fn single_link_lines_go() {
        check(
            "Title here\n\nFirst paragraph ends here.\n\nRead more: Iran urges US to remove obstacles\n\nSecond paragraph ends here.",
            &[],
            r#"
title: Title here
date: - -
source: -
dateline: -
| First paragraph ends here.
| Second paragraph ends here.
- related and latest links: Read more: Iran urges US to remove obstacles"#,
        );
    }

    #[test]
    fn hard_wrapped_blocks_are_joined_and_lines_kept_apart() {
        check(
            "A headline\n\nThis paragraph was wrapped at a fixed width of about\nsixty characters by some tool, and it goes on. Then\nit continues here.\nShort and\nbroken line.\n",
            &[],
            r#"
title: A headline
date: - -
source: -
dateline: -
| This paragraph was wrapped at a fixed width of about sixty characters by some tool, and it goes on. Then it continues here. Short and broken line."#,
        );
        check(
            "A headline\n\nA line cut short by\nthe scraper.\nA list:\nEverton v Chelsea\nLiverpool v Arsenal",
            &[],
            r#"
title: A headline
date: - -
source: -
dateline: -
| A line cut short by the scraper.
| A list:
| Everton v Chelsea
| Liverpool v Arsenal"#,
        );
        check(
            "A headline\nFirst sentence line.\nSecond sentence line.",
            &[],
            r#"
title: A headline
date: - -
source: -
dateline: -
| First sentence line.
| Second sentence line."#,
        );
    }

    #[test]
    fn html_left_by_scrapers_is_undone() {
        check(
            "Apache balks at &lt;b&gt;Microsoft&lt;/b&gt; terms\n\nThe firm&#39;s <i>new</i> licence<br>&amp; fees are &quot;unfair&quot;, it said &#x2014; again. 3 &lt; 4 &unknown; &",
            &[],
            r#"
title: Apache balks at Microsoft terms
date: - -
source: -
dateline: -
| The firm's new licence & fees are "unfair", it said — again. 3 < 4 &unknown; &
- headline: Apache balks at &lt;b&gt;Microsoft&lt;/b&gt; terms"#,
        );
    }

    #[test]
    fn odd_inputs_never_panic() {
        for raw in [
            "",
            "&#xFFFFFFFF;",
            "&#;",
            "<",
            "<b",
            "&",
            "\n\n\n",
            "—",
            "- - -",
            "AVA-",
            "A\u{a0}",
            "9 + 7 =",
            "TEHRAN – ",
            "ß–ü– x",
        ] {
            let got = clean(raw, &[]);
            for s in got.sentences.iter().chain(&got.paragraphs) {
                assert!(got.text.get(s.range()).is_some(), "{raw:?}");
            }
        }
    }
}
