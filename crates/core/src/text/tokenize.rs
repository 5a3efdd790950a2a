//! Word segmentation: Unicode word boundaries (UAX #29) with byte offsets into
//! the original text and a running word position.
//!
//! A word is any UAX #29 segment holding a letter or digit, so "Sadri’s",
//! "U.S" and "10,000" stay whole while "Iran-Russia" is two words. Nothing is
//! changed here: folding and stemming come later, so spans always point at the
//! text as written.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::Span;

/// One word of a text, as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// 0-based index of the word among all words of the text.
    pub position: u32,
    /// Byte span of the word in the text (on character boundaries).
    pub span: Span,
    /// The word as written.
    pub text: &'a str,
}

/// The words of `text`, in order, numbered from 0.
pub fn words(text: &str) -> impl Iterator<Item = Word<'_>> {
    text.unicode_word_indices()
        .enumerate()
        .map(|(position, (start, word))| Word {
            position: position as u32,
            span: Span::new(start, start + word.len()),
            text: word,
        })
}

/// Whether two words of `text` form a hyphenated compound ("cease-fire",
/// "co-operation"): one hyphen between them and nothing else. Such a pair is
/// also indexed joined, so "ceasefire" finds it.
pub fn hyphenated(text: &str, first: Span, second: Span) -> bool {
    matches!(
        text.get(first.end as usize..second.start as usize),
        Some("-" | "\u{2010}" | "\u{2011}")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Segments `text` and compares `surface@start..end` for every word, and
    /// checks that each span slices back to the word.
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = words(text)
            .enumerate()
            .map(|(i, w)| {
                assert_eq!(w.position as usize, i);
                assert_eq!(&text[w.span.range()], w.text);
                format!("{}@{}..{}", w.text, w.span.start, w.span.end)
            })
            .collect();
        assert_eq!(got, expect, "{text:?}");
    }

    #[test]
    fn words_keep_byte_offsets() {
        check(
            "Iran-Russia co-op",
            &["Iran@0..4", "Russia@5..11", "co@12..14", "op@15..17"],
        );
        check("Sadri's “visit”", &["Sadri's@0..7", "visit@11..16"]);
        check("Sadri’s", &["Sadri’s@0..9"]);
        check(
            "TEHRAN – Rōhānī, 10,000 U.S.",
            &[
                "TEHRAN@0..6",
                "Rōhānī@11..20",
                "10,000@22..28",
                "U.S@29..32",
            ],
        );
        check(" \n– … ", &[]);
    }

    #[test]
    fn hyphenated_compounds() {
        let text = "cease-fire co‑op well - known up--down";
        let w: Vec<Word> = words(text).collect();
        let joined: Vec<bool> = w
            .windows(2)
            .map(|p| hyphenated(text, p[0].span, p[1].span))
            .collect();
        assert_eq!(joined, [true, false, true, false, false, false, false]);
    }
}
