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
//! Precision over recall on the page: a name that neither the rules nor the
//! rest of the corpus can type, and a place the gazetteer cannot locate, are
//! left out of [`extract`]'s entities; the CoNLL evaluation types them anyway.
//!
//! Measured (`cargo run --release -p communique-compiler --example eval_ner --
//! ../shared/ner/conll2003_eng.testb`, exact spans, MISC ignored, tuned on testa
//! only): F1 PER 0.85, ORG 0.47, LOC 0.82, overall 0.71. About 1.7 s of CPU per
//! million tokens, spread over the cores.
//!
//! Invariant: every mention is a byte span of `Document::text` (so it lies in
//! one of `Document::sentences`); no list of any corpus's names lives in code.

pub mod conll;
pub(crate) mod gazetteer;
pub(crate) mod keys;
pub(crate) mod lexicon;
mod merge;
mod orgs;
mod people;
mod places;
mod resolve;
mod roles;
#[cfg(test)]
mod rule_tests;
mod sentence;
mod tagger;
pub(crate) mod tokens;

use communique_core::{Document, Entity, Point};

pub use conll::{evaluate, evaluate_with_errors, ConllError, KindScore, NerScores};

/// Where a map draws routes from the country named `country` (an English name or alias, as
/// visits name travellers' countries): its capital, else its centre.
pub fn capital(country: &str) -> Option<Point> {
    let place = gazetteer::Gazetteer::get().capital_point(country)?;
    Some(Point {
        name: place.name.clone(),
        lat: place.lat,
        lon: place.lon,
    })
}

/// Extracts and merges the entities mentioned in `docs`: sorted by kind then
/// name, ids `kind/slug` unique, mentions sorted by document then offset, roles
/// oldest first with the document's date as `as_of`. `EntityId`s are indexes
/// into the returned list.
pub fn extract(docs: &[Document]) -> Vec<Entity> {
    let mentions = resolve::tag_corpus(docs, resolve::Unresolved::Keep);
    merge::build(docs, mentions)
}

/// Documents holding just these texts, for the entity modules' tests.
#[cfg(test)]
pub(crate) fn test_documents(texts: &[&str]) -> Vec<Document> {
    texts
        .iter()
        .map(|t| Document {
            body: communique_core::Body {
                text: t.to_string(),
                ..Default::default()
            }
            .into(),
            ..Document::default()
        })
        .collect()
}
