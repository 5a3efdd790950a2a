//! The pages the app routes between (see `lib.rs`'s `Page`); each composes
//! components and leaves their styling to them.

pub mod browse;
pub mod embed_builder;
pub mod entity;
pub mod map;
pub mod not_found;
pub mod overview;
pub mod reader;
pub mod report;
pub mod search;
pub mod timeline;
