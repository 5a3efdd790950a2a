//! The bundle: a compiled [`Corpus`] as bytes, embedded in the WASM.
//!
//! Layout:
//! ```text
//! offset  size  field
//! 0       4     magic  b"CMQB"
//! 4       4     format version, u32 little-endian (FORMAT_VERSION)
//! 8       ..    postcard encoding of `Corpus`
//! ```
//! Any change to a type reachable from `Corpus` changes the postcard layout, so
//! it must bump [`FORMAT_VERSION`]; a reader refuses any other version rather
//! than misreading it.

use crate::model::Corpus;

/// The four bytes every bundle starts with.
pub const MAGIC: &[u8; 4] = b"CMQB";
/// Version of the bundle layout; bump on any change to the model or index types.
pub const FORMAT_VERSION: u32 = 1;

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
        }
    }
}

impl std::error::Error for BundleError {}

/// Serialises a corpus into bundle bytes.
pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    // Serialising plain data into a Vec cannot fail: postcard errors only on
    // unsupported serde features, which the model does not use.
    let payload = postcard::to_allocvec(corpus).expect("the model serialises with postcard");
    out.extend_from_slice(&payload);
    out
}

/// Reads bundle bytes back into a corpus.
pub fn decode(bytes: &[u8]) -> Result<Corpus, BundleError> {
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
    postcard::from_bytes(&bytes[8..]).map_err(|e| BundleError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Document, PartialDate};

    #[test]
    fn round_trip() {
        let mut corpus = Corpus::default();
        corpus.meta.title = "T".into();
        corpus.documents.push(Document {
            id: "a/b".into(),
            title: "Title".into(),
            date: Some(PartialDate::ym(2016, 9)),
            text: "Body.".into(),
            ..Default::default()
        });
        let bytes = encode(&corpus);
        assert_eq!(decode(&bytes).unwrap(), corpus);
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
}
