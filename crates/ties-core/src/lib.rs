//! # ties-core
//!
//! The pure core of Ties: it turns raw article text and an analyst-editable lexicon into
//! a [`model::Model`] (clean text, sentences, actor mentions, themes, dates and typed,
//! evidence-backed relations), and answers queries over it.
//!
//! Invariants (see ARCHITECTURE.md):
//! - no IO and no web crates: everything here runs natively under `cargo test` and in
//!   the browser alike;
//! - extraction is total: messy text gives fewer results plus diagnostics, never an
//!   error. Only [`input`] (behind the `input` feature) returns errors, and each names
//!   the file, the line and the fix.

pub mod check;
pub mod clean;
pub mod corpus;
pub mod embed;
pub mod explore;
pub mod export;
pub mod extract;
pub mod graph;
pub mod graph_draw;
#[cfg(feature = "input")]
pub mod input;
pub mod layout;
pub mod lexicon;
pub mod ligature;
pub mod matcher;
pub mod model;
pub mod num;
pub mod order;
pub mod pack;
pub mod pipeline;
pub mod reader;
pub mod search;
pub mod segment;
pub mod set;
pub mod state;

pub use model::Model;
pub use pipeline::build_model;
