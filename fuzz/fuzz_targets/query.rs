//! Fuzz target `query`: see `communique_fuzz::query`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| communique_fuzz::query(data));
