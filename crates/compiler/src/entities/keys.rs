//! Comparison keys for names: diacritic folding, a phonetic key that makes
//! transliteration variants equal, lookup keys for the gazetteer, and URL slugs.
//!
//! Why a consonant skeleton: Russian and Persian names reach English through
//! several romanisations that mostly disagree on vowels ("Mousavi"/"Musavi",
//! "Mohammad"/"Muhammad", "Sergei"/"Sergey", "Zarif"/"Zareef") and on a few
//! consonant spellings ("ks"/"x", "kh"/"h", "gh"/"q"/"k", "w"/"v"). Keeping the consonants,
//! normalising those spellings and collapsing doubles makes such variants meet.

/// Lower-case text without diacritics or apostrophes: "Shamkhāʼnī" → "shamkhani".
/// The letters are folded as the search folds them (core's `fold_letters_into`).
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    communique_core::text::fold_letters_into(text, &mut folded);
    folded.retain(|c| !matches!(c, '\'' | '`'));
    folded
}

/// The gazetteer key of a name: folded, dots dropped, other non-alphanumerics as one space.
/// "U.S." → "us", "Nagorno-Karabakh" → "nagorno karabakh".
pub(crate) fn lookup_key(text: &str) -> String {
    if text.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return text.to_ascii_lowercase();
    }
    let folded = fold(text);
    let mut key = String::with_capacity(folded.len());
    for c in folded.chars() {
        if c.is_alphanumeric() {
            key.push(c);
        } else if c != '.' && !key.is_empty() && !key.ends_with(' ') {
            key.push(' ');
        }
    }
    key.trim_end().to_string()
}

/// The phonetic key of one word of a name; variants of one transliteration share it.
pub(crate) fn phonetic_key(word: &str) -> String {
    let folded: Vec<char> = fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
    let mut key = String::new();
    let mut i = 0;
    while i < folded.len() {
        let c = folded[i];
        let next = folded.get(i + 1).copied();
        let mapped = match (c, next) {
            ('k' | 'c' | 'z' | 's' | 'g' | 'p' | 't', Some('h')) => {
                i += 1;
                match c {
                    'k' => 'h',
                    // Persian ق and غ come through as "q", "gh" or "k": "Qasemi"/"Ghasemi".
                    'g' => 'k',
                    'p' => 'f',
                    's' | 'c' => 'S',
                    'z' => 'Z',
                    _ => 't',
                }
            }
            ('x', _) => {
                key.push('k');
                's'
            }
            ('c' | 'q', _) => 'k',
            ('w', _) => 'v',
            ('j', _) => 'j',
            (v, _) if "aeiouy".contains(v) => {
                // A leading vowel is kept as one class ("Ebrahim"/"Ibrahim"); others vanish.
                if i == 0 {
                    'a'
                } else {
                    i += 1;
                    continue;
                }
            }
            (other, _) => other,
        };
        if !key.ends_with(mapped) {
            key.push(mapped);
        }
        i += 1;
    }
    key
}

/// Whether two words of names are spellings of one name: same phonetic key, and
/// close enough in spelling that the key's lost vowels cannot hide a different
/// name ("Mohammad"/"Muhammad" yes, "Mohammad"/"Mahmoud" no).
pub(crate) fn same_name_word(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return true;
    }
    let longest = fa.chars().count().max(fb.chars().count());
    phonetic_key(a) == phonetic_key(b) && edit_distance(&fa, &fb) <= (longest / 3).max(1)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A URL slug: folded, alphanumeric words joined by `-`. "Hossein Rezaei Nasab" → "hossein-rezaei-nasab".
pub(crate) fn slug(text: &str) -> String {
    lookup_key(text).replace(' ', "-")
}

/// The initials of a name's capitalised words, in capitals: "AMLO" for "Andrés Manuel
/// López Obrador" (particles such as "da" or "bin" left out).
pub(crate) fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Asserts that all `variants` are one name and that `other` is not.
    fn check(variants: &[&str], other: &str) {
        for v in variants {
            assert!(same_name_word(v, variants[0]), "{v} vs {}", variants[0]);
        }
        assert!(
            !same_name_word(other, variants[0]),
            "{other} vs {}",
            variants[0]
        );
    }

    #[test]
    fn transliteration_variants_meet() {
        check(&["Mohammad", "Mohammed", "Muhammad", "Muhammed"], "Mahmoud");
        check(&["Lavrov", "Lavrow"], "Orlov");
        check(&["Sergei", "Sergey", "Serguei"], "Sarah");
        check(&["Mousavi", "Musavi"], "Rahimi");
        check(&["Zarif", "Zareef"], "Zafar");
        check(&["Alexander", "Aleksandr", "Alexandre"], "Alexei");
        check(&["Hossein", "Hussein", "Husein"], "Hassan");
        check(&["Ebrahim", "Ibrahim"], "Abrams");
        check(&["Shamkhani", "Shamkhānī", "Shamkha'ni"], "Shankman");
        check(&["Qasemi", "Ghasemi", "Kasemi"], "Hashemi");
        check(&["Yuri", "Yury", "Yuriy"], "Yaro");
        check(&["Dmitry", "Dmitri", "Dmitriy"], "Dimitrov");
        check(&["Sadegh", "Sadeq"], "Saddam");
    }

    #[test]
    fn keys_and_slugs() {
        assert_eq!(lookup_key("U.S."), "us");
        assert_eq!(lookup_key("Nagorno-Karabakh"), "nagorno karabakh");
        assert_eq!(lookup_key("São Paulo"), "sao paulo");
        assert_eq!(slug("Hossein Rezaei Nasab"), "hossein-rezaei-nasab");
        assert_eq!(fold("Sadeghi’s"), "sadeghis");
    }
}
