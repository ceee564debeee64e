//! The processed corpus: what the build step produces and the browser deserializes.
//!
//! Offsets are byte offsets into `Doc::text` (the cleaned text) unless a field says
//! otherwise. Everything is owned and plain so that postcard can round-trip it and the
//! CLI can print it as JSON.

use serde::{Deserialize, Serialize};

/// Index into `Model::actors`.
pub type ActorId = u16;
/// Index into `Model::themes`.
pub type ThemeId = u16;
/// Index into `Model::relation_types`.
pub type RelTypeId = u16;
/// Index into `Model::docs`.
pub type DocId = u16;

/// A half-open byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Model {
    pub docs: Vec<Doc>,
    pub actors: Vec<Actor>,
    pub themes: Vec<Theme>,
    pub relation_types: Vec<RelationType>,
    /// One edge per (source, target, relation type); undirected types store the smaller
    /// actor id as `source`.
    pub edges: Vec<Edge>,
    /// Everything extraction noticed but did not turn into data (never fatal).
    pub diagnostics: Vec<Diagnostic>,
    /// The lexicon the model was built with, so the page can process imported files
    /// exactly as the build processed the seeds.
    pub lexicon: crate::lexicon::Lexicon,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ActorKind {
    ArmedGroup,
    State,
    Person,
    Institution,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] =
        [ActorKind::ArmedGroup, ActorKind::State, ActorKind::Person, ActorKind::Institution];

    /// The spelling used in `lexicon.toml`.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::ArmedGroup => "armed group",
            ActorKind::State => "state",
            ActorKind::Person => "person",
            ActorKind::Institution => "institution",
        }
    }

    pub fn parse(s: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// A CSS-friendly token.
    pub fn slug(self) -> &'static str {
        match self {
            ActorKind::ArmedGroup => "group",
            ActorKind::State => "state",
            ActorKind::Person => "person",
            ActorKind::Institution => "institution",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable slug from the lexicon, e.g. `al-qaeda`.
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Theme {
    pub key: String,
    pub name: String,
    pub cues: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelationType {
    pub key: String,
    pub name: String,
    /// Directed types read "source → target" (e.g. pledges allegiance to).
    pub directed: bool,
    pub cues: Vec<String>,
    pub reverse_cues: Vec<String>,
    /// Nouns that name the relation (`truce`, `talks`): they link only actors joined
    /// around them (`the truce between A and B`, `A-B talks`, `A and B ... truce`,
    /// `A's agreement with B`), never two actors that merely flank them.
    pub noun_cues: Vec<String>,
    /// How many words may separate an actor from the cue.
    pub window: u8,
    /// Kinds allowed at each end; empty means any.
    pub source_kinds: Vec<ActorKind>,
    pub target_kinds: Vec<ActorKind>,
    /// Whether the relation is friendly, hostile or neither: a pair with both friendly
    /// and hostile evidence is contested.
    pub stance: Stance,
}

/// Words allowed between an actor and a relation cue when the lexicon does not say.
pub const DEFAULT_WINDOW: u8 = 8;

impl Default for RelationType {
    /// An undirected, neutral type with no cues and the default window.
    fn default() -> RelationType {
        RelationType {
            key: String::new(),
            name: String::new(),
            directed: false,
            cues: Vec::new(),
            reverse_cues: Vec::new(),
            noun_cues: Vec::new(),
            window: DEFAULT_WINDOW,
            source_kinds: Vec::new(),
            target_kinds: Vec::new(),
            stance: Stance::Neutral,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stance {
    Cooperative,
    Hostile,
    #[default]
    Neutral,
}

impl Stance {
    pub fn parse(s: &str) -> Option<Stance> {
        match s {
            "cooperative" => Some(Stance::Cooperative),
            "hostile" => Some(Stance::Hostile),
            "neutral" => Some(Stance::Neutral),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// Stable slug from the catalog.
    pub key: String,
    pub title: String,
    /// True when the catalog supplied the title because the text carries none.
    pub title_supplied: bool,
    pub source: String,
    pub author: String,
    /// ISO 8601, possibly partial (`2021`, `2021-09`, `2018-09-11`), or empty.
    pub date: String,
    pub url: String,
    /// The seed file this document was cut from.
    pub file: String,
    /// The original bytes of this document's part of the file, for provenance.
    pub raw: String,
    /// Cleaned text: blocks joined by a blank line.
    pub text: String,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Span>,
    /// Sorted by start, non-overlapping.
    pub mentions: Vec<Mention>,
    /// Theme hits, sorted by start.
    pub theme_hits: Vec<ThemeHit>,
    /// Themes of the whole document with their number of hits, most frequent first.
    pub themes: Vec<ThemeCount>,
    pub dates: Vec<DateMention>,
}

impl Doc {
    /// The publication year, when the date carries one.
    pub fn year(&self) -> Option<u16> {
        self.date.get(..4).and_then(|y| y.parse().ok())
    }

    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }

    /// Index of the sentence containing `offset`, if any.
    pub fn sentence_at(&self, offset: u32) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        (i < self.sentences.len() && self.sentences[i].start <= offset).then_some(i)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    Heading,
    Paragraph,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
    /// Themes whose cues occur in this block, in lexicon order.
    pub themes: Vec<ThemeId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub actor: ActorId,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeHit {
    pub theme: ThemeId,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThemeCount {
    pub theme: ThemeId,
    pub hits: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    pub span: Span,
    /// The year the mention refers to (for a decade, its first year).
    pub year: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Edge {
    pub source: ActorId,
    pub target: ActorId,
    pub rel: RelTypeId,
    pub evidence: Vec<Evidence>,
}

/// One sentence that supports an edge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: DocId,
    /// Index into `Doc::sentences`.
    pub sentence: u32,
    /// The sentence's span in the document text.
    pub span: Span,
    /// The cue's span in the document text.
    pub cue: Span,
    /// The lexicon cue that matched (e.g. `pledg*`).
    pub cue_term: String,
    /// The mentions of the source and target actors.
    pub source_span: Span,
    pub target_span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub doc: String,
    pub kind: DiagnosticKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DiagnosticKind {
    /// A U+FFFD no candidate could turn into a known word.
    UnresolvedLigature,
    /// A line removed by a cleaning rule (kept here so nothing is lost silently).
    DroppedLine,
    /// A relation cue that was skipped (negated, or no actor pair around it).
    SkippedCue,
}
