//! The passages (units) a document is cut into for search: the index records where each
//! starts, and snippets are cut along them.

use crate::model::{Document, Span};

/// The passages a document can be cut into: its sentences when they are
/// valid spans of its text, else its paragraphs, else the whole text; never
/// its headline (the title shows it). The index records the first word of each
/// (see `SearchIndex::unit_starts`).
pub(crate) fn units(doc: &Document) -> Vec<Span> {
    let story = doc.story_start();
    let valid = |s: &&Span| {
        s.start as usize >= story
            && s.start < s.end
            && (s.end as usize) <= doc.text.len()
            && doc.text.is_char_boundary(s.start as usize)
            && doc.text.is_char_boundary(s.end as usize)
    };
    for spans in [&doc.sentences, &doc.paragraphs] {
        let units: Vec<Span> = spans.iter().filter(valid).copied().collect();
        if !units.is_empty() {
            return units;
        }
    }
    let trimmed = doc.text.trim_end();
    let start = story.max(trimmed.len() - trimmed.trim_start().len());
    if start < trimmed.len() {
        vec![Span::new(start, trimmed.len())]
    } else {
        Vec::new()
    }
}
