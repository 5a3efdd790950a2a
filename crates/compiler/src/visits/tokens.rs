//! Word and punctuation tokens of one sentence, with byte offsets into the
//! document text, as the visit rules see them.
//!
//! Invariant: every token's `start..end` lies on UTF-8 boundaries of the text it
//! was cut from, shifted by the `base` offset given to [`tokenize`]; a possessive
//! `'s`/`’s` is not part of the word's span but sets [`Token::possessive`].

use std::borrow::Cow;

use crate::entities::tokens::is_apostrophe;

/// One word or punctuation mark.
#[derive(Clone, Debug, PartialEq)]
pub struct Token<'a> {
    /// The token as written (without a possessive ending).
    pub text: &'a str,
    /// Lower-case form, for matching (borrowed when the text already is).
    pub lower: Cow<'a, str>,
    /// First byte in the document text.
    pub start: usize,
    /// One past the last byte in the document text (before any `'s`).
    pub end: usize,
    /// Followed by `'s`, `’s` or a bare trailing apostrophe.
    pub possessive: bool,
    /// A word (letters or digits) rather than punctuation.
    pub word: bool,
}

impl Token<'_> {
    /// Whether the word starts with an upper-case letter.
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether the token is the given lower-case word.
    pub fn is(&self, word: &str) -> bool {
        self.lower == word
    }

    /// Whether the token is one of the given lower-case words.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.lower == *w)
    }
}

/// Characters that may continue a word after its first letter or digit.
fn word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Cuts `text` (which starts at byte `base` of the document) into tokens.
pub fn tokenize(text: &str, base: usize) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !word_char(c) {
            let end = start + c.len_utf8();
            tokens.push(make(text, base, start, end, false, false));
            i += 1;
            continue;
        }
        // A word: alphanumerics, joined by single inner hyphens, dots between
        // letters ("U.S"), or apostrophes inside a name ("O'Brien", "didn't").
        let mut j = i + 1;
        let mut possessive = false;
        while j < chars.len() {
            let c = chars[j].1;
            if word_char(c) {
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|p| p.1);
            if is_apostrophe(c) {
                let after = chars.get(j + 2).map(|p| p.1);
                if matches!(next, Some('s') | Some('S')) && !after.is_some_and(word_char) {
                    possessive = true;
                    break;
                }
                if next.is_some_and(word_char) {
                    j += 1;
                    continue;
                }
                // A bare trailing apostrophe marks a plural possessive ("officials’").
                if chars[j - 1].1 == 's' {
                    possessive = true;
                }
                break;
            }
            if (c == '-' || c == '.') && next.is_some_and(word_char) {
                // "U.S" keeps its dots, "mid-August" its hyphen; a final dot ends the word.
                if c == '.'
                    && !(chars[j - 1].1.is_uppercase() && next.is_some_and(char::is_uppercase))
                {
                    break;
                }
                j += 1;
                continue;
            }
            break;
        }
        let end = chars.get(j).map_or(text.len(), |p| p.0);
        tokens.push(make(text, base, start, end, possessive, true));
        // Skip the possessive ending so it never becomes a token of its own.
        i = if possessive {
            let mut k = j + 1;
            if chars.get(k).is_some_and(|p| p.1 == 's' || p.1 == 'S') {
                k += 1;
            }
            k
        } else {
            j
        };
    }
    tokens
}

fn make(
    text: &str,
    base: usize,
    start: usize,
    end: usize,
    possessive: bool,
    word: bool,
) -> Token<'_> {
    let slice = &text[start..end];
    // Most words are already lower case: borrow them rather than allocate.
    let lower = if slice.chars().any(char::is_uppercase) {
        Cow::Owned(slice.to_lowercase())
    } else {
        Cow::Borrowed(slice)
    };
    Token {
        text: slice,
        lower,
        start: base + start,
        end: base + end,
        possessive,
        word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders tokens as `text` (possessive marked with `+s`) joined by spaces.
    fn check(input: &str, expect: &str) {
        let tokens = tokenize(input, 10);
        let rendered: Vec<String> = tokens
            .iter()
            .map(|t| {
                assert_eq!(&input[t.start - 10..t.end - 10], t.text);
                if t.possessive {
                    format!("{}+s", t.text)
                } else {
                    t.text.to_string()
                }
            })
            .collect();
        assert_eq!(rendered.join(" "), expect, "input: {input}");
    }

    #[test]
    fn words_punctuation_and_possessives() {
        check("Anna Berg’s visit to Oslo.", "Anna Berg+s visit to Oslo .");
        check("the officials' talks", "the officials+s talks");
        check("O'Brien didn't go", "O'Brien didn't go");
        check(
            "a two-day trip to the U.S. today",
            "a two-day trip to the U.S . today",
        );
        check("(February 1, 2016)", "( February 1 , 2016 )");
        check("“Yes,” he said", "“ Yes , ” he said");
        check("Kyiv's", "Kyiv+s");
        check("mid-August.", "mid-August .");
    }
}
