//! The benchmark's query file: one query a line, exactly as typed into the search box.

use std::path::{Path, PathBuf};

/// The project's fixed list of realistic news queries, `crates/bench/queries.txt`.
pub fn default_queries_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("queries.txt")
}

/// The queries of a file: one a line; blank lines and lines starting with `#` are skipped.
pub fn read_queries(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|err| format!("{}: {err}", path.display()))?;
    let queries = queries_in(&text);
    if queries.is_empty() {
        return Err(format!("{}: no queries (one a line)", path.display()));
    }
    Ok(queries)
}

/// The queries in the text of a query file (see [`read_queries`]).
pub fn queries_in(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: &[&str]) {
        assert_eq!(queries_in(text), expect, "{text:?}");
    }

    #[test]
    fn reads_one_query_a_line() {
        check(
            "# a comment\nIran\n\n  \"strategic partnership\"  \nVelayat*\n",
            &["Iran", "\"strategic partnership\"", "Velayat*"],
        );
        check("", &[]);
    }

    #[test]
    fn the_project_query_file_is_large_enough() {
        let queries = read_queries(&default_queries_file()).unwrap();
        assert!(queries.len() >= 200, "{} queries", queries.len());
    }
}
