//! Shared pieces of the Communiqué benchmarks: the query file, timing summaries, and the
//! generated scale corpus (`scale`, written by this crate's `scale-corpus` binary).
//!
//! The native bench (`communique-bench`, this crate's binary) and the in-browser bench
//! (`browser-bench` in `communique-e2e`) read the same queries and summarise timings the same way,
//! so their figures compare.
#![deny(missing_docs)]

pub mod queries;
pub mod scale;
pub mod stats;
