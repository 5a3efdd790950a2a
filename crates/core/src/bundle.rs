//! The bundle: a compiled [`Corpus`] as bytes, embedded in the WASM, with the
//! facet tables computed from it.
//!
//! Layout:
//! ```text
//! offset  size  field
//! 0       4     magic  b"CMQB"
//! 4       4     format version, u32 little-endian (FORMAT_VERSION)
//! 8       4     n, the shard table's length in bytes, u32 little-endian
//! 12      n     postcard encoding of the shard table, `Vec<ShardEntry>`
//! 12 + n  ..    postcard encoding of `Corpus`
//! ..      ..    postcard encoding of `FacetTables` (facet/tables.rs)
//! ```
//!
//! Two layouts share it. **One bundle** ([`encode`]) holds everything and an empty shard
//! table: the default corpus, embedded in the WASM. **The sharded layout**
//! ([`encode_sharded`], for large corpora) is a *head* in this layout plus files beside
//! it, the shards its table names: the documents' texts, the entities' mentions and the
//! posting lists, each in chunks of about a set size, which the head refers to
//! (`lazy::Blob`) and the page fetches when something first reads them. The head keeps
//! what the first view needs: documents' metadata, entities, visits, the report, the
//! term dictionaries and the facet tables. The same reader reads both
//! ([`open_layout`]).
//! The facet tables are computed at compile time because they bucket and sort every
//! mention: at 9,700 articles that took the page about 100 ms at start (first load,
//! Chromium). Every bundle stores them, however small: computing them in the page as
//! well, for small corpora only, made the default site 700 bytes larger gzipped (the
//! code of both ways) than storing its tables did.
//!
//! Any change to a type reachable from `Corpus` or `FacetTables` changes the postcard
//! layout, so it must bump [`FORMAT_VERSION`]; a reader refuses any other version rather
//! than misreading it. The tidy test (`xtask/src/tidy.rs`) enforces the bump: it
//! records a fingerprint of `corpus.rs`, `documents.rs`, `model.rs`, `index/format.rs`,
//! `index/deferred.rs`, `facet/tables.rs` and `lazy.rs` per version in
//! `crates/core/format-versions.txt` and fails when they change without a new one.

#[cfg(feature = "shards")]
use std::sync::Arc;

use serde::Serialize;

use crate::facet::{FacetIndex, FacetTables};
use crate::lazy::Source;
#[cfg(feature = "shards")]
use crate::shard::Shard;
use crate::wire::{decode_struct, Corrupt, Decode, Reader};
use crate::Corpus;

/// The four bytes every bundle starts with.
pub const MAGIC: &[u8; 4] = b"CMQB";
/// Version of the bundle layout; bump on any change to the model or index types.
pub const FORMAT_VERSION: u32 = 18;

/// Why a bundle could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// The bytes do not start with [`MAGIC`].
    NotABundle,
    /// The bundle was written by another format version.
    Version {
        /// Version found in the bundle.
        found: u32,
        /// Version this reader understands.
        expected: u32,
    },
    /// The payload is truncated or corrupt.
    Corrupt(String),
    /// The facet tables do not fit the corpus before them (what is wrong).
    FacetTables(&'static str),
}

impl std::fmt::Display for BundleError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BundleError::NotABundle => write!(f, "not a Communiqué bundle (bad magic bytes)"),
            BundleError::Version { found, expected } => write!(
                f,
                "bundle format version {found}, but this build reads version {expected}: recompile the corpus"
            ),
            BundleError::Corrupt(why) => write!(f, "corrupt bundle: {why}"),
            BundleError::FacetTables(why) => write!(f, "corrupt bundle: facet tables: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// One file of the sharded layout, as the head's table lists it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub(crate) struct ShardEntry {
    /// The file name (`shard::shard_name`).
    pub(crate) name: String,
    /// Its length in bytes.
    pub(crate) len: u32,
}

decode_struct!(ShardEntry { name, len });

/// A bundle read: the corpus, its facet index, and the shards its values may be kept in
/// (none for one bundle).
pub struct Opened {
    /// The corpus.
    pub corpus: Corpus,
    /// Its facet index, assembled from the stored tables.
    pub facets: FacetIndex,
    /// The shards of the sharded layout, in the head's order: their bytes are read when
    /// something first reads a value kept in them ([`Shard::fill`]).
    #[cfg(feature = "shards")]
    pub shards: Vec<Arc<Shard>>,
}

#[cfg(feature = "shards")]
pub use crate::shard::{encode_sharded, ShardSizes, Sharded};

/// Serialises a corpus into one bundle's bytes.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    write(corpus, &FacetTables::build(corpus), &[])
}

/// The postcard bytes of a value.
pub(crate) fn encoding<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising plain data into a Vec cannot fail: postcard errors only on
    // unsupported serde features, which the model does not use.
    postcard::to_allocvec(value).expect("the model serialises with postcard")
}

/// Writes the header, the shard table, the corpus and the facet tables.
pub(crate) fn write(corpus: &Corpus, tables: &FacetTables, table: &[ShardEntry]) -> Vec<u8> {
    let table = encoding(&table);
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(table.len() as u32).to_le_bytes());
    out.extend_from_slice(&table);
    out.extend_from_slice(&encoding(corpus));
    out.extend_from_slice(&encoding(tables));
    out
}

/// Reads bundle bytes back into a corpus (the facet tables are read and checked, then dropped).
pub fn decode(bytes: &[u8]) -> Result<Corpus, BundleError> {
    open(bytes).map(|(corpus, _)| corpus)
}

/// Reads one bundle's bytes into the corpus and its facet index, assembled from the stored
/// tables, with every value read now, so that a damaged text or mention list refuses the
/// bundle (the compiler's and the tests' reader; the bytes are copied once). A sharded
/// layout's head is refused unless its shards are filled: read it with [`open_layout`].
pub fn open(bytes: &[u8]) -> Result<(Corpus, FacetIndex), BundleError> {
    let opened = open_in_place(&Source::Shared(bytes.into()))?;
    check_values(&opened.0)?;
    Ok(opened)
}

/// Reads every lazy value of `corpus`: the first damaged one is the error.
pub fn check_values(corpus: &Corpus) -> Result<(), BundleError> {
    let corrupt = |what: &str, id: &str, error: Corrupt| {
        BundleError::Corrupt(format!("{what} {id:?}: {error}"))
    };
    for document in &corpus.documents {
        document
            .body
            .read_checked()
            .map_err(|error| corrupt("the text of document", &document.id, error))?;
    }
    for entity in &corpus.entities {
        entity
            .mentions
            .read_checked()
            .map_err(|error| corrupt("the mentions of entity", &entity.id, error))?;
    }
    corpus
        .report
        .read_checked()
        .map_err(|error| BundleError::Corrupt(format!("the compile report: {error}")))?;
    match corpus.index.problem() {
        Some(why) => Err(BundleError::Corrupt(format!("the search index: {why}"))),
        None => Ok(()),
    }
}

/// Reads a bundle as the page does at start: the documents' metadata, the entities,
/// visits, report and facet tables now; the texts, sentences and mentions when first
/// used, and the posting lists in place (`lazy.rs`).
pub fn open_in_place(source: &Source) -> Result<(Corpus, FacetIndex), BundleError> {
    open_layout(source).map(|opened| (opened.corpus, opened.facets))
}

/// Reads one bundle or a sharded layout's head as [`open_in_place`] does, with the
/// shards its values are kept in.
pub fn open_layout(source: &Source) -> Result<Opened, BundleError> {
    let bytes = source.bytes();
    check_header(bytes)?;
    let corrupt = |e: Corrupt| BundleError::Corrupt(e.to_string());
    let table_len = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
    let table_end = 12usize
        .checked_add(table_len)
        .filter(|&end| end <= bytes.len())
        .ok_or_else(|| BundleError::Corrupt("the shard table runs past the end".into()))?;
    #[cfg(feature = "shards")]
    let shards = crate::shard::from_table(
        Reader::in_source(source, 12..table_end)
            .read_all()
            .map_err(corrupt)?,
    )?;
    // A build that reads one bundle skips the table: a reference into a shard is then
    // refused where it is met (`wire::Reader::blob`).
    let reader = Reader::in_source(source, table_end..bytes.len());
    #[cfg(feature = "shards")]
    let reader = reader.with_shards(&shards);
    let mut reader = reader;
    let corpus = Corpus::decode(&mut reader);
    let tables = reader.read_all::<FacetTables>().map_err(corrupt)?;
    let facets = FacetIndex::assemble(&corpus, tables).map_err(BundleError::FacetTables)?;
    Ok(Opened {
        corpus,
        facets,
        #[cfg(feature = "shards")]
        shards,
    })
}

/// Checks the magic bytes, the format version and that the shard table's length is there.
fn check_header(bytes: &[u8]) -> Result<(), BundleError> {
    if bytes.len() < 8 || &bytes[..4] != MAGIC {
        return Err(BundleError::NotABundle);
    }
    let found = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
    if found != FORMAT_VERSION {
        return Err(BundleError::Version {
            found,
            expected: FORMAT_VERSION,
        });
    }
    if bytes.len() < 12 {
        return Err(BundleError::Corrupt(
            "truncated before the shard table".into(),
        ));
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::facet::Facet;
    use crate::model::*;
    use crate::SearchIndex;

    /// A corpus in which every field of every type holds a value unlike its
    /// neighbours' (every `Option` set, every list non-empty), so a field
    /// read out of order or left out cannot round-trip.
    pub(crate) fn full_corpus() -> Corpus {
        let source = |doc: u32, start: u32| SourceRef {
            doc,
            span: Span::new(start as usize, start as usize + 3),
        };
        let documents = vec![
            Document {
                id: "a/b".into(),
                title: "Zarif visits Moscow".into(),
                date: Some(PartialDate::ymd(2016, 9, 14)),
                time: Some("20:43".into()),
                source: Some("IRNA".into()),
                dateline: Some("Tehran".into()),
                url: Some("https://example.org/a".into()),
                body: Body {
                    text: "Rōhānī met Putin in Moscow.\n\nTalks went on.".into(),
                    paragraphs: vec![Span::new(0, 29), Span::new(31, 46)],
                    sentences: vec![Span::new(0, 29), Span::new(31, 46)],
                    removed: vec![RemovedText {
                        text: "Leave a comment".into(),
                        reason: "comment form".into(),
                    }],
                    headline: false,
                }
                .into(),
            },
            Document {
                id: "c".into(),
                title: "Undated".into(),
                date: Some(PartialDate::y(-44)),
                body: Body {
                    text: "Undated\n\nBody.".into(),
                    paragraphs: vec![Span::new(0, 7), Span::new(9, 14)],
                    headline: true,
                    ..Body::default()
                }
                .into(),
                ..Default::default()
            },
        ];
        Corpus {
            meta: CorpusMeta {
                title: "Iran and Russia".into(),
                description: "Five articles.".into(),
                generator: "communique 0.1.0".into(),
            },
            index: SearchIndex::build(&documents),
            documents: documents.into(),
            entities: vec![Entity {
                id: "place/moscow".into(),
                name: "Moscow".into(),
                kind: EntityKind::Place,
                aliases: vec!["Moskva".into(), "Москва".into()],
                roles: vec![Role {
                    title: "capital".into(),
                    as_of: Some(PartialDate::ym(2016, 9)),
                    source: source(0, 5),
                }],
                country: Some("Russia".into()),
                lat: Some(55.755_83),
                lon: Some(-37.617_3),
                mentions: vec![source(0, 20), source(1, 0)].into(),
            }]
            .into(),
            visits: vec![Visit {
                id: "v1".into(),
                traveler: "Rōhānī".into(),
                traveler_entity: Some(7),
                traveler_role: Some("President".into()),
                traveler_country: Some("Iran".into()),
                origin: Some(Point {
                    name: "Tehran".into(),
                    lat: 35.69,
                    lon: 51.42,
                }),
                destination: "Moscow".into(),
                destination_entity: Some(0),
                country: Some("Russia".into()),
                hosts: vec!["Putin".into(), "Lavrov".into()],
                inviter: Some("Putin".into()),
                date: Some(PartialDate::ymd(2016, 9, 14)),
                date_end: Some(PartialDate::ymd(2016, 9, 16)),
                date_basis: Some(DateBasis::Relative),
                status: VisitStatus::Cancelled,
                purpose: Some("talks".into()),
                evidence: vec![Evidence {
                    source: source(0, 0),
                    rule: "met-in".into(),
                }],
            }],
            report: CompileReport {
                files: vec![FileReport {
                    path: "a/b.txt".into(),
                    documents: vec!["a/b".into()],
                    skipped: Some("empty".into()),
                    messages: vec![Diagnostic {
                        severity: Severity::Error,
                        line: Some(3),
                        message: "no title".into(),
                    }],
                }],
            }
            .into(),
        }
    }

    #[test]
    fn every_field_round_trips() {
        let corpus = full_corpus();
        assert_eq!(decode(&encode(&corpus)), Ok(corpus));
        let empty = Corpus::default();
        assert_eq!(decode(&encode(&empty)), Ok(empty));
    }

    #[test]
    fn every_enum_variant_round_trips() {
        for (kind, status, severity) in [
            (EntityKind::Person, VisitStatus::Happened, Severity::Warning),
            (
                EntityKind::Organization,
                VisitStatus::Planned,
                Severity::Error,
            ),
        ] {
            let mut corpus = full_corpus();
            corpus.entities[0].kind = kind;
            corpus.visits[0].status = status;
            corpus.report.files[0].messages[0].severity = severity;
            assert_eq!(decode(&encode(&corpus)), Ok(corpus));
        }
        for basis in [
            None,
            Some(DateBasis::Stated),
            Some(DateBasis::Relative),
            Some(DateBasis::Publication),
        ] {
            let mut corpus = full_corpus();
            corpus.visits[0].date_basis = basis;
            assert_eq!(decode(&encode(&corpus)), Ok(corpus));
        }
    }

    #[test]
    fn rejects_other_versions_and_garbage() {
        let mut bytes = encode(&Corpus::default());
        assert_eq!(decode(b"nope"), Err(BundleError::NotABundle));
        bytes[4] = 99;
        assert!(matches!(
            decode(&bytes),
            Err(BundleError::Version { found: 99, .. })
        ));
    }

    #[test]
    fn damaged_bundles_never_panic() {
        // Every byte of the payload changed in turn: each reader either refuses
        // the bundle or reads some corpus, and never panics.
        let bytes = encode(&full_corpus());
        for at in 8..bytes.len() {
            for value in [0x00, 0x7F, 0x80, 0xFF] {
                let mut damaged = bytes.clone();
                damaged[at] = value;
                let _ = decode(&damaged);
                if let Ok((corpus, _)) = in_place(&damaged) {
                    // Reads every lazy value.
                    let _ = format!("{corpus:?}");
                }
            }
        }
    }

    #[test]
    fn truncated_or_padded_bundles_are_corrupt() {
        let bytes = encode(&full_corpus());
        for cut in 8..bytes.len() {
            let err = decode(&bytes[..cut]).unwrap_err();
            assert!(matches!(err, BundleError::Corrupt(_)), "{cut}: {err}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert_eq!(
            decode(&padded),
            Err(BundleError::Corrupt(format!(
                "trailing bytes after the data at byte {} of the payload",
                // The payload starts after the header and the empty shard table.
                bytes.len() - 13
            )))
        );
    }

    /// Reads `bytes` as the page does, from a source of their own.
    fn in_place(bytes: &[u8]) -> Result<(Corpus, FacetIndex), BundleError> {
        open_in_place(&Source::Shared(std::sync::Arc::from(bytes)))
    }

    #[test]
    fn reading_in_place_decodes_no_text_at_start_and_agrees_with_decoding_all() {
        let corpus = full_corpus();
        let bytes = encode(&corpus);
        let (lazy, lazy_facets) = in_place(&bytes).unwrap();
        assert!(lazy.documents.iter().all(|d| !d.body.is_read()));
        assert!(lazy.entities.iter().all(|e| !e.mentions.is_read()));
        // Prepared and read when first read only where the sharded layout can be read
        // (`index/deferred.rs`, `Corpus::report`).
        assert_eq!(lazy.index.is_prepared(), !cfg!(feature = "shards"));
        assert_eq!(lazy.report.is_read(), !cfg!(feature = "shards"));
        // Comparing reads every lazy value: every document, posting list and mention.
        let (eager, eager_facets) = open(&bytes).unwrap();
        assert_eq!(lazy, eager);
        assert_eq!(lazy, corpus);
        assert_eq!(lazy_facets, eager_facets);
        assert!(lazy.documents[0].body.is_read());
    }

    #[test]
    fn names_read_from_a_bundle_in_the_program_are_borrowed_not_copied() {
        let corpus = full_corpus();
        // As the page's bundle, which `include_bytes!` embeds.
        let bytes: &'static [u8] = Vec::leak(encode(&corpus));
        let (read, facets) = open_in_place(&Source::Static(bytes)).unwrap();
        assert_eq!(read, corpus);
        let within = bytes.as_ptr_range();
        let borrowed = |text: &Text| match text {
            Cow::Borrowed(text) => within.contains(&text.as_ptr()),
            Cow::Owned(_) => false,
        };
        for document in &read.documents {
            let optional = [
                &document.time,
                &document.source,
                &document.dateline,
                &document.url,
            ];
            assert!([&document.id, &document.title].into_iter().all(borrowed));
            assert!(optional.into_iter().flatten().all(borrowed), "{document:?}");
        }
        for entity in &read.entities {
            let mut names = [&entity.id, &entity.name]
                .into_iter()
                .chain(&entity.country);
            assert!(names.all(borrowed), "{entity:?}");
        }
        // The facet index hands out the entities' ids and names as the bundle lends them.
        let entity_facets = [Facet::People, Facet::Organizations, Facet::Places];
        let values: Vec<_> = (entity_facets.iter())
            .flat_map(|&facet| facets.totals().get(facet).values.clone())
            .collect();
        assert_eq!(values.len(), corpus.entities.len());
        assert!(values
            .iter()
            .all(|v| borrowed(&v.key) && borrowed(&v.label)));
        // From bytes of its own, they are copied, since those bytes may go.
        let (copied, _) = in_place(bytes).unwrap();
        assert!(matches!(copied.documents[0].title, Cow::Owned(_)));
    }

    #[test]
    fn a_damaged_name_is_refused_from_any_source() {
        let mut bytes = encode(&full_corpus());
        let at = bytes.windows(7).position(|w| w == b"Zarif v").unwrap();
        bytes[at] = 0xFF;
        let problem = |read: Result<(Corpus, FacetIndex), BundleError>| match read {
            Err(BundleError::Corrupt(why)) => why,
            _ => "read".into(),
        };
        // The document's title, after its id and the payload's metadata.
        let expected = "invalid UTF-8 in a string at byte 54 of the payload";
        assert_eq!(problem(in_place(&bytes)), expected);
        let bytes: &'static [u8] = Vec::leak(bytes);
        assert_eq!(problem(open_in_place(&Source::Static(bytes))), expected);
    }

    #[test]
    fn a_damaged_text_read_in_place_is_empty_and_says_why() {
        let mut bytes = encode(&full_corpus());
        let at = bytes.windows(5).position(|w| w == b"Body.").unwrap();
        bytes[at] = 0xFF;
        // Decoding everything refuses the bundle; reading in place finds out on reading.
        assert!(matches!(decode(&bytes), Err(BundleError::Corrupt(_))));
        let (corpus, _) = in_place(&bytes).unwrap();
        assert_eq!(corpus.documents[0].body.problem(), None);
        let damaged = &corpus.documents[1];
        assert_eq!(damaged.text, "");
        assert_eq!(
            damaged.body.problem().map(|p| p.to_string()),
            Some("invalid UTF-8 in a string at byte 1 of the payload".into())
        );
    }
}
