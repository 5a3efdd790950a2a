//! A shard of the sharded layout (`bundle::encode_sharded`): one file beside the app,
//! holding texts, mentions, posting lists or the compile report, which the head refers
//! to. Only builds that read or write that layout have it (the `shards` feature): a page
//! whose corpus is one bundle carries none of this code (measured: 1.6 KB gzipped of the default site's WASM).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use crate::bundle::{encoding, write, BundleError, ShardEntry};
use crate::facet::FacetTables;
use crate::lazy::{Blob, Lazy, Source};
use crate::{Corpus, Document};

/// One file of the sharded layout (`bundle::encode_sharded`): texts, mentions, posting
/// lists or the report, which the head refers to and the page fetches when something
/// first reads them.
///
/// Until its bytes arrive ([`Shard::fill`]), a value kept in it reads as empty and the
/// shard says it is [`wanted`](Shard::wanted), which is how the page learns what to
/// fetch: it runs what it shows, then fetches what that tried to read, then runs it again.
pub struct Shard {
    /// Its position in the head's table: what a reference into it names.
    number: u32,
    /// The file name: what it holds, then the hash of its bytes (`text-…`, `post-…`).
    name: String,
    /// Its length in bytes, as the head records it.
    len: usize,
    /// The bytes once filled, or why they were refused.
    bytes: OnceLock<Result<Arc<[u8]>, String>>,
    /// Whether something read it before its bytes arrived.
    wanted: AtomicBool,
}

impl Shard {
    /// A shard the head names, not yet fetched.
    pub(crate) fn named(number: u32, name: String, len: usize) -> Arc<Shard> {
        Arc::new(Shard {
            number,
            name,
            len,
            bytes: OnceLock::new(),
            wanted: AtomicBool::new(false),
        })
    }

    /// Its position in the head's table.
    pub(crate) fn number(&self) -> u32 {
        self.number
    }

    /// The file name, relative to the folder the shards are served from.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the shard holds no bytes (never written so: a shard holds at least one value).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether its bytes arrived, or were refused ([`Shard::problem`]).
    pub fn is_settled(&self) -> bool {
        self.bytes.get().is_some()
    }

    /// Whether something read it before it was settled.
    pub fn wanted(&self) -> bool {
        self.wanted.load(Ordering::Relaxed) && !self.is_settled()
    }

    /// Takes the shard's bytes if they are the ones the head names (length and hash);
    /// otherwise refuses them, and the values kept in the shard read as empty for good.
    pub fn fill(&self, bytes: Vec<u8>) -> Result<(), String> {
        let checked = if bytes.len() != self.len {
            Err(format!(
                "{}: {} bytes, but the index expects {}",
                self.name,
                bytes.len(),
                self.len
            ))
        } else if shard_name(self.kind(), &bytes) != self.name {
            Err(format!(
                "{}: damaged (its bytes do not match its name)",
                self.name
            ))
        } else {
            Ok(bytes.into())
        };
        // A shard is settled once: a second answer for it is ignored.
        let _ = self.bytes.set(checked);
        self.problem().map_or(Ok(()), |why| Err(why.to_string()))
    }

    /// Records that the shard's bytes could not be had (a failed fetch, for instance).
    pub fn fail(&self, why: String) {
        let _ = self.bytes.set(Err(format!("{}: {why}", self.name)));
    }

    /// Why the shard's bytes were refused or could not be had.
    pub fn problem(&self) -> Option<&str> {
        self.bytes.get()?.as_ref().err().map(String::as_str)
    }

    /// What the shard holds: the part of its name before the hash.
    pub fn kind(&self) -> &str {
        self.name.split('-').next().unwrap_or_default()
    }

    /// Its bytes: none while they have not arrived (and the shard is then wanted), or
    /// if they were refused.
    pub(crate) fn bytes(&self) -> &[u8] {
        match self.bytes.get() {
            Some(Ok(bytes)) => bytes,
            Some(Err(_)) => &[],
            None => {
                self.wanted.store(true, Ordering::Relaxed);
                &[]
            }
        }
    }
}

/// The content-addressed name of a shard holding `bytes`: `kind`, a dash, then the
/// 64-bit FNV-1a hash of the bytes in hex, then `.bin`. A name changes whenever the bytes
/// do, so a host or a service worker may keep a shard for good.
pub fn shard_name(kind: &str, bytes: &[u8]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{kind}-{hash:016x}.bin")
}

/// A page fetches every shard of a corpus whose shards hold at most this many bytes once its
/// first view is painted, so that no search waits for the network (the app's `shards.rs`,
/// `fetch_ahead`; `build.rs` takes another value from `COMMUNIQUE_FETCH_AHEAD`). The bench
/// corpus (9,800 articles) has 9.8 MB of shards, 5 MB gzipped: about what the same corpus in
/// one bundle made its first load wait for, fetched here while the reader looks at the page.
/// A corpus ten times larger has ten times the shards, and a page fetches only what it reads.
pub const FETCH_AHEAD_BYTES: usize = 16 << 20;

/// About how many bytes each kind of shard holds (a value larger than that is a shard
/// of its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ShardSizes {
    /// Documents' texts and structure: what a result row's passages and the reader need.
    pub texts: usize,
    /// Entities' mentions: what an entity page needs.
    pub mentions: usize,
    /// Posting lists: what a query's terms need.
    pub postings: usize,
    /// At most this many files in all: the sizes above grow when the corpus would need
    /// more (static hosts limit a site's files: Cloudflare Pages to 20,000, and Pagefind's
    /// users have hit that).
    pub max_files: usize,
}

impl ShardSizes {
    /// These sizes, grown so that no more than `max_files` shards hold `totals` bytes of
    /// texts, mentions and postings. Every shard of a kind but its last holds at least its
    /// size, so a kind of `total` bytes takes at most `total / size + 1` shards.
    ///
    /// The texts grow alone when that is enough: a page of results reads a text shard for
    /// each of its rows, but a posting shard only for each word, so a larger posting shard
    /// would cost every query more than a larger text shard saves. Only when the postings and
    /// mentions alone fill the files do all three grow alike.
    fn within(&self, totals: [usize; 3]) -> ShardSizes {
        let sizes = [self.texts, self.mentions, self.postings].map(|size| size.max(1));
        // How many full shards of each kind the sizes make.
        let [texts, mentions, postings] = [0, 1, 2].map(|kind| totals[kind] / sizes[kind]);
        // Less the last shard of each kind, and the report's.
        let room = self.max_files.saturating_sub(4).max(1);
        let grown = |factors: [usize; 3]| ShardSizes {
            texts: sizes[0] * factors[0],
            mentions: sizes[1] * factors[1],
            postings: sizes[2] * factors[2],
            max_files: self.max_files,
        };
        match room.checked_sub(mentions + postings) {
            // The least factor that leaves `texts / factor` full text shards within the room.
            Some(text_room) if text_room > 0 => grown([texts / (text_room + 1) + 1, 1, 1]),
            _ => {
                let factor = (texts + mentions + postings).div_ceil(room).max(1);
                grown([factor; 3])
            }
        }
    }
}

impl Default for ShardSizes {
    /// Small enough that a query and its first rows fetch little: a text shard holds about 5
    /// articles of the bench corpus, and the first query typed there ("Iran") fetched 0.5 MB,
    /// where 48 KB text shards made it 1.2 MB. At 100,000 articles the file limit grows the
    /// text shards ([`ShardSizes::within`]).
    fn default() -> ShardSizes {
        ShardSizes {
            texts: 16 * 1024,
            mentions: 64 * 1024,
            postings: 64 * 1024,
            max_files: 1_900,
        }
    }
}

/// A corpus in the sharded layout: the head, and the files it names.
pub struct Sharded {
    /// The head: a bundle whose texts, mentions, posting lists and report are in `files`.
    pub head: Vec<u8>,
    /// Each shard's file name and bytes, in the head's order.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Serialises a corpus in the sharded layout (see the module doc).
pub fn encode_sharded(corpus: &Corpus, sizes: &ShardSizes) -> Sharded {
    let texts: Vec<Vec<u8>> = corpus
        .documents
        .iter()
        .map(|d| encoding(&*d.body))
        .collect();
    let mentions: Vec<Vec<u8>> = corpus
        .entities
        .iter()
        .map(|e| encoding(&*e.mentions))
        .collect();
    let total = |values: &[Vec<u8>]| values.iter().map(Vec::len).sum();
    let sizes = sizes.within([total(&texts), total(&mentions), corpus.index.sizes().2]);
    let mut shards = ShardWriter::default();
    let mut head = corpus.clone();
    let documents: Vec<Document> = (corpus.documents.iter())
        .zip(shards.pack("text", sizes.texts, texts))
        .map(|(document, blob)| Document {
            body: Lazy::encoded(blob),
            ..document.clone()
        })
        .collect();
    head.documents = documents.into();
    for (entity, blob) in
        head.entities
            .iter_mut()
            .zip(shards.pack("mentions", sizes.mentions, mentions))
    {
        entity.mentions = Lazy::encoded(blob);
    }
    // The report is read only on its page, and is large where files are many.
    head.report = Lazy::encoded(
        shards
            .pack("report", 0, vec![encoding(&*corpus.report)])
            .remove(0),
    );
    head.index.split_postings(sizes.postings, |list| {
        shards.pack("post", 0, vec![list]).remove(0)
    });
    let table: Vec<ShardEntry> = shards
        .files
        .iter()
        .map(|(shard, _)| ShardEntry {
            name: shard.name().to_string(),
            len: shard.len() as u32,
        })
        .collect();
    Sharded {
        head: write(&head, &FacetTables::build(corpus), &table),
        files: shards
            .files
            .into_iter()
            .map(|(shard, bytes)| (shard.name().to_string(), bytes))
            .collect(),
    }
}

/// The shards written so far, numbered in order.
#[derive(Default)]
struct ShardWriter {
    files: Vec<(Arc<Shard>, Vec<u8>)>,
}

impl ShardWriter {
    /// Puts `values` one after another into new shards of `kind`, starting another once
    /// one holds `target` bytes; where each value went.
    fn pack(&mut self, kind: &str, target: usize, values: Vec<Vec<u8>>) -> Vec<Blob> {
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        let mut places = Vec::with_capacity(values.len());
        for value in values {
            match chunks.last_mut() {
                Some(chunk) if chunk.len() < target => {}
                _ => chunks.push(Vec::new()),
            }
            let number = chunks.len() - 1;
            let chunk = &mut chunks[number];
            places.push((number, chunk.len()..chunk.len() + value.len()));
            chunk.extend_from_slice(&value);
        }
        let first = self.files.len();
        for bytes in chunks {
            let name = shard_name(kind, &bytes);
            let shard = Shard::named(self.files.len() as u32, name, bytes.len());
            // The writer has the bytes it refers to, so the corpus it writes reads natively.
            let _ = shard.fill(bytes.clone());
            self.files.push((shard, bytes));
        }
        places
            .into_iter()
            .map(|(chunk, range)| {
                Blob::window(Source::Shard(self.files[first + chunk].0.clone()), range)
            })
            .collect()
    }
}

/// The shards a head's table names, checked: the page fetches `data/NAME`, so a name must
/// be a plain file name in that folder.
pub(crate) fn from_table(table: Vec<ShardEntry>) -> Result<Vec<Arc<Shard>>, BundleError> {
    let mut shards = Vec::with_capacity(table.len());
    for (number, entry) in table.into_iter().enumerate() {
        let plain = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.';
        if !entry.name.bytes().all(plain) || entry.name.starts_with('.') {
            return Err(BundleError::Corrupt(
                "the shard table names a shard with no file name".into(),
            ));
        }
        shards.push(Shard::named(number as u32, entry.name, entry.len as usize));
    }
    Ok(shards)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::tests::full_corpus;
    use crate::bundle::{check_values, encode, open, open_layout, Opened};
    use crate::SearchIndex;

    /// Shards as small as can be: every value in a shard of its own.
    const TINY: ShardSizes = ShardSizes {
        texts: 1,
        mentions: 1,
        postings: 1,
        max_files: 1_000,
    };

    /// Fills each shard of `opened` with the file of its name.
    fn fill(opened: &Opened, files: &[(String, Vec<u8>)]) {
        for shard in &opened.shards {
            let (_, bytes) = files.iter().find(|(name, _)| name == shard.name()).unwrap();
            shard.fill(bytes.clone()).unwrap();
        }
    }

    #[test]
    fn the_sharded_layout_reads_as_one_bundle_once_its_shards_arrive() {
        let mut corpus = crate::facet::test_corpus::sample_corpus();
        corpus.index = SearchIndex::build(&corpus.documents.iter().cloned().collect::<Vec<_>>());
        for sizes in [TINY, ShardSizes::default()] {
            let sharded = encode_sharded(&corpus, &sizes);
            let opened = open_layout(&Source::Shared(sharded.head.as_slice().into())).unwrap();
            let kinds = |kind: &str| {
                let prefix = format!("{kind}-");
                sharded
                    .files
                    .iter()
                    .filter(|(name, _)| name.starts_with(&prefix))
                    .count()
            };
            if sizes == TINY {
                assert_eq!(kinds("text"), corpus.documents.len());
                assert_eq!(kinds("mentions"), corpus.entities.len());
                assert!(kinds("post") > 10);
            } else {
                assert_eq!((kinds("text"), kinds("mentions"), kinds("post")), (1, 1, 1));
            }
            // Nothing is read before something asks; what is asked reads empty meanwhile,
            // and its shard is wanted.
            assert!(opened.shards.iter().all(|shard| !shard.wanted()));
            let first = &opened.corpus.documents[0];
            assert!(!first.body.is_available());
            assert_eq!(first.text, "");
            assert_eq!(
                opened.shards.iter().filter(|shard| shard.wanted()).count(),
                1
            );
            let query = crate::query::parse("moscow");
            let options = crate::query::SearchOptions::default();
            let index = &opened.corpus.index;
            assert!(index
                .search(&opened.corpus.documents, &query, &options)
                .is_empty());
            // Once filled, it is the corpus written, as one bundle holds it: every text,
            // posting list and mention, the facets and the search results.
            fill(&opened, &sharded.files);
            assert!(opened.shards.iter().all(|shard| !shard.wanted()));
            check_values(&opened.corpus).unwrap();
            let (one, one_facets) = open(&encode(&corpus)).unwrap();
            assert_eq!(opened.corpus, one);
            assert_eq!(opened.corpus, corpus);
            assert_eq!(opened.facets, one_facets);
            let found = index.search(&opened.corpus.documents, &query, &options);
            assert!(!found.is_empty());
            assert_eq!(found, one.index.search(&one.documents, &query, &options));
        }
    }

    #[test]
    fn text_shards_grow_first_and_every_layout_keeps_within_the_file_limit() {
        let base = ShardSizes {
            texts: 16,
            mentions: 64,
            postings: 64,
            max_files: 100,
        };
        // The most files `sizes` can make of `totals` (each kind's last shard, the report).
        let most_files = |sizes: ShardSizes, [t, m, p]: [usize; 3]| {
            t / sizes.texts + m / sizes.mentions + p / sizes.postings + 4
        };
        for totals in [
            [0, 0, 0],
            [800, 640, 640],
            [16_000, 640, 640],
            [1_000_000, 64 * 40, 64 * 50],
            [1_000_000, 64 * 50, 64 * 60],
            [10, 64 * 500, 64 * 500],
        ] {
            let sizes = base.within(totals);
            assert!(
                most_files(sizes, totals) <= base.max_files,
                "{totals:?}: {sizes:?}"
            );
            let others_fit = totals[1] / 64 + totals[2] / 64 < 96;
            if others_fit {
                // Only the texts grow, and only as much as the limit asks.
                assert_eq!((sizes.mentions, sizes.postings), (64, 64), "{totals:?}");
                let smaller = ShardSizes {
                    texts: sizes.texts - 16,
                    ..sizes
                };
                assert!(
                    sizes.texts == 16 || most_files(smaller, totals) > base.max_files,
                    "{totals:?}: {sizes:?} grew more than needed"
                );
            } else {
                assert!(sizes.mentions > 64 && sizes.postings > 64, "{totals:?}");
            }
        }
        assert_eq!(base.within([800, 640, 640]), base, "nothing to grow");
    }

    #[test]
    fn shards_grow_to_keep_within_the_file_limit() {
        let mut corpus = crate::facet::test_corpus::sample_corpus();
        corpus.index = SearchIndex::build(&corpus.documents.iter().cloned().collect::<Vec<_>>());
        for max_files in [4, 7, 12, 30] {
            let sizes = ShardSizes { max_files, ..TINY };
            let sharded = encode_sharded(&corpus, &sizes);
            assert!(
                sharded.files.len() <= max_files,
                "{max_files}: {}",
                sharded.files.len()
            );
            let opened = open_layout(&Source::Shared(sharded.head.as_slice().into())).unwrap();
            fill(&opened, &sharded.files);
            assert_eq!(opened.corpus, corpus);
        }
    }

    #[test]
    fn damaged_or_truncated_shards_are_refused_and_say_why() {
        let corpus = full_corpus();
        let sharded = encode_sharded(&corpus, &TINY);
        let (name, bytes) = sharded
            .files
            .iter()
            .find(|(name, _)| name.starts_with("text-"))
            .unwrap();
        let open = || open_layout(&Source::Shared(sharded.head.as_slice().into())).unwrap();
        let mut damaged = bytes.clone();
        damaged[0] ^= 1;
        for (wrong, why) in [
            (
                damaged,
                format!("{name}: damaged (its bytes do not match its name)"),
            ),
            (
                bytes[..bytes.len() - 1].to_vec(),
                format!(
                    "{name}: {} bytes, but the index expects {}",
                    bytes.len() - 1,
                    bytes.len()
                ),
            ),
        ] {
            let opened = open();
            let shard = opened
                .shards
                .iter()
                .find(|shard| shard.name() == name)
                .unwrap();
            assert_eq!(shard.fill(wrong), Err(why.clone()));
            assert_eq!(shard.problem(), Some(why.as_str()));
            // A second answer does not undo the first.
            assert!(shard.fill(bytes.clone()).is_err());
            let document = &opened.corpus.documents[0];
            assert_eq!(document.text, "");
            assert_eq!(document.body.problem().map(|p| p.what), Some(why));
            assert!(check_values(&opened.corpus).is_err());
        }
        // A shard that cannot be fetched says so.
        let opened = open();
        opened.shards[0].fail("HTTP 404".into());
        assert_eq!(
            opened.shards[0].problem(),
            Some(format!("{}: HTTP 404", opened.shards[0].name()).as_str())
        );
    }

    #[test]
    fn a_damaged_head_never_panics_and_bad_shard_names_are_refused() {
        let sharded = encode_sharded(&full_corpus(), &TINY);
        for at in 8..sharded.head.len() {
            for value in [0x00, 0x2F, 0x80, 0xFF] {
                let mut damaged = sharded.head.clone();
                damaged[at] = value;
                if let Ok(opened) = open_layout(&Source::Shared(damaged.as_slice().into())) {
                    for shard in &opened.shards {
                        if let Some((_, bytes)) =
                            sharded.files.iter().find(|(n, _)| n == shard.name())
                        {
                            let _ = shard.fill(bytes.clone());
                        }
                    }
                    // Reads every lazy value.
                    let _ = format!("{:?}", opened.corpus);
                }
            }
        }
        let mut renamed = sharded.head.clone();
        let at = renamed.windows(5).position(|w| w == b"text-").unwrap();
        renamed[at] = b'/';
        assert!(matches!(
            open_layout(&Source::Shared(renamed.as_slice().into())),
            Err(BundleError::Corrupt(why)) if why.contains("no file name")
        ));
    }
}
