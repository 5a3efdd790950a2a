//! Visit extraction: who travelled where and when, with the sentences that say so.

use communique_core::{Document, Entity, Visit};

pub mod lexicon;
pub mod timex;
pub mod tokens;

/// Extracts the visits reported in `docs`, one per trip.
pub fn extract(docs: &[Document], entities: &[Entity]) -> Vec<Visit> {
    let _ = (docs, entities);
    Vec::new()
}
