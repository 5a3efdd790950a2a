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
//!
//! [`dates::header_date`]: crate::dates::header_date

use communique_core::{PartialDate, RemovedText, Span};

use crate::sentences;

mod boilerplate;
mod header;
mod lead;
mod markup;

use boilerplate::{
    ends_sentence, remove_boilerplate, remove_inserted_headlines, remove_other_script_footer,
    take_closing_date,
};
use header::read_header;
use lead::{strip_lead, Lead};
use markup::normalise_line;

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
    /// Whether `text` opens with the headline (the title) as its first paragraph.
    pub headline: bool,
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
    } else if !out.text.is_empty() {
        open_with_headline(&mut out);
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

/// Puts the headline (the title) before the text as its own paragraph: the headline is
/// text too, and the extractors read it like any other sentence ("Minister in Canberra
/// for trade talks" may be the only place a trip is named).
fn open_with_headline(out: &mut Cleaned) {
    // A title from metadata may hold line breaks, which would cut the headline.
    let headline = out.title.split_whitespace().collect::<Vec<_>>().join(" ");
    let shift = headline.len() + 2;
    for span in out.paragraphs.iter_mut().chain(out.sentences.iter_mut()) {
        *span = Span::new(span.start as usize + shift, span.end as usize + shift);
    }
    let mut sentences = Vec::new();
    sentences::split_into(&headline, 0, &mut sentences);
    sentences.append(&mut out.sentences);
    out.sentences = sentences;
    out.paragraphs.insert(0, Span::new(0, headline.len()));
    out.text.insert_str(0, "\n\n");
    out.text.insert_str(0, &headline);
    out.headline = true;
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
    /// source, dateline, each paragraph after the headline on its own line, then
    /// `- reason: text` for each removed piece. The text must open with the title as
    /// its headline paragraph unless a note says the title came from the text.
    pub(super) fn check(raw: &str, known_titles: &[&str], expect: &str) {
        let got = clean(raw, known_titles);
        let from_text = got.notes.iter().any(|n| n.starts_with("no headline found"));
        assert_eq!(got.headline, !from_text && !got.text.is_empty());
        if got.headline {
            let first = got.paragraphs[0];
            assert_eq!(&got.text[first.range()], got.title);
            assert_eq!(got.sentences[0].start, 0);
        }
        let mut text = format!(
            "title: {}\ndate: {} {}\nsource: {}\ndateline: {}\n",
            got.title,
            got.date.map(|d| d.iso()).unwrap_or("-".into()),
            got.time.as_deref().unwrap_or("-"),
            got.source.as_deref().unwrap_or("-"),
            got.dateline.as_deref().unwrap_or("-"),
        );
        for p in &got.paragraphs[usize::from(got.headline)..] {
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
