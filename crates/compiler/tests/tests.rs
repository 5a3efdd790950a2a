//! Integration tests of the compiler, in one binary:
//! - `seeds`: the five default articles compile to the expected title, date,
//!   source, clean body and removed boilerplate;
//! - `inputs`: each kind of bad or unusual input file is reported, never fatal
//!   (except a malformed `corpus.toml` or a missing folder);
//! - `cli`: the command line's report, JSON export shape and exit codes;
//! - `entities`: people, organisations and places of the seeds, merged, with roles;
//! - `visits`: the trips the seeds report, with dates, hosts and evidence;
//! - `headlines`: the headline and photo captions read as text, in title case too.

mod cli;
mod entities;
mod headlines;
mod inputs;
mod seeds;
mod util;
mod visits;
