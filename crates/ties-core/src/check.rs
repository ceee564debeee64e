//! Corpus health report for `ties check`: capitalised names that recur but are not in
//! the lexicon (candidates for new actors or aliases).

use std::collections::BTreeMap;

use crate::model::Model;

/// Capitalised words that begin sentences or name things every article uses; not names.
const COMMON: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "In",
    "On",
    "At",
    "Of",
    "For",
    "As",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "If",
    "When",
    "While",
    "What",
    "Who",
    "How",
    "Why",
    "Where",
    "Even",
    "Still",
    "Yet",
    "So",
    "Now",
    "Today",
    "However",
    "Though",
    "Since",
    "After",
    "Before",
    "Some",
    "Many",
    "Most",
    "Other",
    "Others",
    "Such",
    "There",
    "Here",
    "Thus",
    "Also",
    "Then",
    "Well",
    "Right",
    "First",
    "Second",
    "Finally",
    "Regardless",
    "Indeed",
    "Nonetheless",
    "Meanwhile",
    "Moreover",
    "Furthermore",
    "Consequently",
    "Unfortunately",
    "Of course",
    "Mullah",
    "President",
    "Minister",
    "Prime",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
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
    "Islamic",
    "Muslim",
    "Arab",
    "Afghan",
    "Afghans",
    "American",
    "Americans",
    "Iranian",
    "Israeli",
    "Egyptian",
    "Pakistani",
    "Saudi",
    "Syrian",
    "Iraqi",
    "Kurdish",
    "Western",
    "Shiite",
    "Salafist",
    "Gulf",
    "Middle",
    "East",
    "South",
    "Asia",
    "Africa",
    "God",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub name: String,
    pub count: usize,
    /// Keys of the documents it appears in.
    pub docs: Vec<String>,
}

/// Runs of capitalised words (`Marco Werman`, `Kandahar`) outside actor mentions that
/// occur at least `min_count` times across the corpus, most frequent first.
pub fn unknown_names(model: &Model, min_count: usize) -> Vec<UnknownName> {
    let mut seen: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    for doc in &model.docs {
        let covered = |at: usize| doc.mentions.iter().any(|m| m.span.range().contains(&at));
        let mut run: Vec<&str> = Vec::new();
        let mut flush = |run: &mut Vec<&str>| {
            while run.first().is_some_and(|w| COMMON.contains(w)) {
                run.remove(0);
            }
            if !run.is_empty() {
                let name = run.join(" ");
                let e = seen.entry(name).or_default();
                e.0 += 1;
                if !e.1.contains(&doc.key) {
                    e.1.push(doc.key.clone());
                }
            }
            run.clear();
        };
        let mut at = 0;
        for token in doc.text.split_inclusive(|c: char| c.is_whitespace()) {
            let start = at;
            at += token.len();
            let word = token.trim_matches(|c: char| !c.is_alphanumeric());
            let capital = word.chars().next().is_some_and(char::is_uppercase) && word.chars().count() > 1;
            let ends_clause =
                token.trim_end().ends_with(|c: char| matches!(c, ',' | '.' | ';' | ':' | '?' | '!' | ')'))
                    || token.contains('\u{2019}')
                    || token.contains('\'');
            if capital && !covered(start + token.find(word).unwrap_or(0)) {
                run.push(word);
                if ends_clause {
                    flush(&mut run);
                }
            } else {
                flush(&mut run);
            }
        }
        flush(&mut run);
    }
    let mut out: Vec<UnknownName> = seen
        .into_iter()
        .filter(|(name, (count, _))| *count >= min_count && !COMMON.contains(&name.as_str()))
        .map(|(name, (count, docs))| UnknownName { name, count, docs })
        .collect();
    crate::order::sort_by(&mut out, |a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}
