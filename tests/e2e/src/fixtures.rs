//! Sites the offline, embedding and security tests make on the fly: a copy of the build that
//! can be served under a deeper path or changed (a "new build"), and host pages served from
//! another origin.
//!
//! Invariant: everything is made in a [`TempDir`] and removed when it is dropped.

use std::path::Path;

use crate::browser::TempDir;
use crate::server::StaticServer;
use crate::{Failure, Outcome};

/// Copies the folder `from` (recursively) to `to`, creating `to`.
pub fn copy_dir(from: &Path, to: &Path) -> Outcome {
    std::fs::create_dir_all(to).map_err(|err| Failure(format!("{}: {err}", to.display())))?;
    let entries =
        std::fs::read_dir(from).map_err(|err| Failure(format!("{}: {err}", from.display())))?;
    for entry in entries {
        let path = entry
            .map_err(|err| Failure(format!("{}: {err}", from.display())))?
            .path();
        let name = path.file_name().expect("a listed entry has a name");
        if path.is_dir() {
            copy_dir(&path, &to.join(name))?;
        } else {
            std::fs::copy(&path, to.join(name))
                .map_err(|err| Failure(format!("copying {}: {err}", path.display())))?;
        }
    }
    Ok(())
}

/// A copy of the built site placed at `sub_path` (e.g. `tools/communique`) inside a temporary
/// folder; serve the folder and the site is at `…/site/tools/communique/`.
pub fn site_copy(dist: &Path, sub_path: &str) -> Outcome<TempDir> {
    let root = TempDir::new("communique-e2e-site")
        .map_err(|err| Failure(format!("cannot make a temporary folder: {err}")))?;
    copy_dir(dist, &root.path().join(sub_path))?;
    let home = root.path().join("index.html");
    if !home.exists() {
        // The host's own home page, above the explorer's folder.
        let page = format!(
            "<!DOCTYPE html><html lang=\"en\"><title>Host</title>\
             <p><a href=\"{sub_path}\">Communiqué</a></p></html>\n"
        );
        std::fs::write(&home, page).map_err(|err| Failure(format!("{}: {err}", home.display())))?;
    }
    Ok(root)
}

/// Pages of a host site, served from their own origin (another port than the app's).
pub struct HostSite {
    folder: TempDir,
    server: StaticServer,
}

impl HostSite {
    /// Serves `pages`, each `(file name, HTML)`, on a new port.
    pub fn start(pages: &[(&str, String)]) -> Outcome<HostSite> {
        let folder = TempDir::new("communique-e2e-host")
            .map_err(|err| Failure(format!("cannot make a temporary folder: {err}")))?;
        for (name, html) in pages {
            let path = folder.path().join(name);
            std::fs::write(&path, html)
                .map_err(|err| Failure(format!("{}: {err}", path.display())))?;
        }
        let server = StaticServer::start(folder.path())
            .map_err(|err| Failure(format!("cannot serve the host pages: {err}")))?;
        Ok(HostSite { folder, server })
    }

    /// The address of the page `name`.
    pub fn url(&self, name: &str) -> String {
        format!("{}{name}", self.server.url())
    }

    /// The site's origin (`http://127.0.0.1:PORT`).
    pub fn origin(&self) -> String {
        origin_of(&self.server.url())
    }

    /// The folder the pages are in.
    pub fn folder(&self) -> &Path {
        self.folder.path()
    }
}

/// The origin of an absolute `http` URL: scheme, host and port.
pub fn origin_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) => parsed.origin().ascii_serialization(),
        Err(_) => String::new(),
    }
}
