//! The text pipeline shared by the index writer and the query parser: words
//! with their byte offsets, folded, filtered for stop words and stemmed.
//!
//! `tokenize` cuts text into words (UAX #29) and numbers them; `fold` makes
//! "Rōhānī", "ROHANI" and "Rohani’s" the same word; `stem` maps "ministers" and
//! "ministry" onto Snowball stems and knows the stop words.
//!
//! Invariant: the index is built and queried through [`analyze`] and [`term`]
//! only, so a word typed in the search box always meets the same term the
//! writer stored for it.
//!
//! Invariant: every word of a text gets a position, stop words included, so
//! phrase offsets survive stop-word removal ("minister of foreign affairs"
//! keeps "foreign" two words after "minister").

mod fold;
mod stem;
mod tokenize;
// Generated, four entries a line (tests/unicode_tables.rs): rustfmt would put one a line.
#[rustfmt::skip]
mod unicode_tables;

pub use fold::{fold, fold_into, fold_letters_into};
pub use stem::{is_stop_word, stem};
pub use tokenize::{hyphenated, words, Word};

/// A word of a text together with the index term it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written, with its position and byte span.
    pub word: Word<'a>,
    /// The word folded (lower case, no diacritics or apostrophes).
    pub folded: String,
    /// The folded, stemmed term; `None` for a stop word (not indexed).
    pub term: Option<String>,
}

/// The index term of one word: folded and stemmed, `None` for a stop word or
/// for a word that folds to nothing.
pub fn term(word: &str) -> Option<String> {
    term_of_folded(&fold(word))
}

/// The index term of an already folded word.
fn term_of_folded(folded: &str) -> Option<String> {
    if folded.is_empty() || is_stop_word(folded) {
        return None;
    }
    Some(stem(folded))
}

/// The folded form and the term of one word as written: the pipeline behind
/// [`analyze`], for callers that memoise it per distinct word.
pub fn analyze_word(word: &str) -> (String, Option<String>) {
    let folded = fold(word);
    let term = term_of_folded(&folded);
    (folded, term)
}

/// Every word of `text` with its term: the one pipeline for documents and queries.
pub fn analyze(text: &str) -> impl Iterator<Item = Token<'_>> {
    words(text).map(|word| {
        let (folded, term) = analyze_word(word.text);
        Token { word, folded, term }
    })
}

/// The set of characters in `term` as bits: letters and digits exactly, other
/// characters hashed onto the remaining bits. If two words are `k` edits
/// apart, each has at most `k` bits the other lacks, collisions only helping.
pub(crate) fn char_mask(term: &str) -> u64 {
    term.chars().fold(0, |mask, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        mask | 1 << bit
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Analyses `text` and compares `position:surface=term` (or `-` for a stop word).
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = analyze(text)
            .map(|t| {
                let term = t.term.as_deref().unwrap_or("-");
                format!("{}:{}={}", t.word.position, t.word.text, term)
            })
            .collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn pipeline_folds_stems_and_keeps_positions_of_stop_words() {
        check(
            "The Ministers of Foreign Affairs",
            &[
                "0:The=-",
                "1:Ministers=minist",
                "2:of=-",
                "3:Foreign=foreign",
                "4:Affairs=affair",
            ],
        );
        check("Sadri’s visit", &["0:Sadri’s=sadri", "1:visit=visit"]);
        check("Rōhānī ROHANI", &["0:Rōhānī=rohani", "1:ROHANI=rohani"]);
        check("", &[]);
    }
}
