//! Folding of names for the "find a value" box, so that a user typing `rohani`
//! finds "Rōhānī" and `o'brien` finds "O’Brien".
//!
//! Kept small and local: names are matched by substring, not tokenised, so this
//! needs only case, diacritics, apostrophes, dashes and white space made uniform.

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

/// `text` lower-cased, without diacritics (NFKD, combining marks dropped), with
/// typographic apostrophes and dashes made ASCII and white space runs made one
/// space, trimmed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space_pending = false;
    // NFKD is a no-op on ASCII, the common case for names; skipping it halves build time.
    let chars: Box<dyn Iterator<Item = char>> = if text.is_ascii() {
        Box::new(text.chars())
    } else {
        Box::new(text.nfkd())
    };
    for c in chars {
        if is_combining_mark(c) {
            continue;
        }
        if c.is_whitespace() {
            space_pending = !out.is_empty();
            continue;
        }
        if space_pending {
            out.push(' ');
            space_pending = false;
        }
        match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(fold(input), expect, "{input:?}");
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        check("Rōhānī", "rohani");
        check("Hassan ROUHANI", "hassan rouhani");
        check("  Jaberi\u{a0}\tAnsari ", "jaberi ansari");
        check("O’Brien", "o'brien");
        check(
            "Islamic Republic News Agency – IRNA",
            "islamic republic news agency - irna",
        );
        check("Zürich", "zurich");
        check("ﬁnance", "finance");
        check("", "");
    }
}
