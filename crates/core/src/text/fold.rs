//! Folding: case, diacritics (each precomposed letter to its base letter,
//! combining marks dropped, stroked Latin letters spelt plain), full-width
//! forms, apostrophes and digit-group commas, so that spellings of one word
//! become one string.
//!
//! Why not full NFKD: the decomposition tables would add about 80 KB to the
//! WebAssembly. Folding needs only the base letter of each precomposed
//! character and which characters are marks, kept in `unicode_tables.rs`
//! (generated from the `unicode-normalization` crate by a test). Of the
//! compatibility forms, news text uses full-width Latin letters and digits
//! (mapped here by arithmetic) and the ligatures of text copied from PDFs
//! (spelt out with the stroked letters).
//!
//! Possessives go ("Sadri’s" → "sadri", "ministers'" → "ministers") before
//! stemming because the Snowball stemmer only knows the straight apostrophe;
//! any other apostrophe is then dropped ("O’Brien" → "obrien").

use super::unicode_tables::{BASE_CHARS, COMBINING_MARKS, LOWERCASE_RUNS};

/// The apostrophes writers and word processors use for the same purpose.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '′' | '＇')
}

/// Latin letters with a stroke or ligature, which have no decomposition, and
/// their plain spelling ("Łódź" is searched as "lodz", "Øresund" as "oresund",
/// the "ﬁ" of text copied from PDFs as "fi").
fn plain_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' => "l",
        'đ' | 'ð' => "d",
        'ø' => "o",
        'ħ' => "h",
        'ı' => "i",
        'ŧ' => "t",
        'æ' => "ae",
        'œ' => "oe",
        'ß' => "ss",
        'þ' => "th",
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// The ASCII letter, digit or sign a full-width form stands for ("Ｔ" → "T").
fn from_full_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

/// Whether `c` is a combining mark (General Category M).
pub(super) fn is_combining_mark(c: char) -> bool {
    let code = c as u32;
    // Below U+0300 there are none: the test that keeps ASCII and Latin-1 fast.
    code >= 0x300
        && COMBINING_MARKS
            .binary_search_by(|&(first, last)| {
                if last < code {
                    std::cmp::Ordering::Less
                } else if first > code {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

/// The letter a precomposed character is built on ("é" → "e"), or `c` itself.
fn base_char(c: char) -> char {
    let Ok(code) = u16::try_from(c as u32) else {
        return c;
    };
    match BASE_CHARS.binary_search_by_key(&code, |&(from, _)| from) {
        Ok(at) => char::from_u32(u32::from(BASE_CHARS[at].1)).unwrap_or(c),
        Err(_) => c,
    }
}

/// The lower case of `c` when it is one character, as `char::to_lowercase`
/// gives it, from the compact runs of `unicode_tables.rs` (the standard
/// library's own table costs 11 KB of WebAssembly). Only U+0130 "İ", whose lower
/// case is two characters, differs: it becomes "i" (folding drops the dot anyway).
pub fn lowercase(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if c == '\u{130}' {
        return 'i';
    }
    let code = c as u32;
    let at = LOWERCASE_RUNS.partition_point(|&(packed, _)| packed & 0x1F_FFFF <= code);
    let Some(&(packed, offset)) = at.checked_sub(1).map(|i| &LOWERCASE_RUNS[i]) else {
        return c;
    };
    let (first, count, stride) = (packed & 0x1F_FFFF, packed >> 21 & 0x7F, (packed >> 28) + 1);
    let step = code - first;
    if step % stride != 0 || step / stride >= count {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(offset)).unwrap_or(c)
}

/// Appends one character of a word, folded: combining marks dropped, base
/// letter for a precomposed one, apostrophes unified, lower case, stroked
/// letters spelt plain.
fn push_folded(c: char, folded: &mut String) {
    let c = base_char(from_full_width(c));
    if is_combining_mark(c) {
        return;
    }
    if is_apostrophe(c) {
        folded.push('\'');
        return;
    }
    let lower = lowercase(c);
    match plain_latin(lower) {
        Some(plain) => folded.push_str(plain),
        None => folded.push(lower),
    }
}

/// The folded form of one word: lower case, no diacritics, no apostrophes,
/// no thousands separators ("10,000" → "10000").
pub fn fold(word: &str) -> String {
    let mut folded = String::with_capacity(word.len());
    fold_into(word, &mut folded);
    folded
}

/// Appends `text` folded character by character to `out`: lower case, base
/// letters without combining marks, full-width forms and ligatures spelt
/// plain, every apostrophe as `'`. The part of [`fold`] that knows nothing of
/// words, shared with the compiler's name keys.
pub fn fold_letters_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        // The common case: no table lookups.
        out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        for c in text.chars() {
            push_folded(c, out);
        }
    }
}

/// [`fold`] into a reused buffer (cleared first), for hot loops.
pub fn fold_into(word: &str, folded: &mut String) {
    folded.clear();
    fold_letters_into(word, folded);
    if let Some(stripped) = folded.strip_suffix("'s") {
        folded.truncate(stripped.len());
    }
    let digits_only = folded
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
    if digits_only || folded.contains('\'') {
        folded.retain(|c| c != '\'' && !(digits_only && c == ','));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Folds each input and compares with the expected form.
    fn check(cases: &[(&str, &str)]) {
        for &(word, expect) in cases {
            assert_eq!(fold(word), expect, "{word:?}");
        }
    }

    #[test]
    fn lowercase_agrees_with_the_standard_library() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut std_lower = c.to_lowercase();
            let expect = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                _ => 'i',
            };
            assert_eq!(lowercase(c), expect, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        check(&[
            ("Tehran", "tehran"),
            ("Rōhānī", "rohani"),
            ("Zarif’s", "zarif"),
            ("Sadri's", "sadri"),
            ("ministers'", "ministers"),
            ("O’Brien", "obrien"),
            ("Ｔｏｋｙｏ", "tokyo"),
            ("ÉLYSÉE", "elysee"),
            ("10,000", "10000"),
            ("3.5", "3.5"),
            ("A,B", "a,b"),
            ("Москва", "москва"),
            ("Łódź", "lodz"),
            ("Øresund", "oresund"),
            ("Straße", "strasse"),
            ("ﬁnance", "finance"),
            ("Ｒｅｕｔｅｒｓ’", "reuters"),
        ]);
    }
}
