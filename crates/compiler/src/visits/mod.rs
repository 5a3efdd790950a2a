//! Visit extraction: who travelled where and when, with the sentences that say so.
//!
//! Placeholder until the visits issue: extracts nothing.

use communique_core::{Document, Entity, Visit};

/// Extracts the visits reported in `docs`, one per trip.
pub fn extract(docs: &[Document], entities: &[Entity]) -> Vec<Visit> {
    let _ = (docs, entities);
    Vec::new()
}
