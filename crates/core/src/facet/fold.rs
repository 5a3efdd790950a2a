//! Folding of names for the "find a value" box, so that a user typing `rahmani`
//! finds "Rāhmānī" and `o'brien` finds "O’Brien".
//!
//! The search pipeline's word folding ([`crate::text::fold`]) applied word by
//! word: names are matched by substring, so the only extra is that any run of
//! white space becomes one space, and a folded name never holds a newline (the
//! separator of a value's names in the index).

use crate::text::fold_into;

/// `name` folded word by word (case, diacritics, apostrophes, possessives), its
/// words joined by single spaces.
pub(crate) fn fold_name(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    fold_name_into(name, &mut folded, &mut String::new());
    folded
}

/// [`fold_name`] appended to `out`, with `word` as scratch space: folding every
/// name of a corpus allocates nothing per name.
pub(crate) fn fold_name_into(name: &str, out: &mut String, word: &mut String) {
    let mut first = true;
    for raw in name.split_whitespace() {
        fold_into(raw, word);
        if word.is_empty() {
            continue;
        }
        if !first {
            out.push(' ');
        }
        out.push_str(word);
        first = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(fold_name(input), expect, "{input:?}");
        let mut appended = "x\n".to_owned();
        fold_name_into(input, &mut appended, &mut "scratch".to_owned());
        assert_eq!(appended, format!("x\n{expect}"), "{input:?}");
    }

    #[test]
    fn folds_case_diacritics_apostrophes_and_spaces() {
        check("Rāhmānī", "rahmani");
        check("Hassan RAHMANI", "hassan rahmani");
        check("  Jalali\u{a0}\tAnsari\n", "jalali ansari");
        check("O’Brien", "obrien");
        check("o'brien", "obrien");
        check("Zarif’s visit", "zarif visit");
        check("Zürich", "zurich");
        check("ﬁnance", "finance");
        check("", "");
    }
}
