//! Documents as they enter the pipeline: catalog metadata plus the raw text, and the
//! cutting of seed files into documents (one file may hold several articles).

/// What the catalog says about one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocMeta {
    pub key: String,
    pub title: String,
    pub title_supplied: bool,
    pub source: String,
    pub author: String,
    pub date: String,
    pub url: String,
    pub file: String,
    /// The first line of this article inside its file, when the file holds several.
    pub starts_with: Option<String>,
    /// Lines (by prefix) to remove, e.g. a one-off photo caption.
    pub drop: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DocInput {
    pub meta: DocMeta,
    pub raw: String,
}

/// Why a file could not be cut as the catalog asks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CutError {
    /// The `starts_with` line of entry `entry` is not a line of the file.
    MarkerNotFound { entry: usize },
    /// Entries for one file must be in the order their articles appear.
    MarkerOutOfOrder { entry: usize },
}

/// Cuts `text` into one piece per entry. The first entry starts at the top of the file
/// (its `starts_with`, if any, must be found too); each later one at its marker line.
pub fn cut_file<'a>(text: &'a str, metas: &[&DocMeta]) -> Result<Vec<&'a str>, CutError> {
    let mut starts = Vec::with_capacity(metas.len());
    for (i, meta) in metas.iter().enumerate() {
        let at = match &meta.starts_with {
            None if i == 0 => 0,
            None => return Err(CutError::MarkerNotFound { entry: i }),
            Some(marker) => line_start_of(text, marker).ok_or(CutError::MarkerNotFound { entry: i })?,
        };
        let at = if i == 0 { 0 } else { at };
        if starts.last().is_some_and(|&prev| at <= prev) {
            return Err(CutError::MarkerOutOfOrder { entry: i });
        }
        starts.push(at);
    }
    let mut pieces = Vec::with_capacity(starts.len());
    for (i, &s) in starts.iter().enumerate() {
        let e = starts.get(i + 1).copied().unwrap_or(text.len());
        pieces.push(&text[s..e]);
    }
    Ok(pieces)
}

/// Byte offset of the first line whose trimmed text starts with `marker`.
fn line_start_of(text: &str, marker: &str) -> Option<usize> {
    let marker = marker.trim();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if !marker.is_empty() && line.trim().starts_with(marker) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(marker: Option<&str>) -> DocMeta {
        DocMeta { starts_with: marker.map(String::from), ..DocMeta::default() }
    }

    #[test]
    fn cuts_at_marker_lines() {
        let text = "First\nbody one\n\nSecond title\nbody two\n";
        let (a, b) = (meta(None), meta(Some("Second title")));
        assert_eq!(cut_file(text, &[&a, &b]).unwrap(), ["First\nbody one\n\n", "Second title\nbody two\n"]);
    }

    #[test]
    fn missing_or_misordered_markers_are_errors() {
        let text = "A\nB\nC\n";
        assert_eq!(cut_file(text, &[&meta(None), &meta(Some("Z"))]), Err(CutError::MarkerNotFound { entry: 1 }));
        assert_eq!(
            cut_file(text, &[&meta(None), &meta(Some("C")), &meta(Some("B"))]),
            Err(CutError::MarkerOutOfOrder { entry: 2 })
        );
    }
}
