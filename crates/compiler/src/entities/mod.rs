//! Named-entity extraction: people, organisations and places, merged across the corpus.
//!
//! Placeholder until the entities issue: extracts nothing.

use communique_core::{Document, Entity};

/// Extracts and merges the entities mentioned in `docs`.
pub fn extract(docs: &[Document]) -> Vec<Entity> {
    let _ = docs;
    Vec::new()
}
