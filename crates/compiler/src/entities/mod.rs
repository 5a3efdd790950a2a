//! Named-entity extraction: people, organisations and places, merged across the corpus.
//!
//! A rule pipeline over tokens with byte spans (see `tagger` for the order):
//! capitalisation, general lexicons (`lexicon`: offices, honorifics,
//! organisation words; `gazetteer`: GeoNames places, demonyms, given names,
//! common words) and context cues find mentions sentence by sentence
//! (`orgs`, `people`, `places`, `roles`); `resolve` gives the corpus's verdict to
//! names the sentence could not type; `merge` makes one entity per real-world
//! thing. `conll` measures the mention finder on CoNLL-2003 text.
//!
//! Invariant: every mention is a byte span of `Document::text` (so it lies in
//! one of `Document::sentences`); no list of any corpus's names lives in code.

pub mod conll;
mod gazetteer;
mod keys;
mod lexicon;
mod merge;
mod orgs;
mod people;
mod places;
mod resolve;
mod roles;
mod tagger;
mod tokens;

use communique_core::{Document, Entity};

pub use conll::{evaluate, evaluate_with_errors, ConllError, KindScore, NerScores};

/// Extracts and merges the entities mentioned in `docs`.
pub fn extract(docs: &[Document]) -> Vec<Entity> {
    let mentions = resolve::tag_corpus(docs, resolve::Unresolved::Keep);
    merge::build(docs, mentions)
}
