//! Parsing what the user typed into a [`Query`]. Never fails: any string is a
//! query, at worst an empty one.
//!
//! Syntax: words; `"quoted phrases"` (straight or curly quotes, an unclosed
//! quote runs to the end); `-word` and `-"phrase"` exclude. A bare token that
//! holds several words ("U.S.-led") must match as a phrase, except a
//! hyphenated pair ("cease-fire"), which is one word joined, as the index
//! also stores it. The last word is also a prefix while it is being typed,
//! that is unless a space follows it.

use crate::text;

/// A parsed search query: a list of clauses, all of which must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    clauses: Vec<Clause>,
}

/// One word or phrase of a query, required or excluded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// The clause as typed, without quotes or minus sign, for display.
    pub text: String,
    /// Its words, analysed by the shared text pipeline; never empty.
    pub words: Vec<QueryWord>,
    /// Written in quotes: matched exactly, without typo tolerance.
    pub quoted: bool,
    /// Written with a leading `-`: documents matching it are left out.
    pub excluded: bool,
    /// The last word is still being typed: terms starting with it match too.
    pub prefix: bool,
}

/// One word of a clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    /// The word folded (lower case, no diacritics or apostrophes).
    pub folded: String,
    /// The index term (stem); `None` for a stop word, which is not indexed.
    pub term: Option<String>,
    /// Position relative to the clause's first word (phrases keep stop-word gaps).
    pub offset: u32,
}

impl Clause {
    /// Whether the clause needs several words in order.
    pub fn is_phrase(&self) -> bool {
        self.words.len() > 1
    }
}

impl Query {
    /// Whether the query has no clause at all (it then lists every document).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// All clauses, in the order typed.
    pub fn clauses(&self) -> &[Clause] {
        &self.clauses
    }

    /// The words and phrases searched for, as typed, for display ("results for …").
    pub fn terms(&self) -> Vec<&str> {
        self.clauses
            .iter()
            .filter(|c| !c.excluded)
            .map(|c| c.text.as_str())
            .collect()
    }

    /// The words and phrases excluded with `-`, as typed.
    pub fn excluded(&self) -> Vec<&str> {
        self.clauses
            .iter()
            .filter(|c| c.excluded)
            .map(|c| c.text.as_str())
            .collect()
    }
}

/// Canonical form: `parse(&query.to_string())` gives the same clauses.
impl std::fmt::Display for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, clause) in self.clauses.iter().enumerate() {
            let space = if i > 0 { " " } else { "" };
            let minus = if clause.excluded { "-" } else { "" };
            if clause.quoted {
                write!(f, "{space}{minus}\"{}\"", clause.text)?;
            } else {
                write!(f, "{space}{minus}{}", clause.text)?;
            }
        }
        Ok(())
    }
}

/// Characters that open or close a phrase.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// A bare hyphenated pair ("cease-fire", "co-op") becomes one word, joined,
/// as the index also stores it: it then finds "ceasefire" too, and completes
/// while being typed.
fn join_compound(text: &str, words: &mut Vec<QueryWord>) {
    let pair: Vec<text::Word> = text::words(text).collect();
    if let [first, second] = pair[..] {
        if text::hyphenated(text, first.span, second.span) {
            let (folded, term) = text::analyze_word(&format!("{}{}", first.text, second.text));
            *words = vec![QueryWord {
                folded,
                term,
                offset: 0,
            }];
        }
    }
}

/// Parses search-box text; never fails.
pub fn parse(input: &str) -> Query {
    let mut clauses = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else {
            break;
        };
        let mut excluded = false;
        if first == '-' {
            excluded = true;
            rest = &rest[1..];
        }
        let quoted = rest.starts_with(is_quote);
        let (text, after, at_end) = if quoted {
            let body = &rest[rest.chars().next().map_or(0, char::len_utf8)..];
            match body.find(is_quote) {
                Some(end) => (
                    &body[..end],
                    &body[end + body[end..].chars().next().map_or(0, char::len_utf8)..],
                    false,
                ),
                None => (body, "", false),
            }
        } else {
            let end = rest
                .find(|c: char| c.is_whitespace() || is_quote(c))
                .unwrap_or(rest.len());
            (&rest[..end], &rest[end..], end == rest.len())
        };
        rest = after;
        let mut words: Vec<QueryWord> = text::analyze(text)
            .map(|token| QueryWord {
                folded: token.folded,
                term: token.term,
                offset: token.word.position,
            })
            .collect();
        if !quoted {
            join_compound(text, &mut words);
        }
        if words.is_empty() {
            continue;
        }
        clauses.push(Clause {
            text: text.trim().to_string(),
            prefix: at_end && !excluded && words.len() == 1,
            words,
            quoted,
            excluded,
        });
    }
    Query { clauses }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `input` and compares a compact rendering of each clause:
    /// `-` excluded, `"…"` quoted, `*` prefix, words as `folded=term` (`-` for a stop word).
    fn check(input: &str, expect: &[&str]) {
        let query = parse(input);
        let got: Vec<String> = query
            .clauses()
            .iter()
            .map(|c| {
                let words: Vec<String> = c
                    .words
                    .iter()
                    .map(|w| {
                        format!(
                            "{}@{}={}",
                            w.folded,
                            w.offset,
                            w.term.as_deref().unwrap_or("-")
                        )
                    })
                    .collect();
                let minus = if c.excluded { "-" } else { "" };
                let quote = if c.quoted { "\"" } else { "" };
                let star = if c.prefix { "*" } else { "" };
                format!("{minus}{quote}{}{quote}{star}", words.join(" "))
            })
            .collect();
        assert_eq!(got, expect, "{input:?}");
        assert_eq!(
            parse(&query.to_string()).clauses().len(),
            query.clauses().len()
        );
    }

    #[test]
    fn words_phrases_excludes_and_prefix() {
        check("", &[]);
        check("   \t", &[]);
        check("Iran", &["iran@0=iran*"]);
        check("Iran ", &["iran@0=iran"]);
        check("iran visits", &["iran@0=iran", "visits@0=visit*"]);
        check(
            "\"minister of foreign affairs\" -Russia",
            &[
                "\"minister@0=minist of@1=- foreign@2=foreign affairs@3=affair\"",
                "-russia@0=russia",
            ],
        );
        check(
            "-\"deputy minister\" talks",
            &["-\"deputy@0=deputi minister@1=minist\"", "talks@0=talk*"],
        );
        check(
            "“Sadri’s visit” Moscow",
            &["\"sadri@0=sadri visit@1=visit\"", "moscow@0=moscow*"],
        );
        check(
            "\"unclosed phrase",
            &["\"unclosed@0=unclos phrase@1=phrase\""],
        );
        check("Iran-Russia", &["iranrussia@0=iranrussia*"]);
        check(
            "co-operation talks",
            &["cooperation@0=cooper", "talks@0=talk*"],
        );
        check("\"co-operation\"", &["\"co@0=co operation@1=oper\""]);
        check("U.S.-led", &["u.s@0=u. led@1=led"]);
        check("- -- \"\" …", &[]);
        check("the", &["the@0=-*"]);
    }

    #[test]
    fn display_terms_and_emptiness() {
        let query = parse("  iran  -\"foreign minister\" “talks” ");
        assert_eq!(query.to_string(), "iran -\"foreign minister\" \"talks\"");
        assert_eq!(query.terms(), ["iran", "talks"]);
        assert_eq!(query.excluded(), ["foreign minister"]);
        assert!(!query.is_empty());
        assert!(parse(" - ").is_empty());
    }
}
