//! The browser-free core of Communiqué: the data model of a compiled corpus,
//! the text pipeline shared by indexing and querying, the search index and the
//! query engine.
//!
//! The compiler (`communique-compiler`) fills a [`Corpus`] and writes it with
//! [`bundle::encode`]; the app reads it back with [`bundle::decode`] and asks
//! the [`SearchIndex`] for hits.
//!
//! Invariant: nothing here touches files, the network or the browser. Bytes in,
//! values out; every test runs natively in seconds.
#![deny(missing_docs)]

pub mod bundle;
pub mod facet;
pub mod index;
pub mod model;

pub use facet::{FacetIndex, Filters};
pub use index::SearchIndex;
pub use model::*;
