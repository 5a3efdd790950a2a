//! Short names for the links between the WebAssembly module and its JavaScript glue.
//!
//! wasm-bindgen names every JavaScript function the WASM imports `__wbg_<name>_<16 hex digits>`
//! and exports each closure trampoline under its mangled Rust path, which carries crate hashes
//! too. Both files spell every such name out, and hex digits are noise to gzip: the names cost
//! about 5 KB of the gzipped site. They are internal (nothing but the glue uses them), so the
//! post-build hook renames them to `$0`, `$1`, … in both files. Trunk computed the files'
//! `integrity` digests in `index.html` before the hook ran, so [`StagedModule::update_integrity`]
//! puts in those of the final files (after `site.rs` has also minified the glue).
//!
//! The same pass drops the `producers` and `target_features` custom sections: notes on the
//! compilers and on linking, which no browser reads.
//!
//! Anything unexpected (a module this parser does not know, a name the glue does not mention)
//! leaves the files as they are, with a message: the site then works, only a little bigger.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use sha2::{Digest as _, Sha384};

use crate::run::Result;

/// The WASM module of the site in `site`, and its JavaScript glue, as Trunk staged them.
pub struct StagedModule {
    /// `<name>_bg.wasm`.
    pub wasm_path: PathBuf,
    /// `<name>.js`, beside it.
    pub js_path: PathBuf,
    /// The module's bytes.
    pub wasm: Vec<u8>,
    /// The glue's text.
    pub js: String,
}

impl StagedModule {
    /// Reads the one module of the site in `site`.
    pub fn read(site: &Path) -> Result<StagedModule> {
        let (wasm_path, js_path) = find_module(site)?;
        let wasm = read(&wasm_path)?;
        let js = String::from_utf8(read(&js_path)?)
            .map_err(|_| format!("{}: not UTF-8", js_path.display()))?;
        Ok(StagedModule {
            wasm_path,
            js_path,
            wasm,
            js,
        })
    }

    /// Renames the hashed import and export names in both files (on disk); returns how many
    /// names were shortened. Anything unexpected leaves the files as they are, with a message.
    pub fn shorten_names(&self) -> Result<usize> {
        match rename(&self.wasm, &self.js) {
            Ok(renamed) => {
                write(&self.wasm_path, &renamed.wasm)?;
                write(&self.js_path, renamed.js.as_bytes())?;
                Ok(renamed.count)
            }
            Err(why) => {
                println!(
                    "post-build: names not shortened ({why}); the site works, a little bigger"
                );
                Ok(0)
            }
        }
    }

    /// Puts the digests of the files as they now are on disk into `site/index.html` in place of
    /// those Trunk computed from the staged bytes, then checks every digest the page has.
    pub fn update_integrity(&self, site: &Path) -> Result<()> {
        let html_path = site.join("index.html");
        let mut html = String::from_utf8(read(&html_path)?)
            .map_err(|_| format!("{}: not UTF-8", html_path.display()))?;
        for (path, staged) in [
            (&self.wasm_path, &self.wasm[..]),
            (&self.js_path, self.js.as_bytes()),
        ] {
            html = html.replace(&sri(staged), &sri(&read(path)?));
        }
        write(&html_path, html.as_bytes())?;
        check_integrity(site, &html).map_err(|why| format!("{}: {why}", html_path.display()))
    }
}

/// The one `*_bg.wasm` in `site` and the `.js` glue beside it.
fn find_module(site: &Path) -> Result<(PathBuf, PathBuf)> {
    let entries = std::fs::read_dir(site).map_err(|err| format!("{}: {err}", site.display()))?;
    let mut found = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| format!("{}: {err}", site.display()))?
            .path();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        if let Some(stem) = name.strip_suffix("_bg.wasm") {
            let js = site.join(format!("{stem}.js"));
            found.push((path.clone(), js));
        }
    }
    match found.as_slice() {
        [(wasm, js)] if js.is_file() => Ok((wasm.clone(), js.clone())),
        [(wasm, js)] => Err(format!(
            "{}: no glue {} beside it",
            wasm.display(),
            js.display()
        )),
        _ => Err(format!(
            "{}: expected one *_bg.wasm, found {}",
            site.display(),
            found.len()
        )),
    }
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|err| format!("{}: {err}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).map_err(|err| format!("{}: {err}", path.display()))
}

/// The value of an `integrity` attribute for `bytes`, as Trunk writes it.
fn sri(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Checks every `href=… integrity=sha384-…` pair of `html` against the file in `site`.
fn check_integrity(site: &Path, html: &str) -> std::result::Result<(), String> {
    for tag in html.split('<').filter(|tag| tag.contains("integrity=")) {
        let (Some(href), Some(integrity)) = (attribute(tag, "href"), attribute(tag, "integrity"))
        else {
            continue;
        };
        let file = site.join(href.trim_start_matches("./"));
        let bytes = std::fs::read(&file).map_err(|err| format!("{}: {err}", file.display()))?;
        if sri(&bytes) != integrity {
            return Err(format!("the integrity of {href} does not match the file"));
        }
    }
    Ok(())
}

/// The value of attribute `name` in the start tag `tag` (quoted or not, as minified HTML has it).
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag
        .match_indices(&format!("{name}="))
        .find(|(at, _)| *at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace())?
        .0
        + name.len()
        + 1;
    let rest = &tag[start..];
    match rest.chars().next()? {
        quote @ ('"' | '\'') => rest[1..].split(quote).next(),
        _ => rest
            .split(|c: char| c.is_ascii_whitespace() || c == '>')
            .next(),
    }
}

/// A module and its glue with the hashed names replaced.
#[derive(Debug)]
struct Renamed {
    wasm: Vec<u8>,
    js: String,
    count: usize,
}

/// Renames every hashed import and export name of `wasm` that `js` mentions.
fn rename(wasm: &[u8], js: &str) -> std::result::Result<Renamed, String> {
    let module = Module::parse(wasm)?;
    let mut names: Vec<String> = Vec::new();
    for section in &module.sections {
        match section.id {
            IMPORT_SECTION => {
                for Entry { name, .. } in entries(section.id, section.payload)? {
                    if is_hashed(&name) {
                        if !mentions(js, &name) {
                            return Err(format!("the glue never names the import {name}"));
                        }
                        names.push(name);
                    }
                }
            }
            EXPORT_SECTION => {
                for Entry { name, .. } in entries(section.id, section.payload)? {
                    // An export the glue does not use may be someone else's: left alone.
                    if is_hashed(&name) && mentions(js, &name) {
                        names.push(name);
                    }
                }
            }
            _ => {}
        }
    }
    names.sort();
    names.dedup();
    let short: Vec<String> = (0..names.len()).map(short_name).collect();
    if let Some(taken) = short.iter().find(|name| mentions(js, name)) {
        return Err(format!("the glue already uses the name {taken}"));
    }
    let new_name = |old: &str| -> Option<&str> {
        names
            .binary_search_by(|name| name.as_str().cmp(old))
            .ok()
            .map(|i| short[i].as_str())
    };
    let mut out = module.header.to_vec();
    for section in &module.sections {
        if section.id == CUSTOM_SECTION
            && DROPPED_CUSTOM_SECTIONS.contains(&custom_name(section).as_str())
        {
            continue;
        }
        let payload = match section.id {
            IMPORT_SECTION | EXPORT_SECTION => {
                rewrite_entries(section.id, section.payload, &new_name)?
            }
            _ => section.payload.to_vec(),
        };
        out.push(section.id);
        write_leb(&mut out, payload.len() as u64);
        out.extend_from_slice(&payload);
    }
    let mut glue = js.to_string();
    for (old, new) in names.iter().zip(&short) {
        glue = replace_identifier(&glue, old, new);
    }
    Ok(Renamed {
        wasm: out,
        js: glue,
        count: names.len(),
    })
}

/// `$` and a number in base 36: short, and not a name wasm-bindgen's glue uses.
fn short_name(index: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = index;
    loop {
        digits.push(char::from_digit((rest % 36) as u32, 36).unwrap_or('0'));
        rest /= 36;
        if rest == 0 {
            break;
        }
    }
    std::iter::once('$')
        .chain(digits.into_iter().rev())
        .collect()
}

/// Whether `name` has a part of 16 lower-case hex digits between underscores (or at its end), as
/// wasm-bindgen's import names and mangled crate hashes do.
fn is_hashed(name: &str) -> bool {
    name.split('_').any(|part| {
        part.len() == 16
            && part
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

fn is_identifier_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
}

/// The places `name` occurs in `js` as a whole identifier.
fn identifier_matches<'a>(js: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = js.as_bytes();
    js.match_indices(name).map(|(at, _)| at).filter(move |&at| {
        let end = at + name.len();
        (at == 0 || !is_identifier_byte(bytes[at - 1]))
            && (end == bytes.len() || !is_identifier_byte(bytes[end]))
    })
}

fn mentions(js: &str, name: &str) -> bool {
    identifier_matches(js, name).next().is_some()
}

/// `js` with every whole-identifier `old` replaced by `new`.
fn replace_identifier(js: &str, old: &str, new: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut copied = 0;
    for at in identifier_matches(js, old).collect::<Vec<_>>() {
        out.push_str(&js[copied..at]);
        out.push_str(new);
        copied = at + old.len();
    }
    out.push_str(&js[copied..]);
    out
}

const CUSTOM_SECTION: u8 = 0;
const IMPORT_SECTION: u8 = 2;
const EXPORT_SECTION: u8 = 7;

/// Custom sections left out of the site: what compiled the module, and the target features the
/// linker used. Neither changes what the module does.
const DROPPED_CUSTOM_SECTIONS: [&str; 2] = ["producers", "target_features"];

/// The name of a custom section (empty if unreadable).
fn custom_name(section: &Section) -> String {
    Reader {
        bytes: section.payload,
        at: 0,
        what: "a custom section",
    }
    .name()
    .unwrap_or_default()
}

/// A WebAssembly binary split into its sections, payloads borrowed.
struct Module<'a> {
    header: &'a [u8],
    sections: Vec<Section<'a>>,
}

struct Section<'a> {
    id: u8,
    payload: &'a [u8],
}

impl<'a> Module<'a> {
    fn parse(bytes: &'a [u8]) -> std::result::Result<Module<'a>, String> {
        if bytes.len() < 8 || &bytes[..4] != b"\0asm" || bytes[4..8] != [1, 0, 0, 0] {
            return Err("not a WebAssembly module (version 1)".into());
        }
        let mut reader = Reader {
            bytes,
            at: 8,
            what: "the module",
        };
        let mut sections = Vec::new();
        while !reader.done() {
            let id = reader.byte()?;
            let size = reader.leb()? as usize;
            sections.push(Section {
                id,
                payload: reader.take(size)?,
            });
        }
        Ok(Module {
            header: &bytes[..8],
            sections,
        })
    }
}

/// Reads a section's bytes, with errors that say what was cut short.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    fn take(&mut self, len: usize) -> std::result::Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| format!("{} is cut short", self.what))?;
        let taken = &self.bytes[self.at..end];
        self.at = end;
        Ok(taken)
    }

    fn byte(&mut self) -> std::result::Result<u8, String> {
        Ok(self.take(1)?[0])
    }

    /// An unsigned LEB128 number.
    fn leb(&mut self) -> std::result::Result<u64, String> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(format!("{} has an overlong number", self.what))
    }

    fn name(&mut self) -> std::result::Result<String, String> {
        let len = self.leb()? as usize;
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec())
            .map_err(|_| format!("{} has a name not in UTF-8", self.what))
    }

    /// The bytes from `start` to here.
    fn since(&self, start: usize) -> &'a [u8] {
        &self.bytes[start..self.at]
    }
}

/// One entry of the import or export section: an import's module, the name, and the rest of
/// the entry (what is imported or exported) as its bytes.
struct Entry<'a> {
    module: Option<String>,
    name: String,
    description: &'a [u8],
}

/// The entries of an import or export section (`id`).
fn entries(id: u8, payload: &[u8]) -> std::result::Result<Vec<Entry<'_>>, String> {
    let mut reader = Reader {
        bytes: payload,
        at: 0,
        what: if id == IMPORT_SECTION {
            "the import section"
        } else {
            "the export section"
        },
    };
    let count = reader.leb()?;
    let mut out = Vec::new();
    for _ in 0..count {
        let module = if id == IMPORT_SECTION {
            Some(reader.name()?)
        } else {
            None
        };
        let name = reader.name()?;
        let start = reader.at;
        if id == IMPORT_SECTION {
            import_description(&mut reader, &name)?;
        } else {
            // Kind and index.
            reader.byte()?;
            reader.leb()?;
        }
        out.push(Entry {
            module,
            name,
            description: reader.since(start),
        });
    }
    if !reader.done() {
        return Err(format!("{} has bytes after its entries", reader.what));
    }
    Ok(out)
}

/// Skips what the import `name` imports.
fn import_description(reader: &mut Reader, name: &str) -> std::result::Result<(), String> {
    match reader.byte()? {
        // A function (type index) or a tag (attribute, type index).
        0x00 => {
            reader.leb()?;
        }
        0x04 => {
            reader.byte()?;
            reader.leb()?;
        }
        // A table: its element type, then limits.
        0x01 => {
            reader.byte()?;
            limits(reader)?;
        }
        0x02 => limits(reader)?,
        // A global: a value type and mutability (plain value types only).
        0x03 => {
            let value_type = reader.byte()?;
            if !matches!(value_type, 0x6f | 0x70 | 0x7b..=0x7f) {
                return Err(format!(
                    "the import {name} has a global type this parser does not know"
                ));
            }
            reader.byte()?;
        }
        kind => return Err(format!("the import {name} is of unknown kind {kind}")),
    }
    Ok(())
}

/// Skips table or memory limits: flags, minimum, and a maximum when flag bit 0 says so.
fn limits(reader: &mut Reader) -> std::result::Result<(), String> {
    let flags = reader.byte()?;
    reader.leb()?;
    if flags & 1 == 1 {
        reader.leb()?;
    }
    Ok(())
}

/// The import or export section (`id`) with each name `new_name` knows replaced.
fn rewrite_entries<'n>(
    id: u8,
    payload: &[u8],
    new_name: &impl Fn(&str) -> Option<&'n str>,
) -> std::result::Result<Vec<u8>, String> {
    let entries = entries(id, payload)?;
    let mut out = Vec::with_capacity(payload.len());
    write_leb(&mut out, entries.len() as u64);
    for entry in entries {
        if let Some(module) = &entry.module {
            write_name(&mut out, module);
        }
        write_name(&mut out, new_name(&entry.name).unwrap_or(&entry.name));
        out.extend_from_slice(entry.description);
    }
    Ok(out)
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    const HASHED: &str = "__wbg_log_0123456789abcdef";
    const PLAIN: &str = "__wbindgen_throw";
    const TRAMPOLINE: &str = "wasm_bindgen_399d8eae72c45b6b___convert__closures__invoke";

    /// A module with a type section, three function imports and a memory import, and exports.
    fn module(imports: &[&str], exports: &[&str]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let section = |wasm: &mut Vec<u8>, id: u8, payload: Vec<u8>| {
            wasm.push(id);
            write_leb(wasm, payload.len() as u64);
            wasm.extend(payload);
        };
        // One type: () -> ().
        section(&mut wasm, 1, vec![1, 0x60, 0, 0]);
        let mut payload = Vec::new();
        write_leb(&mut payload, imports.len() as u64 + 1);
        for name in imports {
            write_name(&mut payload, "./app_bg.js");
            write_name(&mut payload, name);
            payload.extend([0x00, 0x00]);
        }
        write_name(&mut payload, "env");
        write_name(&mut payload, "memory");
        payload.extend([0x02, 0x01, 0x11, 0x80, 0x01]);
        section(&mut wasm, IMPORT_SECTION, payload);
        let mut payload = Vec::new();
        write_leb(&mut payload, exports.len() as u64);
        for (i, name) in exports.iter().enumerate() {
            write_name(&mut payload, name);
            payload.extend([0x00, i as u8]);
        }
        section(&mut wasm, EXPORT_SECTION, payload);
        section(&mut wasm, 0, b"\x09producers\x00".to_vec());
        section(&mut wasm, 0, b"\x04name\x00\x01\x00".to_vec());
        wasm
    }

    fn names(wasm: &[u8]) -> (Vec<String>, Vec<String>) {
        let module = Module::parse(wasm).expect("a module");
        let entry_names = |id| -> Vec<String> {
            let section = module
                .sections
                .iter()
                .find(|s| s.id == id)
                .expect("the section");
            let entries = entries(id, section.payload).expect("entries");
            entries.into_iter().map(|entry| entry.name).collect()
        };
        (entry_names(IMPORT_SECTION), entry_names(EXPORT_SECTION))
    }

    #[test]
    fn renames_hashed_names_in_both_files_and_nothing_else() {
        let wasm = module(
            &[HASHED, PLAIN],
            &["main", TRAMPOLINE, "other_0123456789abcdef"],
        );
        let js = format!(
            "const i = {{ {HASHED}: function() {{}}, {PLAIN}: f }};\n\
             wasm.{TRAMPOLINE}(1); wasm.main(); x{HASHED}; {HASHED}2;"
        );
        let renamed = rename(&wasm, &js).expect("renamed");
        assert_eq!(renamed.count, 2);
        assert_eq!(
            renamed.js,
            format!(
                "const i = {{ $0: function() {{}}, {PLAIN}: f }};\n\
                 wasm.$1(1); wasm.main(); x{HASHED}; {HASHED}2;"
            )
        );
        let (imports, exports) = names(&renamed.wasm);
        assert_eq!(imports, ["$0", PLAIN, "memory"]);
        // The hashed export the glue never names is someone else's: kept.
        assert_eq!(exports, ["main", "$1", "other_0123456789abcdef"]);
        // The other sections are untouched, but for the producers' notes.
        assert!(renamed.wasm.ends_with(b"\x04name\x00\x01\x00"));
        assert!(!renamed.wasm.windows(9).any(|w| w == b"producers"));
        assert!(renamed.wasm.len() < wasm.len());
    }

    #[test]
    fn refuses_what_it_cannot_do_safely() {
        let check = |wasm: &[u8], js: &str, expect: &str| {
            assert_eq!(rename(wasm, js).map(|r| r.js), Err(expect.to_string()));
        };
        check(b"\0asm", "", "not a WebAssembly module (version 1)");
        let wasm = module(&[HASHED], &[]);
        check(
            &wasm,
            "nothing here",
            &format!("the glue never names the import {HASHED}"),
        );
        check(
            &wasm,
            &format!("{HASHED}; let $0;"),
            "the glue already uses the name $0",
        );
        let cut = &wasm[..wasm.len() - 12];
        check(cut, HASHED, "the module is cut short");
    }

    #[test]
    fn short_names_count_in_base_36() {
        let got: Vec<String> = [0, 9, 10, 35, 36, 1295, 1296]
            .into_iter()
            .map(short_name)
            .collect();
        assert_eq!(got, ["$0", "$9", "$a", "$z", "$10", "$zz", "$100"]);
    }

    #[test]
    fn recognises_hashed_names() {
        for (name, expect) in [
            (HASHED, true),
            (TRAMPOLINE, true),
            (PLAIN, false),
            ("_WASM_SPLIT_MARKER_732e786d2a082da8version", false),
            ("__wbg_x_0123456789ABCDEF", false),
            ("__wbg_x_0123456789abcde", false),
        ] {
            assert_eq!(is_hashed(name), expect, "{name}");
        }
    }

    #[test]
    fn integrity_is_sha384_in_base64() {
        // The digest of "abc" from FIPS 180-2, in base64.
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    #[test]
    fn reads_attributes_quoted_or_not() {
        let tag = "link crossorigin href=./a.js integrity=\"sha384-x\" rel=modulepreload>";
        assert_eq!(attribute(tag, "href"), Some("./a.js"));
        assert_eq!(attribute(tag, "integrity"), Some("sha384-x"));
        assert_eq!(attribute(tag, "rel"), Some("modulepreload"));
        assert_eq!(attribute("a data-href=x", "href"), None);
    }
}
