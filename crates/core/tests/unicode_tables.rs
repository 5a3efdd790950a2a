//! Keeps `src/text/unicode_tables.rs` equal to what the `unicode-normalization`
//! crate and the standard library's `char::to_lowercase` say, the way rust-analyzer keeps its generated code: this test
//! derives the tables, and if the checked-in file differs it rewrites the file
//! and fails, so a dependency update shows up as a reviewable diff.
//!
//! Why generated tables rather than the crate at run time: diacritic folding
//! needs two facts per character (is it a combining mark; which letter does it
//! decompose to), and the crate's full decomposition tables cost about 25 KB of
//! the gzipped WebAssembly, while these cost about 4 KB. Likewise lower case:
//! the standard library's conversion table is a list of 1,400-odd character
//! pairs (11 KB of the WebAssembly); as runs of equally spaced letters with
//! one offset it is 184 entries.

use std::fmt::Write as _;
use std::path::Path;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Where the generated tables live, relative to this crate.
const TABLES: &str = "src/text/unicode_tables.rs";

#[test]
fn unicode_tables_are_current() {
    let generated = generate();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(TABLES);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if normalize_newlines(&current) != generated {
        std::fs::write(&path, &generated).expect("the source tree is writable");
        panic!("{TABLES} was out of date and has been regenerated: review and commit it");
    }
}

/// The file's text: both tables with their documentation.
fn generate() -> String {
    let (major, minor, patch) = unicode_normalization::UNICODE_VERSION;
    let mut out = format!(
        "//! Unicode facts for diacritic folding (`fold.rs`), generated from the\n\
         //! `unicode-normalization` crate (Unicode {major}.{minor}.{patch}) and the standard\n\
         //! library's `char::to_lowercase` (Unicode {}.{}.{}) by\n\
         //! `cargo test -p communique-core --test unicode_tables`: do not edit.\n\n",
        char::UNICODE_VERSION.0,
        char::UNICODE_VERSION.1,
        char::UNICODE_VERSION.2
    );
    out.push_str(
        "/// Characters of the Basic Multilingual Plane whose canonical decomposition\n\
         /// is another character followed only by combining marks, with that base\n\
         /// character (\"é\" → \"e\", \"Ǻ\" → \"A\", \"ώ\" → \"ω\"), sorted. CJK compatibility\n\
         /// ideographs and Hangul syllables are left out: they have no marks to drop.\n\
         pub(super) const BASE_CHARS: &[(u16, u16)] = &[\n",
    );
    push_rows(&mut out, &base_chars(), |(c, base)| {
        format!("(0x{c:04X}, 0x{base:04X})")
    });
    out.push_str(
        "];\n\n\
         /// Inclusive ranges of combining marks (General Category M), sorted.\n\
         pub(super) const COMBINING_MARKS: &[(u32, u32)] = &[\n",
    );
    push_rows(&mut out, &combining_mark_ranges(), |(first, last)| {
        format!("(0x{first:04X}, 0x{last:04X})")
    });
    out.push_str(
        "];\n\n\
         /// Lower case of every non-ASCII character whose lower case is one other\n\
         /// character, as runs: `(first | count << 21 | (stride - 1) << 28, offset)`,\n\
         /// where the run's characters are `first + i * stride` for `i < count` and each\n\
         /// one's lower case is itself plus `offset`; sorted by `first`. (U+0130 \"İ\",\n\
         /// the only character with a two-character lower case, is folded to its base\n\
         /// letter before lower-casing.)\n\
         pub(super) const LOWERCASE_RUNS: &[(u32, i32)] = &[\n",
    );
    push_rows(&mut out, &lowercase_runs(), |run| {
        format!(
            "(0x{:08X}, {})",
            run.first | run.count << 21 | (run.stride - 1) << 28,
            run.offset
        )
    });
    out.push_str("];\n");
    out
}

/// Equally spaced characters whose lower cases are each the character plus `offset`.
#[derive(Clone, Copy, Debug)]
struct LowercaseRun {
    first: u32,
    count: u32,
    stride: u32,
    offset: i32,
}

/// The non-ASCII characters whose lower case is one other character, as the
/// fewest runs of stride 1 or 2 that [`generate`] packs into its third table.
fn lowercase_runs() -> Vec<LowercaseRun> {
    let mut runs: Vec<LowercaseRun> = Vec::new();
    for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
        let mut lower = c.to_lowercase();
        let (Some(l), None) = (lower.next(), lower.next()) else {
            continue;
        };
        if l == c {
            continue;
        }
        let (code, offset) = (c as u32, l as i32 - c as i32);
        if let Some(run) = runs.last_mut().filter(|run| run.offset == offset) {
            if code == run.first + run.count * run.stride && run.count < 127 {
                run.count += 1;
                continue;
            }
            if run.count == 1 && code == run.first + 2 {
                run.stride = 2;
                run.count = 2;
                continue;
            }
        }
        runs.push(LowercaseRun {
            first: code,
            count: 1,
            stride: 1,
            offset,
        });
    }
    runs
}

/// Every (character, base) pair for [`generate`]'s first table.
fn base_chars() -> Vec<(u32, u32)> {
    let mut pairs = Vec::new();
    for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
        if ('\u{F900}'..='\u{FAFF}').contains(&c) {
            continue;
        }
        let mut parts = Vec::new();
        decompose_canonical(c, |part| parts.push(part));
        let (base, marks) = parts.split_first().expect("a decomposition is never empty");
        let is_base_with_marks = *base != c
            && (*base as u32) <= 0xFFFF
            && !is_combining_mark(*base)
            && marks.iter().all(|&m| is_combining_mark(m));
        if is_base_with_marks {
            pairs.push((c as u32, *base as u32));
        }
    }
    pairs
}

/// The combining marks of all of Unicode as inclusive ranges.
fn combining_mark_ranges() -> Vec<(u32, u32)> {
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if !is_combining_mark(c) {
            continue;
        }
        let code = c as u32;
        match ranges.last_mut() {
            Some((_, last)) if *last + 1 == code => *last = code,
            _ => ranges.push((code, code)),
        }
    }
    ranges
}

/// Appends `items` to `out`, four to a line, indented, each followed by a comma.
fn push_rows<T: Copy>(out: &mut String, items: &[T], show: impl Fn(T) -> String) {
    for row in items.chunks(4) {
        out.push_str("   ");
        for &item in row {
            write!(out, " {},", show(item)).expect("writing to a String cannot fail");
        }
        out.push('\n');
    }
}

/// `text` with Windows line endings turned into `\n`, so a checkout with
/// `core.autocrlf` does not count as out of date.
fn normalize_newlines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

#[test]
fn lowercase_runs_pack_into_their_fields() {
    for run in lowercase_runs() {
        assert!(
            run.first < 1 << 21 && run.count < 1 << 7 && run.stride <= 2,
            "{run:?}"
        );
    }
}

#[test]
fn tables_cover_the_letters_news_text_uses() {
    let pairs = base_chars();
    let base_of = |c: char| {
        pairs
            .iter()
            .find(|&&(from, _)| from == c as u32)
            .map(|&(_, base)| char::from_u32(base).unwrap())
    };
    for (c, base) in [
        ('é', 'e'),
        ('Ǻ', 'A'),
        ('ő', 'o'),
        ('ώ', 'ω'),
        ('й', 'и'),
        ('ệ', 'e'),
    ] {
        assert_eq!(base_of(c), Some(base), "{c}");
    }
    // Stroked letters have no decomposition: `fold.rs` spells them out itself.
    assert_eq!(base_of('ł'), None);
    let marks = combining_mark_ranges();
    assert!(marks.iter().any(|&(a, b)| a <= 0x301 && 0x301 <= b));
    assert!(!marks.iter().any(|&(a, b)| a <= 0x41 && 0x41 <= b));
}
