//! Word segmentation: the word rules of Unicode's UAX #29, with byte offsets
//! into the original text and a running word position.
//!
//! A word is a run of letters and digits, so "Iran-Russia" is two words, and
//! it stays whole across the punctuation UAX #29 keeps inside words: an
//! apostrophe, full stop or colon between letters ("Sadri’s", "U.S"), a
//! comma, full stop or semicolon between digits ("10,000", "3.5"), and
//! underscores. Combining marks and invisible format characters (soft
//! hyphen, joiners, direction marks) belong to the word they follow. Han
//! ideographs, Hiragana and the scripts written without spaces (Thai, Lao,
//! Khmer, Myanmar) give a word per character, as UAX #29 does without a
//! dictionary; a run of Katakana is a word apart from the letters around it.
//! Nothing is changed here: folding and stemming come later, so spans always
//! point at the text as written.
//!
//! Why not the `unicode-segmentation` crate: its word tables and state
//! machine cost 7 KB of the gzipped WebAssembly, and a word index needs only
//! these rules; `tests/word_boundaries.rs` checks that both cut the same text
//! the same way, and names the few places where they differ.

use super::fold::is_combining_mark;
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
    WordSpans { text, at: 0 }
        .enumerate()
        .map(|(position, (start, end))| Word {
            position: position as u32,
            span: Span::new(start, end),
            text: &text[start..end],
        })
}

/// What a character is to the word rules.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A letter (UAX #29's ALetter and Hebrew_Letter).
    Letter,
    /// Katakana, which joins only Katakana (and connectors).
    Katakana,
    /// A digit or other number (Numeric).
    Digit,
    /// A word of its own: an ideograph, Hiragana, or a letter of a script
    /// written without spaces.
    Single,
    /// Joins letters and digits on either side (ExtendNumLet: "_").
    Connector,
    /// Belongs to whatever precedes it (Extend, Format, ZWJ).
    Extend,
    /// Inside a word between letters (MidLetter: ":", "·").
    MidLetter,
    /// Inside a word between digits (MidNum: ",", ";").
    MidNum,
    /// Inside a word between letters or between digits (MidNumLet: ".", "'", "’").
    MidNumLet,
    /// Inside a word between Hebrew letters (Double_Quote: '"').
    DoubleQuote,
    /// Anything else: spaces, punctuation, symbols.
    Other,
}

/// The class of `c` (see [`Class`]).
fn class(c: char) -> Class {
    match c {
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '0'..='9' => Class::Digit,
        '"' => Class::DoubleQuote,
        '\'' | '.' | '‘' | '’' | '\u{2024}' | '\u{FE52}' | '\u{FF07}' | '\u{FF0E}' => {
            Class::MidNumLet
        }
        ':' | '·' | '\u{387}' | '\u{55F}' | '\u{5F4}' | '\u{2027}' | '\u{FE13}' | '\u{FE55}'
        | '\u{FF1A}' => Class::MidLetter,
        ',' | ';' | '\u{37E}' | '\u{589}' | '\u{60C}' | '\u{60D}' | '\u{66C}' | '\u{7F8}'
        | '\u{2044}' | '\u{FE10}' | '\u{FE14}' | '\u{FE50}' | '\u{FE54}' | '\u{FF0C}'
        | '\u{FF1B}' => Class::MidNum,
        '_'
        | '\u{203F}'
        | '\u{2040}'
        | '\u{2054}'
        | '\u{FE33}'
        | '\u{FE34}'
        | '\u{FE4D}'..='\u{FE4F}'
        | '\u{FF3F}' => Class::Connector,
        // Soft hyphen, Arabic letter mark, joiners, direction marks and
        // embeddings, word joiner, invisible operators, byte order mark.
        '\u{AD}'
        | '\u{61C}'
        | '\u{200C}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}'
        | '\u{FEFF}' => Class::Extend,
        '\u{30A0}'..='\u{30FA}'
        | '\u{30FC}'..='\u{30FF}'
        | '\u{31F0}'..='\u{31FF}'
        | '\u{32D0}'..='\u{32FE}'
        | '\u{3300}'..='\u{3357}'
        | '\u{FF66}'..='\u{FF9D}'
        | '\u{1B000}'
        | '\u{1B120}'..='\u{1B122}'
        | '\u{1B164}'..='\u{1B167}' => Class::Katakana,
        // Thai, Lao, Myanmar, Khmer; Hiragana; CJK ideographs (extension A,
        // unified, compatibility, and the supplementary planes' extensions).
        '\u{E00}'..='\u{EFF}'
        | '\u{1000}'..='\u{109F}'
        | '\u{1780}'..='\u{17FF}'
        | '\u{3040}'..='\u{309F}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3FFFF}'
            if !is_combining_mark(c) =>
        {
            Class::Single
        }
        c if c.is_ascii() => Class::Other,
        c if is_combining_mark(c) => Class::Extend,
        c if c.is_alphabetic() => Class::Letter,
        c if c.is_numeric() => Class::Digit,
        _ => Class::Other,
    }
}

/// Whether `c` is a Hebrew letter, which UAX #29 lets keep a quote inside a
/// word ("צה"ל", "ג'").
fn is_hebrew_letter(c: char) -> bool {
    matches!(c, '\u{5D0}'..='\u{5EA}' | '\u{5EF}'..='\u{5F2}' | '\u{FB1D}' | '\u{FB1F}'..='\u{FB4F}')
        && c != '\u{FB29}'
}

/// Whether a character of class `next` continues a word whose last character
/// is of class `last` (UAX #29's rules WB5, WB8-WB10, WB13, WB13a and WB13b).
fn adjacent(last: Class, next: Class) -> bool {
    use Class::{Connector, Digit, Katakana, Letter};
    matches!(
        (last, next),
        (Letter | Digit, Letter | Digit)
            | (Katakana, Katakana)
            | (Connector, Letter | Digit | Katakana | Connector)
            | (Letter | Digit | Katakana, Connector)
    )
}

/// Whether the punctuation `mid` stays inside a word between `before` and
/// `after` (UAX #29's rules WB6, WB7, WB7b, WB7c, WB11 and WB12).
fn joins(before: (char, Class), mid: (char, Class), after: (char, Class)) -> bool {
    let between = |wanted: Class| before.1 == wanted && after.1 == wanted;
    match mid {
        (_, Class::DoubleQuote) => is_hebrew_letter(before.0) && is_hebrew_letter(after.0),
        (_, Class::MidLetter) => between(Class::Letter),
        (_, Class::MidNum) => between(Class::Digit),
        (_, Class::MidNumLet) => between(Class::Letter) || between(Class::Digit),
        _ => false,
    }
}

/// The byte spans of the words of a text, from `at` on.
struct WordSpans<'a> {
    text: &'a str,
    at: usize,
}

impl WordSpans<'_> {
    /// The first character at or after byte `from` that is not
    /// [`Class::Extend`], with its byte offset and class.
    fn next_base(&self, from: usize) -> Option<(usize, char, Class)> {
        self.text[from..]
            .char_indices()
            .map(|(i, c)| (from + i, c, class(c)))
            .find(|&(_, _, class)| class != Class::Extend)
    }

    /// The end of the marks (and format characters) that start at byte `from`.
    fn after_marks(&self, from: usize) -> usize {
        self.next_base(from).map_or(self.text.len(), |(i, _, _)| i)
    }

    /// Where the word whose last character so far is `last` ends, and whether
    /// it holds a letter or digit; `self.at` is just past `last`.
    fn word_end(&mut self, mut last: (char, Class)) -> (usize, bool) {
        let mut alphanumeric = last.1 != Class::Connector;
        loop {
            let Some((i, c, class)) = self.next_base(self.at) else {
                return (self.text.len(), alphanumeric);
            };
            let (j, c, class) = match class {
                _ if adjacent(last.1, class) => (i, c, class),
                Class::MidLetter | Class::MidNum | Class::MidNumLet | Class::DoubleQuote => {
                    match self.next_base(i + c.len_utf8()) {
                        Some((j, d, after)) if joins(last, (c, class), (d, after)) => (j, d, after),
                        // WB7a: a Hebrew letter keeps an apostrophe after it ("ג'").
                        _ if c == '\'' && is_hebrew_letter(last.0) => {
                            return (self.after_marks(i + 1), alphanumeric)
                        }
                        _ => return (i, alphanumeric),
                    }
                }
                _ => return (i, alphanumeric),
            };
            alphanumeric |= class != Class::Connector;
            last = (c, class);
            self.at = j + c.len_utf8();
        }
    }
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            let (start, c, class) = self.next_base(self.at)?;
            self.at = start + c.len_utf8();
            let (end, alphanumeric) = match class {
                Class::Single => (self.after_marks(self.at), true),
                Class::Letter | Class::Digit | Class::Katakana | Class::Connector => {
                    self.word_end((c, class))
                }
                _ => continue,
            };
            self.at = end;
            if alphanumeric {
                return Some((start, end));
            }
        }
    }
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
