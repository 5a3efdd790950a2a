//! [`Corpus`]: everything the app knows, the compiled form of one folder of articles — the
//! model's documents, entities and visits with the search index built over them. It sits
//! above both `model` and `index`, so that neither needs the other's root type.

use serde::Serialize;

use crate::documents::Documents;
use crate::entities::Entities;
use crate::index::SearchIndex;
#[cfg(not(feature = "shards"))]
use crate::lazy::Embedded;
#[cfg(feature = "shards")]
use crate::lazy::Lazy;
use crate::model::{CompileReport, CorpusMeta, Visit};
use crate::wire::decode_struct;

/// The compile report as [`Corpus::report`] holds it.
#[cfg(feature = "shards")]
pub type Report = Lazy<CompileReport>;
/// The compile report as [`Corpus::report`] holds it.
#[cfg(not(feature = "shards"))]
pub type Report = Embedded<CompileReport>;

/// Everything the app knows: the compiled form of one folder of articles.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Corpus {
    /// Title, description and provenance of the corpus.
    pub meta: CorpusMeta,
    /// The articles, in a stable order (sorted by id).
    pub documents: Documents,
    /// People, organisations and places, one per real-world thing.
    pub entities: Entities,
    /// Diplomatic visits, one per trip.
    pub visits: Vec<Visit>,
    /// What became of every input file. Where the sharded layout can be read, it is a
    /// lazy value, kept in a shard of its own and read when the report is first shown (at
    /// 10,000 articles reading it took 7 ms of the start, natively, and at 100,000 it is
    /// megabytes of file names and document ids); in one bundle, it is read at start.
    pub report: Report,
    /// The full-text search index over `documents`.
    pub index: SearchIndex,
}

// How the bundle's reader (`wire.rs`) reads it: the fields in declaration order.
decode_struct!(Corpus {
    meta,
    documents,
    entities,
    visits,
    report,
    index
});
