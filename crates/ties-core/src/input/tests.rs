//! Bad-input cases for `load`.
