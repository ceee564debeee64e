//! The search syntax: words, `"exact phrases"`, `-exclusion` and `prefix*`.
//!
//! The parser is total: any input yields a query, and whatever it had to ignore or
//! repair is said in `notes` (an unclosed quote, a lone `-`, a too-short prefix).

use super::tokens::tokens;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// One folded word.
    Word(String),
    /// Words that start with this (folded) text.
    Prefix(String),
    /// Folded words in sequence.
    Phrase(Vec<String>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub include: Vec<Term>,
    pub exclude: Vec<Term>,
    pub notes: Vec<String>,
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }
}

const MIN_PREFIX: usize = 2;

pub fn parse(input: &str) -> Query {
    let mut q = Query::default();
    let chars: Vec<char> = input.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let negate = chars[i] == '-' && chars.get(i + 1).is_some_and(|c| !c.is_whitespace());
        if chars[i] == '-' && !negate {
            q.notes.push("a lone `-` was ignored: write -word to exclude a word".into());
            i += 1;
            continue;
        }
        if negate {
            i += 1;
        }
        let (raw, quoted) = if chars[i] == '"' {
            let end = chars[i + 1..].iter().position(|&c| c == '"').map(|p| i + 1 + p);
            if end.is_none() {
                q.notes.push("the closing quote was missing, so the phrase runs to the end".into());
            }
            let end = end.unwrap_or(chars.len());
            let raw: String = chars[i + 1..end].iter().collect();
            i = end + 1;
            (raw, true)
        } else {
            let end = chars[i..].iter().position(|&c| c.is_whitespace() || c == '"').map_or(chars.len(), |p| i + p);
            let raw: String = chars[i..end].iter().collect();
            i = end;
            (raw, false)
        };
        let prefix = !quoted && raw.ends_with('*');
        let words: Vec<String> = tokens(&raw).into_iter().map(|t| t.text).collect();
        let term = match (words.len(), prefix) {
            (0, _) => {
                if !raw.trim().is_empty() {
                    q.notes.push(format!("`{raw}` has no letters or digits and was ignored"));
                }
                continue;
            }
            (1, true) if words[0].chars().count() < MIN_PREFIX => {
                q.notes.push(format!("`{raw}` is too short a prefix (at least {MIN_PREFIX} letters) and was ignored"));
                continue;
            }
            (1, true) => Term::Prefix(words[0].clone()),
            (1, false) => Term::Word(words[0].clone()),
            (_, _) => {
                if prefix {
                    q.notes.push(format!("`*` works on single words; `{raw}` was searched as a phrase"));
                }
                Term::Phrase(words)
            }
        };
        if negate {
            q.exclude.push(term);
        } else {
            q.include.push(term);
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    fn check(input: &str, expect: Expect) {
        expect.assert_debug_eq(&parse(input));
    }

    #[test]
    fn words_phrases_exclusions_and_prefixes() {
        check(
            r#"Taliban "safe haven" -ISIS negotiat* al-Qaeda"#,
            expect![[r#"
                Query {
                    include: [
                        Word(
                            "taliban",
                        ),
                        Phrase(
                            [
                                "safe",
                                "haven",
                            ],
                        ),
                        Prefix(
                            "negotiat",
                        ),
                        Phrase(
                            [
                                "al",
                                "qaeda",
                            ],
                        ),
                    ],
                    exclude: [
                        Word(
                            "isis",
                        ),
                    ],
                    notes: [],
                }
            "#]],
        );
    }

    #[test]
    fn any_input_gives_a_query_and_says_what_it_ignored() {
        for input in ["", "\"", "-", "*", "a*", "\"unclosed phrase", "--x", "-\"\"", "***", "é*", "\u{0}", "-*"] {
            let _ = parse(input);
        }
        assert_eq!(parse("\"unclosed phrase").include, [Term::Phrase(vec!["unclosed".into(), "phrase".into()])]);
        assert_eq!(parse("\"unclosed phrase").notes, ["the closing quote was missing, so the phrase runs to the end"]);
        assert_eq!(parse("a*").notes, ["`a*` is too short a prefix (at least 2 letters) and was ignored"]);
        assert_eq!(parse("x - y").notes, ["a lone `-` was ignored: write -word to exclude a word"]);
        assert_eq!(parse("!!!").notes, ["`!!!` has no letters or digits and was ignored"]);
        assert_eq!(parse("Qaïda").include, [Term::Word("qaida".into())]);
    }
}
