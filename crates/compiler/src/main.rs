//! The `communique-compiler` command line.

fn main() {}
