//! Validation of the editable data files (`catalog.toml`, `lexicon.toml`) and the seed
//! texts, given as bytes: no IO here, the callers read the folder. Every problem becomes
//! an [`InputError`] that names the file, the line and the fix, and all of them are
//! reported at once rather than the first only.

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde::Deserialize;
use toml::Spanned;

use crate::corpus::{cut_file, CutError, DocInput, DocMeta};
use crate::lexicon::{LexActor, Lexicon};
use crate::model::{ActorKind, RelationType, Stance, Theme};

pub const CATALOG: &str = "catalog.toml";
pub const LEXICON: &str = "lexicon.toml";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub file: String,
    /// 1-based; `None` when the problem is the file as a whole.
    pub line: Option<usize>,
    pub message: String,
    pub fix: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}\n  fix: {}", self.file, line, self.message, self.fix),
            None => write!(f, "{}: {}\n  fix: {}", self.file, self.message, self.fix),
        }
    }
}

fn err(file: &str, line: Option<usize>, message: impl Into<String>, fix: impl Into<String>) -> InputError {
    InputError { file: file.to_string(), line, message: message.into(), fix: fix.into() }
}

fn line_of(src: &str, offset: usize) -> usize {
    src[..offset.min(src.len())].matches('\n').count() + 1
}

/// A seed text file as read from disk.
#[derive(Debug, Clone)]
pub struct SeedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Validates everything and returns the lexicon and the documents in catalog order.
pub fn load(seeds: &[SeedFile], catalog: &str, lexicon: &str) -> Result<(Lexicon, Vec<DocInput>), Vec<InputError>> {
    let mut errors = Vec::new();
    let lex = parse_lexicon(lexicon).map_err(|e| errors.extend(e)).ok();
    let docs = parse_catalog(catalog, seeds).map_err(|e| errors.extend(e)).ok();
    match (lex, docs) {
        (Some(lex), Some(docs)) if errors.is_empty() => Ok((lex, docs)),
        _ => Err(errors),
    }
}

fn toml_error(file: &str, src: &str, e: toml::de::Error) -> InputError {
    let line = e.span().map(|s| line_of(src, s.start));
    err(
        file,
        line,
        e.message().trim().to_string(),
        "correct the TOML at that line (see the comments at the top of the file)",
    )
}

// ---------------------------------------------------------------- catalog

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    document: Vec<Spanned<CatalogEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogEntry {
    key: String,
    file: String,
    title: String,
    #[serde(default)]
    title_supplied: bool,
    #[serde(default)]
    source: String,
    #[serde(default)]
    author: String,
    #[serde(default)]
    date: Option<Spanned<String>>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    starts_with: Option<String>,
    #[serde(default)]
    drop: Vec<String>,
    /// Free text for the people who curate the catalog (how a field was found).
    #[serde(default)]
    #[allow(dead_code)]
    note: String,
}

fn parse_catalog(src: &str, seeds: &[SeedFile]) -> Result<Vec<DocInput>, Vec<InputError>> {
    let file: CatalogFile = toml::from_str(src).map_err(|e| vec![toml_error(CATALOG, src, e)])?;
    let mut errors = Vec::new();
    let texts = seed_texts(seeds, &mut errors);
    let mut keys = HashSet::new();
    let mut metas: Vec<(usize, DocMeta)> = Vec::new();
    for entry in &file.document {
        let line = line_of(src, entry.span().start);
        let e = entry.get_ref();
        if !keys.insert(e.key.clone()) {
            errors.push(err(
                CATALOG,
                Some(line),
                format!("document key `{}` is used twice", e.key),
                "give each [[document]] its own key",
            ));
        }
        if e.title.trim().is_empty() {
            errors.push(err(
                CATALOG,
                Some(line),
                format!("document `{}` has an empty title", e.key),
                "write a title; set title_supplied = true if the text has none",
            ));
        }
        let date = e.date.as_ref().map_or("", |d| d.get_ref().as_str());
        if !valid_date(date) {
            errors.push(err(
                CATALOG,
                e.date.as_ref().map(|d| line_of(src, d.span().start)),
                format!("date `{date}` of `{}` is not an ISO date", e.key),
                "write YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty when the text does not tell",
            ));
        }
        let url = e.url.as_ref().map_or("", |u| u.get_ref().as_str());
        if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
            errors.push(err(
                CATALOG,
                e.url.as_ref().map(|u| line_of(src, u.span().start)),
                format!("url `{url}` of `{}` is not a web address", e.key),
                "write an address that starts with https:// or http://, or leave it empty",
            ));
        }
        if !texts.contains_key(e.file.as_str()) && seeds.iter().all(|s| s.name != e.file) {
            errors.push(err(
                CATALOG,
                Some(line),
                format!("document `{}` names file `{}`, which is not in the seeds folder", e.key, e.file),
                "correct the file name, or add the file to seeds/",
            ));
        }
        metas.push((
            line,
            DocMeta {
                key: e.key.clone(),
                title: e.title.clone(),
                title_supplied: e.title_supplied,
                source: e.source.clone(),
                author: e.author.clone(),
                date: date.to_string(),
                url: url.to_string(),
                file: e.file.clone(),
                starts_with: e.starts_with.clone(),
                drop: e.drop.clone(),
            },
        ));
    }
    for seed in seeds {
        if !metas.iter().any(|(_, m)| m.file == seed.name) {
            errors.push(err(
                &seed.name,
                None,
                "this seed file has no [[document]] entry in catalog.toml, so it would be left out",
                "add a [[document]] entry with file = \"".to_string() + &seed.name + "\" to catalog.toml",
            ));
        }
    }
    // Cut each file into its documents, in catalog order.
    let mut docs = Vec::new();
    let mut done: HashSet<&str> = HashSet::new();
    for (_, meta) in &metas {
        if !done.insert(meta.file.as_str()) {
            continue;
        }
        let Some(text) = texts.get(meta.file.as_str()) else {
            continue;
        };
        let group: Vec<&(usize, DocMeta)> = metas.iter().filter(|(_, m)| m.file == meta.file).collect();
        let refs: Vec<&DocMeta> = group.iter().map(|(_, m)| m).collect();
        match cut_file(text, &refs) {
            Ok(pieces) => {
                for ((_, m), raw) in group.iter().zip(pieces) {
                    docs.push(DocInput { meta: m.clone(), raw: raw.to_string() });
                }
            }
            Err(CutError::MarkerNotFound { entry }) => errors.push(err(
                CATALOG,
                Some(group[entry].0),
                format!(
                    "`{}` shares {} with another document, but its starts_with line is not in the file",
                    group[entry].1.key, meta.file
                ),
                "set starts_with to the exact first line of this article in the file",
            )),
            Err(CutError::MarkerOutOfOrder { entry }) => errors.push(err(
                CATALOG,
                Some(group[entry].0),
                format!("`{}` starts before the document listed above it in {}", group[entry].1.key, meta.file),
                "list the documents of one file in the order they appear in it",
            )),
        }
    }
    if errors.is_empty() {
        Ok(docs)
    } else {
        Err(errors)
    }
}

/// Decodes the seed files, reporting files that are empty or not UTF-8.
fn seed_texts<'a>(seeds: &'a [SeedFile], errors: &mut Vec<InputError>) -> HashMap<&'a str, &'a str> {
    let mut texts = HashMap::new();
    for seed in seeds {
        match std::str::from_utf8(&seed.bytes) {
            Err(e) => {
                let line = seed.bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
                errors.push(err(
                    &seed.name,
                    Some(line),
                    "the file is not valid UTF-8",
                    "re-save the file as UTF-8 (the original encoding is likely Windows-1252 or Latin-1)",
                ));
            }
            Ok(t) if t.trim().is_empty() => {
                errors.push(err(
                    &seed.name,
                    None,
                    "the file is empty",
                    "put the article's text in it, or delete it and its catalog entry",
                ));
            }
            Ok(t) => {
                texts.insert(seed.name.as_str(), t);
            }
        }
    }
    texts
}

fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize, max: u32| s.len() == len && s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    d.is_empty()
        || match parts.as_slice() {
            [y] => num(y, 4, 9999),
            [y, m] => num(y, 4, 9999) && num(m, 2, 12),
            [y, m, day] => num(y, 4, 9999) && num(m, 2, 12) && num(day, 2, 31),
            _ => false,
        }
}

// ---------------------------------------------------------------- lexicon

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    #[serde(default)]
    cleaning: Cleaning,
    #[serde(default)]
    actor: Vec<Spanned<ActorEntry>>,
    #[serde(default)]
    theme: Vec<Spanned<ThemeEntry>>,
    #[serde(default)]
    relation: Vec<Spanned<RelationEntry>>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Cleaning {
    #[serde(default)]
    ligatures: Vec<String>,
    #[serde(default)]
    known_words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    key: String,
    name: String,
    kind: Spanned<String>,
    aliases: Vec<Spanned<String>>,
    #[serde(default)]
    surnames: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeEntry {
    key: String,
    name: String,
    cues: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationEntry {
    key: String,
    name: String,
    #[serde(default)]
    directed: bool,
    cues: Vec<String>,
    #[serde(default)]
    reverse_cues: Vec<String>,
    #[serde(default)]
    noun_cues: Vec<String>,
    #[serde(default = "default_window")]
    window: u8,
    #[serde(default)]
    source_kinds: Vec<Spanned<String>>,
    #[serde(default)]
    target_kinds: Vec<Spanned<String>>,
    #[serde(default)]
    stance: Option<Spanned<String>>,
}

fn default_window() -> u8 {
    crate::model::DEFAULT_WINDOW
}

fn unknown_kind(src: &str, owner: &str, kind: &Spanned<String>) -> InputError {
    let kinds: Vec<&str> = ActorKind::ALL.iter().map(|k| k.as_str()).collect();
    err(
        LEXICON,
        Some(line_of(src, kind.span().start)),
        format!("`{owner}` names unknown kind `{}`", kind.get_ref()),
        format!("use one of: {}", kinds.join(", ")),
    )
}

fn parse_lexicon(src: &str) -> Result<Lexicon, Vec<InputError>> {
    let file: LexiconFile = toml::from_str(src).map_err(|e| vec![toml_error(LEXICON, src, e)])?;
    let mut errors = Vec::new();
    let mut keys = HashSet::new();
    let mut key_once = |key: &str, section: &str, line: usize, errors: &mut Vec<InputError>| {
        if key.trim().is_empty() || !keys.insert(format!("{section}/{key}")) {
            errors.push(err(
                LEXICON,
                Some(line),
                format!("[[{section}]] key `{key}` is empty or used twice"),
                format!("give each [[{section}]] its own non-empty key"),
            ));
        }
    };
    // Aliases compare ignoring case unless all-capital, as the matcher does.
    let mut claimed: HashMap<String, (String, usize)> = HashMap::new();
    let mut actors = Vec::new();
    for entry in &file.actor {
        let line = line_of(src, entry.span().start);
        let a = entry.get_ref();
        key_once(&a.key, "actor", line, &mut errors);
        let kind = ActorKind::parse(a.kind.get_ref());
        if kind.is_none() {
            errors.push(unknown_kind(src, &a.key, &a.kind));
        }
        if a.aliases.is_empty() {
            errors.push(err(
                LEXICON,
                Some(line),
                format!("actor `{}` has no aliases", a.key),
                "list at least the name as the text spells it in aliases",
            ));
        }
        for alias in &a.aliases {
            let norm = if crate::lexicon::is_case_strict(alias.get_ref()) {
                alias.get_ref().clone()
            } else {
                alias.get_ref().to_lowercase()
            };
            let alias_line = line_of(src, alias.span().start);
            if alias.get_ref().trim().is_empty() {
                errors.push(err(
                    LEXICON,
                    Some(alias_line),
                    format!("actor `{}` has an empty alias", a.key),
                    "remove the empty string",
                ));
            } else if let Some((owner, owner_line)) = claimed.get(&norm) {
                errors.push(err(
                    LEXICON,
                    Some(alias_line),
                    format!(
                        "alias `{}` is claimed by both `{owner}` (line {owner_line}) and `{}`",
                        alias.get_ref(),
                        a.key
                    ),
                    "keep the alias on one actor only; for a shared family name use `surnames`",
                ));
            } else {
                claimed.insert(norm, (a.key.clone(), alias_line));
            }
        }
        actors.push(LexActor {
            key: a.key.clone(),
            name: a.name.clone(),
            kind: kind.unwrap_or(ActorKind::Institution),
            aliases: a.aliases.iter().map(|s| s.get_ref().clone()).collect(),
            surnames: a.surnames.clone(),
        });
    }
    let mut themes = Vec::new();
    for entry in &file.theme {
        let line = line_of(src, entry.span().start);
        let t = entry.get_ref();
        key_once(&t.key, "theme", line, &mut errors);
        if t.cues.iter().all(|c| c.trim().is_empty()) {
            errors.push(err(
                LEXICON,
                Some(line),
                format!("theme `{}` has no cues", t.key),
                "list the words that signal the theme in cues",
            ));
        }
        themes.push(Theme { key: t.key.clone(), name: t.name.clone(), cues: t.cues.clone() });
    }
    let mut relations = Vec::new();
    for entry in &file.relation {
        let line = line_of(src, entry.span().start);
        let r = entry.get_ref();
        key_once(&r.key, "relation", line, &mut errors);
        let kinds = |list: &[Spanned<String>], errors: &mut Vec<InputError>| -> Vec<ActorKind> {
            list.iter()
                .filter_map(|k| {
                    let kind = ActorKind::parse(k.get_ref());
                    if kind.is_none() {
                        errors.push(unknown_kind(src, &r.key, k));
                    }
                    kind
                })
                .collect()
        };
        let (source_kinds, target_kinds) = (kinds(&r.source_kinds, &mut errors), kinds(&r.target_kinds, &mut errors));
        let stance = match &r.stance {
            None => Stance::Neutral,
            Some(s) => Stance::parse(s.get_ref()).unwrap_or_else(|| {
                errors.push(err(
                    LEXICON,
                    Some(line_of(src, s.span().start)),
                    format!("relation `{}` has unknown stance `{}`", r.key, s.get_ref()),
                    "use one of: cooperative, hostile, neutral",
                ));
                Stance::Neutral
            }),
        };
        if r.cues.iter().chain(&r.reverse_cues).chain(&r.noun_cues).all(|c| c.trim().is_empty()) {
            errors.push(err(
                LEXICON,
                Some(line),
                format!("relation `{}` has no cues", r.key),
                "list the words that signal the relation in cues",
            ));
        }
        if !r.directed && !r.reverse_cues.is_empty() {
            errors.push(err(
                LEXICON,
                Some(line),
                format!("relation `{}` is undirected but has reverse_cues", r.key),
                "set directed = true, or move the reverse_cues into cues",
            ));
        }
        relations.push(RelationType {
            key: r.key.clone(),
            name: r.name.clone(),
            directed: r.directed,
            cues: r.cues.clone(),
            reverse_cues: r.reverse_cues.clone(),
            noun_cues: r.noun_cues.clone(),
            window: r.window,
            source_kinds,
            target_kinds,
            stance,
        });
    }
    if errors.is_empty() {
        Ok(Lexicon {
            ligatures: file.cleaning.ligatures,
            known_words: file.cleaning.known_words,
            actors,
            themes,
            relations,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
