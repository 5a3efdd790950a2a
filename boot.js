// Starts the explorer: loads the wasm-bindgen module Trunk built, then its WebAssembly.
//
// Why a file: Trunk's default loader is an inline <script type="module">, which a strict
// Content-Security-Policy (script-src 'self', no 'unsafe-inline') refuses. Trunk.toml's
// `pattern_script` writes this tag instead, with the build's hashed file names in its data
// attributes, so this script never changes between builds.
const tag = document.getElementById("communique-boot");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
