//! Year and date mentions: `2015`, `the 1990s`, `May 1999`, `Oct. 7, 2001`,
//! `June 28, 2025`, `February 2020`. Years are 1900–2099 and stand alone as words, so
//! `30,000` or `$20 million` never read as years.

use crate::matcher::{boundary_after, boundary_before};
use crate::model::{DateMention, Span};

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Aug.",
    "Sept.",
    "Sep.",
    "Oct.",
    "Nov.",
    "Dec.",
];

pub fn find_dates(text: &str) -> Vec<DateMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= text.len() {
        match year_at(text, i) {
            Some((year, end)) => {
                let start = month_before(text, i).unwrap_or(i);
                out.push(DateMention { span: Span::new(start, end), year });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// A standalone year (or decade, `1990s`) starting at byte `i`: its value and end.
fn year_at(text: &str, i: usize) -> Option<(u16, usize)> {
    let four = text.as_bytes().get(i..i + 4)?;
    if !four.iter().all(u8::is_ascii_digit) || !(four.starts_with(b"19") || four.starts_with(b"20")) {
        return None;
    }
    // Not part of a larger number: `$2000`, `30,000`, `1.2000`, `12019`.
    if !boundary_before(text, i) || text[..i].ends_with(['$', ',', '.']) {
        return None;
    }
    let rest = &text[i + 4..];
    if rest.starts_with([',', '.']) && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let end = if rest.starts_with('s') { i + 5 } else { i + 4 };
    if !boundary_after(text, end) {
        return None;
    }
    Some((text[i..i + 4].parse().ok()?, end))
}

/// Start of `Month`, `Month Day,` or `Mon. Day,` directly before a year at `at`.
fn month_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before).trim_end();
    // Optional day number.
    let day_len = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let before = if (1..=2).contains(&day_len) { before[..before.len() - day_len].trim_end() } else { before };
    MONTHS
        .iter()
        .find(|m| before.ends_with(*m) && boundary_before(before, before.len() - m.len()))
        .map(|m| before.len() - m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, u16)> {
        find_dates(s).into_iter().map(|d| (s[d.span.range()].to_string(), d.year)).collect()
    }

    #[test]
    fn finds_years_decades_and_full_dates() {
        assert_eq!(
            dates("In May 1999, on Oct. 7, 2001 and June 28, 2025; the 1990s; in 2015. Not 30,000 or $2000 or 12019."),
            [
                ("May 1999".to_string(), 1999),
                ("Oct. 7, 2001".to_string(), 2001),
                ("June 28, 2025".to_string(), 2025),
                ("1990s".to_string(), 1990),
                ("2015".to_string(), 2015)
            ]
        );
    }
}
