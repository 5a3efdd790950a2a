//! The app's only data access: the compiled corpus embedded at build time.

use std::sync::OnceLock;

use communique_core::{bundle, Corpus};

/// The bundle bytes written by `build.rs`.
static BUNDLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

/// The decoded corpus, decoded once on first use.
pub fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| match bundle::decode(BUNDLE) {
        Ok(corpus) => corpus,
        // build.rs writes the bundle with the same core crate, so this only
        // happens if the build itself is broken; say so loudly.
        Err(err) => panic!("embedded corpus unreadable: {err}"),
    })
}
