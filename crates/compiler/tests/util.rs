//! Scratch corpus folders for tests, made under the system temp folder and
//! removed when dropped.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A temporary corpus folder.
pub struct TempCorpus {
    dir: PathBuf,
}

impl TempCorpus {
    /// Makes a folder holding `files`, each a relative path and its bytes.
    pub fn new(files: &[(&str, &[u8])]) -> TempCorpus {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let unique = format!(
            "communique-test-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        );
        let dir = std::env::temp_dir().join(unique);
        for (path, bytes) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, bytes).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        TempCorpus { dir }
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for TempCorpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The default corpus shipped with the project.
pub fn default_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// The compiler's own test data folder.
pub fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data")
}
