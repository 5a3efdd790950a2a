//! Sentence splitting of clean paragraphs: Unicode sentence boundaries
//! (UAX #29, via `unicode-segmentation`), then repaired where news text fools
//! them.
//!
//! UAX #29 already keeps decimals (`3.5`), lower-case continuations
//! (`the U.S. and Iran`) and closing quotes (`nature.” He`) right. What it
//! gets wrong, and this module mends by joining two pieces back together:
//! - a title or other abbreviation before a name (`Mr. Marchenko`, `Dr. Karimi`,
//!   `Lt. Gen. Belyakov`, `St. Petersburg`): always joined; one before a number
//!   (`No. 5`, `Jan. 28`) when a number follows;
//! - initials and initialisms (`Pavel P. Sokolenko`, `the U.S. President`),
//!   company or list abbreviations (`Inc.`, `etc.`) and clock times (`3 p.m.
//!   Friday`): joined unless the next word is one that usually opens a
//!   sentence (`the U.S. The talks…` is two);
//! - a piece that starts in lower case (`“Why?” he asked.`): a sentence never
//!   starts in lower case, so it belongs to the one before.
//!
//! Invariant: spans never cross a paragraph, never start or end with
//! whitespace, and cover every non-space character of the paragraph.

use communique_core::Span;
use unicode_segmentation::UnicodeSegmentation;

/// Appends the sentence spans of `paragraph`, which starts at byte `base` of the text.
pub fn split_into(paragraph: &str, base: usize, out: &mut Vec<Span>) {
    let mut current: Option<(usize, usize)> = None;
    for (start, piece) in paragraph.split_sentence_bound_indices() {
        let trimmed = piece.trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let lead = piece.len() - piece.trim_start().len();
        let (start, end) = (start + lead, start + trimmed.len());
        current = match current {
            Some((open, prev_end))
                if continues(&paragraph[open..prev_end], &paragraph[start..end]) =>
            {
                Some((open, end))
            }
            Some((open, prev_end)) => {
                out.push(Span::new(base + open, base + prev_end));
                Some((start, end))
            }
            None => Some((start, end)),
        };
    }
    if let Some((open, end)) = current {
        out.push(Span::new(base + open, base + end));
    }
}

/// Whether `next` continues the sentence `before` rather than starting one.
fn continues(before: &str, next: &str) -> bool {
    let next_word = next
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if next_word.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    let Some(body) = before.strip_suffix('.') else {
        return false;
    };
    let last = body
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_start_matches(['(', '[', '"', '“', '‘', '\'']);
    let lower = last.to_lowercase();
    if ALWAYS_BEFORE_NAMES.contains(&lower.as_str()) {
        return true;
    }
    let number_next = next_word.starts_with(|c: char| c.is_ascii_digit());
    if BEFORE_NUMBERS.contains(&lower.as_str()) {
        return number_next;
    }
    let starter = SENTENCE_STARTERS.contains(&next_word.to_lowercase().as_str());
    if MONTHS.contains(&lower.as_str()) {
        return number_next || !starter;
    }
    let initial = is_initialism(last);
    (initial || OFTEN_LAST.contains(&lower.as_str())) && !starter
}

/// `F`, `U.S`, `U.N`, `Ph.D`: one capital, or short capitalised parts joined
/// by dots (the final dot already removed).
fn is_initialism(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        let first_upper = chars.next().is_some_and(char::is_uppercase);
        if !first_upper || part.chars().count() > 2 {
            return false;
        }
        parts += 1;
    }
    // A lone capital is an initial; longer words need inner dots ("US." may end a sentence).
    (parts >= 2 || word.chars().count() == 1)
        && word.chars().filter(|c| c.is_alphabetic()).count() <= 4
}

/// Abbreviations that stand before a name or number, so never end a sentence.
const ALWAYS_BEFORE_NAMES: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "gen", "lt", "col", "maj", "brig", "sgt", "cpl",
    "capt", "cmdr", "adm", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "st", "mt",
    "ft", "vol", "pp", "fig", "approx", "vs", "cf", "amb", "gens",
];

/// Abbreviations that stand before a number (`No. 5`, `Art. 3`), and are
/// words of their own otherwise (`He said no.`).
const BEFORE_NUMBERS: &[&str] = &["no", "nos", "art", "sec", "ch", "para"];

/// Abbreviations that may end a sentence as well as sit inside one.
const OFTEN_LAST: &[&str] = &[
    "inc", "ltd", "co", "corp", "bros", "jr", "sr", "etc", "al", "plc", "llc", "a.m", "p.m",
];

/// Month abbreviations, joined before a day number.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Words that commonly open a sentence in news text.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "this",
    "that",
    "these",
    "those",
    "there",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "for",
    "however",
    "meanwhile",
    "also",
    "earlier",
    "later",
    "both",
    "some",
    "many",
    "mr",
    "mrs",
    "ms",
    "dr",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect` lists the sentences, separated by ` | `.
    fn check(paragraph: &str, expect: &str) {
        let mut spans = Vec::new();
        split_into(paragraph, 0, &mut spans);
        let got: Vec<&str> = spans.iter().map(|s| &paragraph[s.range()]).collect();
        assert_eq!(got.join(" | "), expect);
    }

    #[test]
    fn splits_plain_sentences() {
        check(
            "One two. Three four!  Five?",
            "One two. | Three four! | Five?",
        );
        check(
            "  Leading and trailing space.  ",
            "Leading and trailing space.",
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals_inside() {
        check(
            "Mr. Marchenko met Dr. Karimi. They talked.",
            "Mr. Marchenko met Dr. Karimi. | They talked.",
        );
        check(
            "Trade grew 3.5 percent. Good.",
            "Trade grew 3.5 percent. | Good.",
        );
        check(
            "The U.S. President and Pavel P. Sokolenko met.",
            "The U.S. President and Pavel P. Sokolenko met.",
        );
        check(
            "He went to the U.S. The talks failed.",
            "He went to the U.S. | The talks failed.",
        );
        check(
            "It happened on Jan. 28 in Moscow.",
            "It happened on Jan. 28 in Moscow.",
        );
        check("Apple Inc. The firm grew.", "Apple Inc. | The firm grew.");
        check(
            "Lt. Gen. Belyakov flew to St. Petersburg at 3 p.m. Friday. He left.",
            "Lt. Gen. Belyakov flew to St. Petersburg at 3 p.m. Friday. | He left.",
        );
        check(
            "Resolution No. 2231 stands. He said no. Talks ended.",
            "Resolution No. 2231 stands. | He said no. | Talks ended.",
        );
    }

    #[test]
    fn quotes_end_sentences() {
        check(
            "Marchenko said, “It is strategic.” The Russian leader also said more.",
            "Marchenko said, “It is strategic.” | The Russian leader also said more.",
        );
        check(
            "“Why?” he asked. Nobody knew.",
            "“Why?” he asked. | Nobody knew.",
        );
    }

    #[test]
    fn offsets_are_relative_to_the_base() {
        let mut spans = Vec::new();
        split_into("A b. C d.", 10, &mut spans);
        assert_eq!(spans, vec![Span::new(10, 14), Span::new(15, 19)]);
    }
}
