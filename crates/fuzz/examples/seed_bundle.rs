//! Writes the default corpus's bundle to the file named by the first argument: the bundle
//! target's seed, made fresh by `cargo xtask fuzz` since it changes with the format.

fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args_os().nth(1) else {
        eprintln!("usage: seed_bundle <FILE>");
        return std::process::ExitCode::from(2);
    };
    match std::fs::write(&path, communique_fuzz::default_bundle()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}: {e}", std::path::Path::new(&path).display());
            std::process::ExitCode::FAILURE
        }
    }
}
