//! The browser-free core of Communiqué: the data model of a compiled corpus,
//! the text pipeline shared by indexing and querying, the search index and the
//! query engine.
//!
//! The compiler (`communique-compiler`) fills a [`Corpus`], builds its
//! [`SearchIndex`] with [`SearchIndex::build`] and writes it with
//! [`bundle::encode`]; the app reads it back with [`bundle::decode`], turns
//! the search box into a [`Query`] with [`query::parse`] (which never fails)
//! and asks [`SearchIndex::search`] for ranked [`Hit`]s, each with
//! [`Snippet`]s whose highlighted [`Span`]s point into the document's text.
//! [`SearchIndex::highlights`] and [`SearchIndex::title_highlights`] mark the
//! same words in the reader view.
//!
//! ```
//! use communique_core::{query, Body, Document, Documents, SearchIndex, SearchOptions};
//!
//! let docs = vec![
//!     Document {
//!         title: "Deputy minister visits Moscow".into(),
//!         body: Body {
//!             text: "Iran’s deputy foreign minister arrived in Moscow on Monday.".into(),
//!             ..Body::default()
//!         }
//!         .into(),
//!         ..Default::default()
//!     },
//!     Document {
//!         title: "Oil prices".into(),
//!         body: Body {
//!             text: "Ministers discussed oil output.".into(),
//!             ..Body::default()
//!         }
//!         .into(),
//!         ..Default::default()
//!     },
//! ];
//! let index = SearchIndex::build(&docs);
//! let docs = Documents::from(docs);
//! // Stemming finds "minister" for "ministers"; the title match ranks first.
//! let hits = index.search(&docs, &query::parse("ministers "), &SearchOptions::default());
//! assert_eq!(hits.iter().map(|h| h.doc).collect::<Vec<_>>(), [0, 1]);
//! let snippet = &hits[0].snippets[0];
//! assert_eq!(docs[0].slice(snippet.highlights[0]), "minister");
//! // A typo ("Mosocw") still finds the city; `-oil` leaves out the second article.
//! let hits = index.search(&docs, &query::parse("Mosocw -oil"), &SearchOptions::default());
//! assert_eq!(hits.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Invariant: nothing here touches files, the network or the browser. Bytes in,
//! values out; every test runs natively in seconds. `examples/search_bench.rs`
//! times the engine on a JSONL corpus.
#![deny(missing_docs)]

pub mod bundle;
mod corpus;
pub mod documents;
pub mod entities;
pub mod export;
pub mod facet;
pub mod index;
pub mod lazy;
pub mod map;
pub mod mentions;
pub mod model;
pub mod network;
pub mod query;
#[cfg(feature = "shards")]
mod records;
pub mod routes;
#[cfg(feature = "shards")]
pub mod shard;
pub mod sort;
pub mod text;
pub mod timeline;
mod wire;
pub mod words;

pub use corpus::Corpus;
pub use documents::Documents;
pub use entities::Entities;
pub use facet::{FacetIndex, Filters};
pub use index::{IndexStats, SearchIndex};
pub use model::*;
pub use query::{parse, Hit, Query, SearchOptions, Snippet, SortOrder};
