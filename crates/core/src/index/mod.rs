//! The full-text search index: built natively by the compiler, read in the browser.
//!
//! Placeholder: the search issue replaces this with the real writer/reader pair.

use serde::{Deserialize, Serialize};

use crate::model::Document;

/// The inverted index over a corpus's documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchIndex {}

impl SearchIndex {
    /// Builds the index over `docs` (placeholder: indexes nothing yet).
    pub fn build(docs: &[Document]) -> SearchIndex {
        let _ = docs;
        SearchIndex {}
    }
}
