//! Word tokens with byte spans: the unit every entity rule works on.
//!
//! Invariant: token spans are byte offsets into the text handed to [`tokenize`]
//! (plus its `base`), on character boundaries, in order and non-overlapping.
//! A possessive `'s`/`’s` becomes its own token so "Sadeghi’s" yields the name "Sadeghi";
//! hyphens split words so "Iran-Russia" yields two names.

/// What a token looks like, which is most of what the rules know about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Starts with an upper-case letter and has lower-case letters: "Moscow", "McCain";
    /// also an initial with its dot before a name: "W.".
    Capitalized,
    /// Two or more letters, all upper-case: "EAEU", "TEHRAN"; also "U.S.".
    Upper,
    /// Starts with a lower-case letter: "said", "al".
    Lower,
    /// Starts with a digit: "2016", "38".
    Number,
    /// The possessive ending `'s` or `’s`.
    Possessive,
    /// Anything else: punctuation, symbols, a lone capital letter.
    Other,
}

/// One token of a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its look.
    pub shape: Shape,
}

impl Token {
    #[cfg(test)]
    /// The token's text in `text` (the same text, with the same base, it was cut from).
    pub fn text<'a>(&self, text: &'a str, base: usize) -> &'a str {
        &text[self.start - base..self.end - base]
    }

    /// Whether the token can be part of a name: capitalised or all capitals.
    pub fn is_name_like(&self) -> bool {
        matches!(self.shape, Shape::Capitalized | Shape::Upper)
    }
}

/// Whether a character is an apostrophe as news text writes one (straight or curly);
/// the visit tokenizer uses it too.
pub(crate) fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Splits `text` into tokens; spans are offset by `base` (the text's position in its document).
pub(crate) fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if c.is_alphanumeric() {
            // Initialisms written with dots ("U.S.", "U.N."): single letters each followed by a dot.
            let mut k = i;
            while k + 1 < chars.len() && chars[k].1.is_uppercase() && chars[k + 1].1 == '.' {
                k += 2;
            }
            // A lone initial before a name keeps its dot: "S. Waugh", "George W. Bush".
            let initial = k - i == 2
                && chars.get(k).is_some_and(|&(_, c)| c == ' ')
                && chars.get(k + 1).is_some_and(|&(_, c)| c.is_uppercase());
            if k - i >= 4 || initial {
                j = k;
            } else {
                while j < chars.len() {
                    let cj = chars[j].1;
                    let next_alpha = chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic());
                    if cj.is_alphanumeric() || cj == '\u{301}' {
                        j += 1;
                    } else if is_apostrophe(cj) && next_alpha && !possessive_at(&chars, j) {
                        // Inner apostrophes belong to the word: "O'Brien", "Mu'tamar".
                        j += 1;
                    } else if (cj == '.' || cj == ',')
                        && c.is_ascii_digit()
                        && chars.get(j + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
        } else if is_apostrophe(c) && possessive_at(&chars, i) {
            j = i + 2;
        }
        let end = byte_at(j);
        let word = &text[start..end];
        tokens.push(Token {
            start: base + start,
            end: base + end,
            shape: shape_of(word),
        });
        i = j;
    }
    tokens
}

/// Whether an apostrophe at `i` starts a possessive `'s` that ends the word.
fn possessive_at(chars: &[(usize, char)], i: usize) -> bool {
    is_apostrophe(chars[i].1)
        && i > 0
        && chars[i - 1].1.is_alphanumeric()
        && chars.get(i + 1).is_some_and(|&(_, c)| c == 's' || c == 'S')
        && chars.get(i + 2).is_none_or(|&(_, c)| !c.is_alphanumeric())
}

fn shape_of(word: &str) -> Shape {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return Shape::Other;
    };
    if is_apostrophe(first) && word.len() > 1 {
        return Shape::Possessive;
    }
    if first.is_ascii_digit() {
        return Shape::Number;
    }
    if first.is_lowercase() {
        return Shape::Lower;
    }
    if !first.is_uppercase() {
        return Shape::Other;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if word.chars().any(|c| c.is_lowercase()) || (letters == 1 && word.ends_with('.')) {
        Shape::Capitalized
    } else if letters >= 2 {
        Shape::Upper
    } else {
        Shape::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokenizes `text` and compares "word/Shape" pairs.
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = tokenize(text, 0)
            .iter()
            .map(|t| format!("{}/{:?}", t.text(text, 0), t.shape))
            .collect();
        assert_eq!(got, expect, "tokens of {text:?}");
    }

    #[test]
    fn words_possessives_hyphens_and_initialisms() {
        check(
            "Nadia’s visit to U.S. ports",
            &[
                "Nadia/Capitalized",
                "’s/Possessive",
                "visit/Lower",
                "to/Lower",
                "U.S./Upper",
                "ports/Lower",
            ],
        );
        check(
            "Franco-German talks, 3.5 km",
            &[
                "Franco/Capitalized",
                "-/Other",
                "German/Capitalized",
                "talks/Lower",
                ",/Other",
                "3.5/Number",
                "km/Lower",
            ],
        );
        check(
            "O'Brien's NATO",
            &["O'Brien/Capitalized", "'s/Possessive", "NATO/Upper"],
        );
        check("A cat", &["A/Other", "cat/Lower"]);
        check(
            "by S. Waugh.",
            &["by/Lower", "S./Capitalized", "Waugh/Capitalized", "./Other"],
        );
    }

    #[test]
    fn spans_carry_the_base_offset() {
        let text = "é Kyiv";
        let tokens = tokenize(text, 10);
        assert_eq!((tokens[1].start, tokens[1].end), (13, 17));
        assert_eq!(tokens[1].text(text, 10), "Kyiv");
    }
}
