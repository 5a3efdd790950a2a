//! Fuzz target `compile`: see `communique_fuzz::compile`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| communique_fuzz::compile(data));
