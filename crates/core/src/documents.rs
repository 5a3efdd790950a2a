//! [`Documents`]: a corpus's articles, by `DocId`.
//!
//! One bundle (the default corpus, embedded in the page) holds few articles: they are decoded
//! at start, a plain list. Where the sharded layout can be read, the head holds every
//! article of a large corpus, and at 100,000 of them their decoded metadata took 21.6 MB of
//! the page's heap (about 216 bytes each: six names, a date and a lazy body), for a first
//! view that shows a few dozen. There each article is decoded from the head's bytes when
//! something first reads it, and kept; at start the head is read once, checking every
//! article, and only what every article is asked for at once is kept, in columns: where its
//! bytes start, its date (sorting, the timeline, the overview's years) and its outlet (the
//! facet index). Both builds answer the same calls, so the app compiles against either.

use std::sync::OnceLock;

#[cfg(not(feature = "shards"))]
use serde::Serialize;

use crate::model::{DocId, Document, PartialDate};
#[cfg(not(feature = "shards"))]
use crate::wire::{Decode, Reader};

/// The articles of a corpus, read as a list: decoded at start.
#[cfg(not(feature = "shards"))]
#[derive(Clone, Debug, Default, Serialize)]
#[serde(transparent)]
pub struct Documents {
    list: Vec<Document>,
    /// [`Documents::newest_first`], once asked.
    #[serde(skip)]
    newest_first: OnceLock<Vec<DocId>>,
}

#[cfg(not(feature = "shards"))]
impl Documents {
    /// How many articles.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Article `doc`, if there is one.
    pub fn get(&self, doc: usize) -> Option<&Document> {
        self.list.get(doc)
    }

    /// Every article, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Document> {
        self.list.iter()
    }

    /// Article `doc`'s date (none for no article).
    pub fn date(&self, doc: usize) -> Option<PartialDate> {
        self.list.get(doc)?.date
    }

    /// Every article's outlet and date, in order: what the facet index and the overview read
    /// of every article.
    pub fn sources_and_dates(&self) -> impl Iterator<Item = (Option<&str>, Option<PartialDate>)> {
        self.list
            .iter()
            .map(|doc| (doc.source.as_deref(), doc.date))
    }

    /// The article with this id, if there is one.
    pub fn find(&self, id: &str) -> Option<usize> {
        find(self.len(), |doc| &self[doc].id, id)
    }

    /// Every article's number, newest first (see [`newest_first`]), worked out once.
    pub fn newest_first(&self) -> &[DocId] {
        self.newest_first.get_or_init(|| newest_first(self))
    }
}

#[cfg(not(feature = "shards"))]
impl PartialEq for Documents {
    fn eq(&self, other: &Documents) -> bool {
        self.list == other.list
    }
}

#[cfg(not(feature = "shards"))]
impl From<Vec<Document>> for Documents {
    fn from(list: Vec<Document>) -> Documents {
        Documents {
            list,
            newest_first: OnceLock::new(),
        }
    }
}

#[cfg(not(feature = "shards"))]
impl std::ops::Index<usize> for Documents {
    type Output = Document;

    fn index(&self, doc: usize) -> &Document {
        &self.list[doc]
    }
}

#[cfg(not(feature = "shards"))]
impl<'a> IntoIterator for &'a Documents {
    type Item = &'a Document;
    type IntoIter = std::slice::Iter<'a, Document>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

#[cfg(not(feature = "shards"))]
impl Decode for Documents {
    fn decode(reader: &mut Reader<'_>) -> Documents {
        Documents::from(Vec::<Document>::decode(reader))
    }
}

/// The article with this id among `count` whose ids `id_of` gives. Articles are sorted by
/// id (`Corpus::documents`), but a linear scan stays correct should a bundle ever break
/// that promise.
fn find<'a>(count: usize, id_of: impl Fn(usize) -> &'a str, id: &str) -> Option<usize> {
    let (mut low, mut high) = (0, count);
    while low < high {
        let middle = low + (high - low) / 2;
        match id_of(middle).cmp(id) {
            std::cmp::Ordering::Less => low = middle + 1,
            std::cmp::Ordering::Greater => high = middle,
            std::cmp::Ordering::Equal => return Some(middle),
        }
    }
    (0..count).position(|doc| id_of(doc) == id)
}

/// Every article's number, newest first by the first day its date may denote, undated ones
/// last, articles of one day in their order: the order a query that matches everything lists
/// them in (`SearchIndex::search`). Kept once worked out: sorting 100,000 articles by date on
/// every keystroke that lists them all (a query's first letter) took 15 ms in the page.
///
/// Sorted as `u128` keys, (day, number), as search hits are (`query::rank::sort`: the same
/// code); a comparator that looks up two dates took 70 ms natively at 100,000 articles.
fn newest_first(documents: &Documents) -> Vec<DocId> {
    let mut keys: Vec<u128> = (0..documents.len())
        .map(|doc| {
            // A day's bits with the sign flipped order as the days do; inverted, the newest
            // comes first, and no day's key is all ones, which an undated article's is.
            let day = documents
                .date(doc)
                .map_or(u64::MAX, |date| !(date.first_day() as u64 ^ 1 << 63));
            (u128::from(day) << 32) | doc as u128
        })
        .collect();
    keys.sort_unstable();
    keys.into_iter().map(|key| key as DocId).collect()
}

#[cfg(feature = "shards")]
pub use read_when_asked::Documents;

#[cfg(feature = "shards")]
mod read_when_asked {
    use std::collections::HashMap;

    use super::*;
    use crate::model::Text;
    use crate::records::{list_calls, ReadWhenAsked};
    use crate::wire::{Decode, Reader};

    /// No outlet, in `Documents::sources`.
    const NO_SOURCE: u32 = u32::MAX;

    /// The articles of a corpus, each decoded when first read (see the module's docs).
    #[derive(Clone, Debug, Default)]
    pub struct Documents {
        /// The articles, each decoded when first read.
        items: ReadWhenAsked<Document>,
        /// Each article's date.
        dates: Vec<Option<PartialDate>>,
        /// Each article's outlet, as its place in `source_names`, or [`NO_SOURCE`].
        sources: Vec<u32>,
        /// The distinct outlets, in the order first met.
        source_names: Vec<Text>,
        /// [`Documents::newest_first`], once asked.
        newest_first: OnceLock<Vec<DocId>>,
    }

    impl Documents {
        /// How many articles.
        pub fn len(&self) -> usize {
            self.items.len()
        }

        /// Whether there are none.
        pub fn is_empty(&self) -> bool {
            self.len() == 0
        }

        /// Article `doc`, if there is one, decoded now if it was not yet.
        pub fn get(&self, doc: usize) -> Option<&Document> {
            self.items.get(doc)
        }

        /// Article `doc`'s date (none for no article), without decoding it.
        pub fn date(&self, doc: usize) -> Option<PartialDate> {
            *self.dates.get(doc)?
        }

        /// Every article's outlet and date, in order, without decoding them: what the facet
        /// index and the overview read of every article.
        pub fn sources_and_dates(
            &self,
        ) -> impl Iterator<Item = (Option<&str>, Option<PartialDate>)> {
            let name = |source: u32| self.source_names.get(source as usize).map(|name| &**name);
            (self.sources.iter().map(move |&source| name(source))).zip(self.dates.iter().copied())
        }

        /// The article with this id, if there is one (decoding those a binary search reads).
        pub fn find(&self, id: &str) -> Option<usize> {
            find(self.len(), |doc| &self[doc].id, id)
        }

        /// Every article's number, newest first (see [`newest_first`]), worked out once.
        pub fn newest_first(&self) -> &[DocId] {
            self.newest_first.get_or_init(|| newest_first(self))
        }

        /// How many articles have been decoded.
        #[cfg(test)]
        pub(crate) fn decoded(&self) -> usize {
            self.items.decoded()
        }

        /// Adds the columns of `document`, the next article; `known` holds the outlets met so
        /// far and their places in `source_names`.
        fn push_columns(&mut self, document: &Document, known: &mut HashMap<Text, u32>) {
            self.dates.push(document.date);
            let source = match &document.source {
                Some(name) => *known.entry(name.clone()).or_insert_with(|| {
                    self.source_names.push(name.clone());
                    (self.source_names.len() - 1) as u32
                }),
                None => NO_SOURCE,
            };
            self.sources.push(source);
        }
    }

    list_calls!(Documents, Document);

    impl From<Vec<Document>> for Documents {
        fn from(list: Vec<Document>) -> Documents {
            let mut documents = Documents::default();
            let mut known = HashMap::new();
            for document in list {
                documents.push_columns(&document, &mut known);
                documents.items.push(document);
            }
            documents
        }
    }

    /// Reads the list as `Vec<Document>` is written, checking every article and keeping its
    /// columns, not the article.
    impl Decode for Documents {
        fn decode(reader: &mut Reader<'_>) -> Documents {
            let mut columns = Documents::default();
            let mut known = HashMap::new();
            let items = ReadWhenAsked::read(reader, |document| {
                columns.push_columns(document, &mut known);
            });
            Documents { items, ..columns }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{encode, open_in_place, tests::full_corpus};
    use crate::lazy::Source;

    /// The articles of `full_corpus`, read from a bundle as the page reads them.
    fn read_in_place() -> (Vec<Document>, Documents) {
        let corpus = full_corpus();
        let bytes: &'static [u8] = Vec::leak(encode(&corpus));
        let (read, _) = open_in_place(&Source::Static(bytes)).unwrap();
        (corpus.documents.iter().cloned().collect(), read.documents)
    }

    #[test]
    fn columns_answer_without_decoding_and_agree_with_the_articles() {
        let (written, read) = read_in_place();
        assert_eq!(read.len(), written.len());
        let columns: Vec<_> = written
            .iter()
            .map(|document| (document.source.as_deref(), document.date))
            .collect();
        assert!(read.sources_and_dates().eq(columns.iter().copied()));
        for (doc, document) in written.iter().enumerate() {
            assert_eq!(read.date(doc), document.date, "{doc}");
        }
        assert_eq!(read.date(written.len()), None);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "the columns decoded articles");
        assert_eq!(read[1], written[1]);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 1, "one article read, one decoded");
        assert!(read.iter().eq(written.iter()));
        assert!(read.get(written.len()).is_none());
    }

    #[test]
    fn finds_articles_by_id_sorted_or_not() {
        let (written, read) = read_in_place();
        for (doc, document) in written.iter().enumerate() {
            assert_eq!(read.find(&document.id), Some(doc));
        }
        assert_eq!(read.find("nothing"), None);
        let reversed = Documents::from(written.iter().rev().cloned().collect::<Vec<_>>());
        assert_eq!(reversed.find(&written[0].id), Some(written.len() - 1));
    }

    #[test]
    fn newest_first_goes_by_date_then_number_reading_no_article() {
        let (written, read) = read_in_place();
        let mut expect: Vec<DocId> = (0..written.len() as DocId).collect();
        expect.sort_by_key(|&doc| {
            let date = written[doc as usize].date;
            (
                date.is_none(),
                std::cmp::Reverse(date.map(|date| date.first_day())),
                doc,
            )
        });
        assert_eq!(read.newest_first(), expect);
        #[cfg(feature = "shards")]
        assert_eq!(read.decoded(), 0, "the order decoded articles");
        assert_eq!(Documents::from(written).newest_first(), expect);
    }

    #[test]
    fn a_list_keeps_its_columns() {
        let (written, _) = read_in_place();
        let built = Documents::from(written.clone());
        let columns: Vec<_> = written
            .iter()
            .map(|document| (document.source.as_deref(), document.date))
            .collect();
        assert!(built.sources_and_dates().eq(columns.iter().copied()));
        for (doc, document) in written.iter().enumerate() {
            assert_eq!(built.date(doc), document.date);
            assert_eq!(built[doc], *document);
        }
        assert_eq!(built, Documents::from(written));
    }
}
