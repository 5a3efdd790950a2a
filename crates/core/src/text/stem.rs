//! Stemming (Snowball English, via `rust-stemmers`) and the stop-word list.
//!
//! Stop words are the classic Lucene English set plus a few pronouns and
//! auxiliaries that appear in nearly every news sentence: indexing them would
//! cost space and time without ever separating one article from another.

use rust_stemmers::{Algorithm, Stemmer};

/// Words too common in English news to be worth indexing (folded, sorted).
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has",
    "have", "he", "his", "if", "in", "into", "is", "it", "its", "no", "not", "of", "on", "or",
    "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "were",
    "which", "will", "with",
];

/// Whether a folded word is a stop word (kept in positions, never indexed).
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// The Snowball English stem of a folded word.
pub fn stem(folded: &str) -> String {
    // `Stemmer::create` only picks a function pointer, so making one per call
    // costs nothing and keeps this function free of global state.
    Stemmer::create(Algorithm::English)
        .stem(folded)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stems each folded word and compares with the expected stem.
    fn check(cases: &[(&str, &str)]) {
        for &(word, expect) in cases {
            assert_eq!(stem(word), expect, "{word:?}");
        }
    }

    #[test]
    fn stems_inflections_together() {
        check(&[
            ("ministers", "minist"),
            ("minister", "minist"),
            ("visited", "visit"),
            ("visits", "visit"),
            ("talks", "talk"),
            ("cooperation", "cooper"),
            ("2016", "2016"),
        ]);
    }

    #[test]
    fn stop_words_are_sorted_and_found() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("with"));
        assert!(!is_stop_word("us") && !is_stop_word("who"));
    }
}
