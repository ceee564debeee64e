//! Extraction from cleaned text: actor mentions, theme hits, dates and relations.
//! Every function here is total: messy text yields fewer results, never an error.

pub mod dates;
pub mod mentions;
pub mod relations;
pub mod themes;
