//! Fuzz target `bundle`: see `communique_fuzz::bundle`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| communique_fuzz::bundle(data));
